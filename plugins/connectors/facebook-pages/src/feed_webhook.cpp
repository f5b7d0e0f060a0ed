#include "feed_webhook.hpp"

#include <nlohmann/json.hpp>

#include "comment_event.hpp"
#include "graph_json.hpp"

namespace parley::facebook {

namespace {

using graph::id_field;
using graph::string_at;
using graph::time_field_ms;
using nlohmann::json;

class DeliveryReader final : public graph::DeliveryReader {
 public:
  DeliveryReader(const FacebookConfig& config, std::string_view where)
      : graph::DeliveryReader("page", where), config_(config) {}

 private:
  void read_entry(const json& entry, const std::string& at) override {
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
    const auto field = string_at(change, "field");
    if (field != "feed") {
      result_.ignored.push_back(at + ": field '" + field + "'");
      return;
    }
    const auto value = change.find("value");
    if (value == change.end() || !value->is_object()) return reject(at, "missing object 'value'", change.dump());
    const auto item = string_at(*value, "item");
    const auto verb = string_at(*value, "verb");
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
    comment.author_name = string_at(*from, "name");
    comment.post_id = id_field(*value, "post_id").value_or("");
    comment.parent_id = id_field(*value, "parent_id").value_or("");
    comment.message = string_at(*value, "message");
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
    // An edit's time is not the comment's: only originals date the 7-day private-reply window.
    if (verb != "edited") result_.comment_times.emplace_back(comment.comment_id, comment.created_at_ms);
    result_.events.push_back(comment_event(comment, config_));
  }

  const FacebookConfig& config_;
};

}  // namespace

FeedDelivery parse_feed_delivery(std::string_view body, const FacebookConfig& config, std::string_view where) {
  return DeliveryReader(config, where).read(body);
}

}  // namespace parley::facebook
