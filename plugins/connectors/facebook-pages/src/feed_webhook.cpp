#include "feed_webhook.hpp"

#include <nlohmann/json.hpp>
#include <optional>

#include "comment_event.hpp"

namespace parley::facebook {

namespace {

using nlohmann::json;

constexpr std::size_t kMaxRawBytes = 4096;

std::string truncated(std::string_view text) { return std::string(text.substr(0, kMaxRawBytes)); }

/// Graph sends ids as numeric strings; a number is accepted too.
std::optional<std::string> id_field(const json& object, const char* key) {
  const auto found = object.find(key);
  if (found == object.end()) return std::nullopt;
  if (found->is_string() && !found->get_ref<const std::string&>().empty()) return found->get<std::string>();
  if (found->is_number_integer()) return std::to_string(found->get<long long>());
  return std::nullopt;
}

std::optional<std::int64_t> time_field_ms(const json& object, const char* key) {
  const auto found = object.find(key);
  if (found == object.end()) return std::nullopt;
  if (found->is_number_integer()) return found->get<std::int64_t>() * 1000;
  if (found->is_string()) return parse_graph_time(found->get_ref<const std::string&>());
  return std::nullopt;
}

std::string text_field(const json& object, const char* key) {
  const auto found = object.find(key);
  return found != object.end() && found->is_string() ? found->get<std::string>() : std::string();
}

class DeliveryReader {
 public:
  DeliveryReader(const FacebookConfig& config, std::string_view where) : config_(config), where_(where) {}

  FeedDelivery read(std::string_view body) {
    json document;
    try {
      document = json::parse(body);
    } catch (const json::exception& error) {
      reject("", std::string("invalid JSON: ") + error.what(), body);
      return std::move(result_);
    }
    if (!document.is_object() || text_field(document, "object") != "page") {
      reject("", "expected an object with \"object\": \"page\"", body);
      return std::move(result_);
    }
    const auto entries = document.find("entry");
    if (entries == document.end() || !entries->is_array()) {
      reject("", "missing array 'entry'", body);
      return std::move(result_);
    }
    for (std::size_t i = 0; i < entries->size(); ++i) read_entry((*entries)[i], "entry[" + std::to_string(i) + "]");
    return std::move(result_);
  }

 private:
  void read_entry(const json& entry, const std::string& at) {
    if (!entry.is_object()) return reject(at, "an entry must be an object", entry.dump());
    const auto page = id_field(entry, "id");
    if (!page) return reject(at, "missing required field 'id' (the page id)", entry.dump());
    if (*page != config_.page_id) {
      result_.ignored.push_back(at + ": page " + *page + " is not this connector's page");
      return;
    }
    if (entry.contains("messaging")) result_.ignored.push_back(at + ": messaging (not read by this connector)");
    const auto changes = entry.find("changes");
    if (changes == entry.end()) {
      if (!entry.contains("messaging")) reject(at, "missing array 'changes'", entry.dump());
      return;
    }
    if (!changes->is_array()) return reject(at, "'changes' must be an array", entry.dump());
    const auto entry_time_ms = time_field_ms(entry, "time");
    for (std::size_t j = 0; j < changes->size(); ++j) {
      read_change((*changes)[j], at + ".changes[" + std::to_string(j) + "]", entry_time_ms);
    }
  }

  void read_change(const json& change, const std::string& at, std::optional<std::int64_t> entry_time_ms) {
    if (!change.is_object()) return reject(at, "a change must be an object", change.dump());
    const auto field = text_field(change, "field");
    if (field != "feed") {
      result_.ignored.push_back(at + ": field '" + field + "'");
      return;
    }
    const auto value = change.find("value");
    if (value == change.end() || !value->is_object()) return reject(at, "missing object 'value'", change.dump());
    const auto item = text_field(*value, "item");
    const auto verb = text_field(*value, "verb");
    if (item.empty() || verb.empty()) return reject(at, "missing field 'item' or 'verb'", value->dump());
    if (item != "comment" || (verb != "add" && verb != "edited")) {
      result_.ignored.push_back(at + ": " + item + " " + verb);
      return;
    }
    CommentFields comment;
    const auto comment_id = id_field(*value, "comment_id");
    if (!comment_id) return reject(at, "missing required field 'comment_id'", value->dump());
    comment.comment_id = *comment_id;
    const auto from = value->find("from");
    const auto author = from != value->end() && from->is_object() ? id_field(*from, "id") : std::nullopt;
    if (!author) {
      return reject(at, "missing required field 'from.id' (the app may lack pages_read_user_content)", value->dump());
    }
    comment.author_id = *author;
    comment.author_name = text_field(*from, "name");
    comment.post_id = id_field(*value, "post_id").value_or("");
    comment.parent_id = id_field(*value, "parent_id").value_or("");
    comment.message = text_field(*value, "message");
    const auto created = time_field_ms(*value, "created_time");
    if (value->contains("created_time") && !created) {
      return reject(at, "field 'created_time' must be Unix seconds or a Graph time", value->dump());
    }
    comment.created_at_ms = created.value_or(entry_time_ms.value_or(0));
    if (verb == "edited") {
      // The entry's time is when the edit happened: one event per edit.
      comment.edit_marker = std::to_string(entry_time_ms.value_or(comment.created_at_ms) / 1000);
      if (entry_time_ms) comment.created_at_ms = *entry_time_ms;
    }
    comment.raw = value->dump();
    result_.events.push_back(comment_event(comment, config_));
  }

  void reject(const std::string& at, std::string error, std::string_view raw) {
    RejectedInput rejected;
    rejected.where = at.empty() ? std::string(where_) : std::string(where_) + " " + at;
    rejected.error = std::move(error);
    rejected.raw = truncated(raw);
    result_.rejected.push_back(std::move(rejected));
  }

  const FacebookConfig& config_;
  std::string_view where_;
  FeedDelivery result_;
};

}  // namespace

FeedDelivery parse_feed_delivery(std::string_view body, const FacebookConfig& config, std::string_view where) {
  return DeliveryReader(config, where).read(body);
}

}  // namespace parley::facebook
