#include "comments_webhook.hpp"

#include <nlohmann/json.hpp>
#include <optional>

#include "graph_json.hpp"
#include "ig_comment_event.hpp"

namespace parley::instagram {

namespace {

using graph::id_field;
using graph::string_at;
using graph::time_field_ms;
using nlohmann::json;

class CommentsReader final : public graph::DeliveryReader {
 public:
  CommentsReader(const InstagramConfig& config, std::string_view where)
      : graph::DeliveryReader("instagram", where), config_(config) {}

 private:
  void read_entry(const json& entry, const std::string& at) override {
    if (!entry.is_object()) return reject(at, "an entry must be an object", entry.dump());
    const auto account = id_field(entry, "id");
    if (!account) return reject(at, "missing required field 'id' (the Instagram account id)", entry.dump());
    if (*account != config_.ig_user_id) {
      result_.ignored.push_back(at + ": account " + *account + " is not this connector's account");
      return;
    }
    const auto entry_time_ms = time_field_ms(entry, "time");
    // Facebook Login apps get Graph's usual "changes" array; Meta's examples
    // for Instagram Login put one field/value on the entry itself.
    if (entry.contains("field") && !entry.contains("changes")) return read_change(entry, at, entry_time_ms);
    const auto changes = entry.find("changes");
    if (changes == entry.end()) {
      if (entry.contains("messaging"))
        return result_.ignored.push_back(at + ": messaging (not read by this connector)");
      return reject(at, "missing array 'changes'", entry.dump());
    }
    if (!changes->is_array()) return reject(at, "'changes' must be an array", entry.dump());
    for (std::size_t j = 0; j < changes->size(); ++j) {
      read_change((*changes)[j], at + ".changes[" + std::to_string(j) + "]", entry_time_ms);
    }
  }

  void read_change(const json& change, const std::string& at, std::optional<std::int64_t> entry_time_ms) {
    if (!change.is_object()) return reject(at, "a change must be an object", change.dump());
    const auto field = string_at(change, "field");
    const bool moderated = field == "comments" || (field == "live_comments" && config_.live_comments);
    if (!moderated) return result_.ignored.push_back(at + ": field '" + field + "'");
    const auto value = change.find("value");
    if (value == change.end() || !value->is_object()) return reject(at, "missing object 'value'", change.dump());
    CommentFields comment;
    comment.field = field;
    const auto comment_id = id_field(*value, "id");
    if (!comment_id) return reject(at, "missing required field 'id' (the comment id)", value->dump());
    comment.comment_id = *comment_id;
    const auto& from = value->contains("from") ? value->at("from") : json();
    const auto author = id_field(from, "id");
    if (!author) return reject(at, "missing required field 'from.id'", value->dump());
    if (*author == config_.ig_user_id) {
      return result_.ignored.push_back(at + ": comment " + comment.comment_id + " by the account itself");
    }
    comment.author_id = *author;
    comment.username = string_at(from, "username");
    const auto& media = value->contains("media") ? value->at("media") : json();
    comment.media_id = id_field(media, "id").value_or("");
    comment.media_product_type = string_at(media, "media_product_type");
    comment.parent_id = id_field(*value, "parent_id").value_or("");
    comment.text = string_at(*value, "text");
    // The payload has no creation time; the entry's time is when Meta sent it, moments after.
    const auto created = value->contains("timestamp") ? time_field_ms(*value, "timestamp") : entry_time_ms;
    if (!created) return reject(at, "no time: neither 'value.timestamp' nor the entry's 'time'", value->dump());
    comment.created_at_ms = *created;
    comment.raw = value->dump();
    result_.comment_times.emplace_back(comment.comment_id, comment.created_at_ms);
    result_.events.push_back(comment_event(comment, config_));
  }

  const InstagramConfig& config_;
};

}  // namespace

graph::Delivery parse_comments_delivery(std::string_view body, const InstagramConfig& config, std::string_view where) {
  return CommentsReader(config, where).read(body);
}

}  // namespace parley::instagram
