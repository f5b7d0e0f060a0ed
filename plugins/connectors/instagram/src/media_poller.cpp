#include "media_poller.hpp"

#include <algorithm>

#include "graph_error.hpp"
#include "graph_json.hpp"
#include "ig_comment_event.hpp"

namespace parley::instagram {

namespace {

using graph::id_field;
using graph::string_at;
using graph::time_field_ms;
using nlohmann::json;

constexpr std::int64_t kFirstReadLookbackS = 24 * 3600;  // no checkpoint yet: comments of the last day
constexpr const char* kMediaFields = "id,timestamp,permalink,media_product_type";
constexpr const char* kCommentFields =
    "id,text,timestamp,from,username,parent_id,replies{id,text,timestamp,from,username,parent_id}";

bool has_data_array(const json& page) { return page.is_object() && page.contains("data") && page["data"].is_array(); }

std::string next_link(const json& page) {
  if (!page.contains("paging") || page["data"].empty()) return {};
  return string_at(page["paging"], "next");
}

}  // namespace

void MediaPoller::load_checkpoints() {
  loaded_ = true;
  auto marks =
      graph::load_read_marks(context_, kCheckpointSince, kCheckpointPage, kCheckpointCycleSince, kFirstReadLookbackS);
  since_s_ = marks.since_s;
  page_url_ = std::move(marks.page);
  cycle_since_s_ = marks.cycle_since_s;
}

void MediaPoller::poll(PollBatch& batch, std::size_t max_events) {
  if (!config_.polling) return;  // webhooks only: nothing to read, never exhausted
  if (!loaded_) load_checkpoints();
  if (pending_.empty()) {
    const auto now = context_.now_ms();
    const bool reading = !page_url_.empty();
    if (reading ? now >= retry_at_ms_ : now >= next_read_at_ms_) step(batch);
  }
  pending_.drain(batch, max_events);
}

void MediaPoller::step(PollBatch& batch) {
  const auto now = context_.now_ms();
  const auto first_page = graph_.url("/" + config_.ig_user_id + "/media", {{"fields", kMediaFields}, {"limit", "25"}});
  if (!page_url_.empty() && !graph_.is_graph_url(page_url_)) {
    context_.log(LogLevel::warn, "polling: the saved media page link is not under graph_url; starting a new read");
    page_url_.clear();
  }
  if (page_url_.empty()) {  // a new read: the newest media first
    page_url_ = first_page;
    next_read_at_ms_ = now + config_.poll_interval_s * 1000;
    cycle_since_s_ = since_s_;
    media_.clear();
  }
  const bool listing = media_.empty();
  std::string url = page_url_;
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
      comments_url_.clear();
      media_.pop_front();
      if (media_.empty()) finish_media_page();
      return;
    }
    retry_at_ms_ = now + config_.poll_interval_s * 1000;
    context_.log(LogLevel::warn, "polling: " + where + " failed, trying again in " +
                                     std::to_string(config_.poll_interval_s) +
                                     " s: " + graph::result_for_failure(response, graph_.secret()).message);
    return;
  }
  const auto page = json::parse(response.body, nullptr, /*allow_exceptions=*/false);
  if (!has_data_array(page)) {
    retry_at_ms_ = now + config_.poll_interval_s * 1000;
    batch.rejected.push_back({where, "expected an object with a 'data' array", response.body.substr(0, 4096)});
    return;
  }
  if (listing) {
    read_media_page(page);
  } else {
    read_comments_page(page, where, batch);
  }
}

void MediaPoller::read_media_page(const json& page) {
  // Media come newest first: the first one older than the window ends the listing.
  bool past_window = false;
  for (const auto& node : page["data"]) {
    const auto created = time_field_ms(node, "timestamp");
    if (created && *created / 1000 < since_s_ - config_.poll_window_s) {
      past_window = true;
      break;
    }
    if (const auto id = id_field(node, "id")) {
      media_.push_back({*id, string_at(node, "permalink"), string_at(node, "media_product_type")});
    }
  }
  next_page_url_ = past_window ? std::string() : next_link(page);
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
  comments_url_ = next_link(page);
  if (comments_url_.empty()) {
    media_.pop_front();
    if (media_.empty()) finish_media_page();
  }
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
  const auto created_s = *created / 1000;
  if (*author == config_.ig_user_id || created_s < since_s_) return;  // our own, or seen in an earlier read
  cycle_since_s_ = std::max(cycle_since_s_, created_s);
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
  times_.remember(comment.comment_id, comment.created_at_ms);
  pending_.push(comment_event(comment, config_));
}

void MediaPoller::finish_media_page() {
  page_url_ = next_page_url_;
  next_page_url_.clear();
  if (page_url_.empty()) {
    since_s_ = cycle_since_s_;  // the read is complete: its newest comment is the new mark
    pending_.checkpoint(kCheckpointSince, std::to_string(since_s_));
    pending_.checkpoint(kCheckpointCycleSince, "");
  } else {
    pending_.checkpoint(kCheckpointCycleSince, std::to_string(cycle_since_s_));
  }
  pending_.checkpoint(kCheckpointPage, page_url_);
}

}  // namespace parley::instagram
