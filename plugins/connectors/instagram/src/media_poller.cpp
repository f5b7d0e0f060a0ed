#include "media_poller.hpp"

#include <utility>

#include "graph_error.hpp"
#include "graph_json.hpp"
#include "ig_comment_event.hpp"

namespace parley::instagram {

namespace {

using graph::has_data_array;
using graph::id_field;
using graph::next_page_link;
using graph::string_at;
using graph::time_field_ms;
using nlohmann::json;

constexpr const char* kMediaFields = "id,timestamp,permalink,media_product_type";
constexpr const char* kCommentFields =
    "id,text,timestamp,from,username,parent_id,replies{id,text,timestamp,from,username,parent_id}";

}  // namespace

void MediaPoller::step(PollBatch& batch) {
  if (begin_request("media page link")) {  // a new read: the newest media first
    set_page_link(graph_.url("/" + config_.ig_user_id + "/media", {{"fields", kMediaFields}, {"limit", "25"}}));
    media_.clear();
  }
  const bool listing = media_.empty();
  std::string url = page_link();
  std::string where = "GET /" + config_.ig_user_id + "/media";
  if (!listing) {
    const auto path = "/" + media_.front().id + "/comments";
    where = "GET " + path;
    url = comments_url_.empty() ? graph_.url(path, {{"fields", kCommentFields}, {"limit", "50"}}) : comments_url_;
  }
  const auto response = graph_.get_url(url);
  if (!response.ok()) {
    const auto error = graph::parse_graph_error(response.body);
    if (!listing && error && graph::is_missing_object(*error)) {  // deleted since it was listed
      next_media();
      return;
    }
    retry_later("polling: " + where, response);
    return;
  }
  const auto page = data_page(response.body, where, batch);
  if (!page) return;
  if (listing) {
    read_media_page(*page);
  } else {
    read_comments_page(*page, where, batch);
  }
}

void MediaPoller::read_media_page(const json& page) {
  // Media come newest first: the first one older than the window ends the listing.
  bool past_window = false;
  for (const auto& node : page["data"]) {
    const auto created = time_field_ms(node, "timestamp");
    if (created && *created / 1000 < window_start_s()) {
      past_window = true;
      break;
    }
    if (const auto id = id_field(node, "id")) {
      media_.push_back({*id, string_at(node, "permalink"), string_at(node, "media_product_type")});
    }
  }
  next_page_url_ = past_window ? std::string() : next_page_link(page);
  comments_url_.clear();
  if (media_.empty()) finish_media_page();
}

void MediaPoller::read_comments_page(const json& page, const std::string& where, PollBatch& batch) {
  const auto& comments = page["data"];
  for (std::size_t i = 0; i < comments.size(); ++i) {
    const auto& node = comments[i];
    const auto at = where + " comments[" + std::to_string(i) + "]";
    read_comment(node, "", at, batch);
    const auto parent_id = id_field(node, "id").value_or("");
    if (!node.is_object() || !node.contains("replies") || !has_data_array(node["replies"])) continue;
    const auto& replies = node["replies"]["data"];
    for (std::size_t j = 0; j < replies.size(); ++j) {
      read_comment(replies[j], parent_id, at + ".replies[" + std::to_string(j) + "]", batch);
    }
  }
  comments_url_ = next_page_link(page);
  if (comments_url_.empty()) next_media();
}

void MediaPoller::read_comment(const json& node, const std::string& parent_id, const std::string& where,
                               PollBatch& batch) {
  const auto& from = node.is_object() && node.contains("from") ? node.at("from") : json();
  const auto id = id_field(node, "id");
  const auto author = id_field(from, "id");
  const auto created = time_field_ms(node, "timestamp");
  if (!id || !author || !created) {
    batch.rejected.push_back({where, "a comment needs 'id', 'from.id' and 'timestamp'", node.dump()});
    return;
  }
  // Our own comments are not moderated; the others only when not seen in an earlier read.
  if (*author == config_.ig_user_id || !accept_comment_time(*created / 1000)) return;
  const auto& media = media_.front();
  CommentFields comment;
  comment.comment_id = *id;
  comment.author_id = *author;
  comment.username = string_at(from, "username");
  if (comment.username.empty()) comment.username = string_at(node, "username");
  comment.parent_id = id_field(node, "parent_id").value_or(parent_id);
  comment.media_id = media.id;
  comment.media_product_type = media.product_type;
  comment.permalink = media.permalink;
  comment.text = string_at(node, "text");
  comment.created_at_ms = *created;
  comment.field = "comments";
  comment.raw = node.dump();
  hand_over(comment_event(comment, config_), comment.comment_id, comment.created_at_ms);
}

void MediaPoller::next_media() {
  comments_url_.clear();
  media_.pop_front();
  if (media_.empty()) finish_media_page();
}

void MediaPoller::finish_media_page() { end_page(std::exchange(next_page_url_, {})); }

}  // namespace parley::instagram
