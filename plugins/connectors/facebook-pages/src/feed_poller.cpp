#include "feed_poller.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "comment_event.hpp"
#include "graph_error.hpp"
#include "graph_json.hpp"

namespace parley::facebook {

namespace {

using graph::parse_graph_time;
using graph::string_at;
using nlohmann::json;

constexpr std::int64_t kFirstReadLookbackS = 24 * 3600;  // no checkpoint yet: comments of the last day
constexpr const char* kFeedFields =
    "id,created_time,"
    "comments.filter(stream).order(reverse_chronological).limit(100)"
    "{id,from{id,name},message,created_time,parent{id}}";

}  // namespace

void FeedPoller::load_checkpoints() {
  loaded_ = true;
  auto marks =
      graph::load_read_marks(context_, kCheckpointSince, kCheckpointNext, kCheckpointCycleSince, kFirstReadLookbackS);
  since_s_ = marks.since_s;
  next_url_ = std::move(marks.page);
  cycle_since_s_ = marks.cycle_since_s;
}

void FeedPoller::poll(PollBatch& batch, std::size_t max_events) {
  if (!config_.polling) return;  // webhooks only: nothing to read, never exhausted
  if (!loaded_) load_checkpoints();
  if (pending_.empty()) {
    const auto now = context_.now_ms();
    const bool due = next_url_.empty() ? now >= next_read_at_ms_ : now >= retry_at_ms_;
    if (!due) return;
    fetch_page(batch);
  }
  pending_.drain(batch, max_events);
}

void FeedPoller::fetch_page(PollBatch& batch) {
  const auto now = context_.now_ms();
  if (!next_url_.empty() && !graph_.is_graph_url(next_url_)) {
    context_.log(LogLevel::warn, "polling: the saved paging link is not under graph_url; starting a new read");
    next_url_.clear();
    next_read_at_ms_ = now;
  }
  HttpResponse response;
  std::string where;
  if (next_url_.empty()) {
    // A new read of the feed: posts from poll_window_s before the newest comment seen.
    next_read_at_ms_ = now + config_.poll_interval_s * 1000;
    cycle_since_s_ = since_s_;
    page_number_ = 1;
    where = "GET /" + config_.page_id + "/feed page 1";
    response = graph_.get("/" + config_.page_id + "/feed",
                          {{"fields", kFeedFields},
                           {"since", std::to_string(std::max<std::int64_t>(0, since_s_ - config_.poll_window_s))},
                           {"limit", "25"}});
  } else {
    ++page_number_;
    where = "GET /" + config_.page_id + "/feed page " + std::to_string(page_number_);
    response = graph_.get_url(next_url_);
  }
  if (!response.ok()) {
    retry_at_ms_ = now + config_.poll_interval_s * 1000;
    context_.log(LogLevel::warn, "polling the feed failed, trying again in " + std::to_string(config_.poll_interval_s) +
                                     " s: " + graph::result_for_failure(response, config_.access_token).message);
    return;
  }
  read_page(response.body, where, batch);
}

void FeedPoller::read_page(const std::string& body, const std::string& where, PollBatch& batch) {
  const auto page = json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (!page.is_object() || !page.contains("data") || !page["data"].is_array()) {
    retry_at_ms_ = context_.now_ms() + config_.poll_interval_s * 1000;
    batch.rejected.push_back({where, "expected an object with a 'data' array", body.substr(0, 4096)});
    return;
  }
  const auto& posts = page["data"];
  for (const auto& post : posts) {
    if (!post.is_object() || !post.contains("comments") || !post["comments"].is_object()) continue;
    const auto& comments = post["comments"];
    if (!comments.contains("data") || !comments["data"].is_array()) continue;
    const auto post_id = string_at(post, "id");
    const auto& list = comments["data"];
    for (std::size_t i = 0; i < list.size(); ++i) {
      read_comment(list[i], post_id, where + " post " + post_id + " comments[" + std::to_string(i) + "]", batch);
    }
  }
  std::string next;
  if (page.contains("paging") && page["paging"].is_object() && !posts.empty()) next = string_at(page["paging"], "next");
  next_url_ = next;
  if (next.empty()) {
    since_s_ = cycle_since_s_;  // the read is complete: its newest comment is the new mark
    pending_.checkpoint(kCheckpointSince, std::to_string(since_s_));
    pending_.checkpoint(kCheckpointCycleSince, "");
  } else {
    pending_.checkpoint(kCheckpointCycleSince, std::to_string(cycle_since_s_));
  }
  pending_.checkpoint(kCheckpointNext, next);
}

void FeedPoller::read_comment(const json& node, const std::string& post_id, const std::string& where,
                              PollBatch& batch) {
  const bool has_author = node.is_object() && node.contains("from") && node["from"].is_object();
  CommentFields comment;
  bool has_time = false;
  if (node.is_object()) {
    comment.comment_id = string_at(node, "id");
    if (const auto created = parse_graph_time(string_at(node, "created_time"))) {
      comment.created_at_ms = *created;
      has_time = true;
    }
  }
  if (has_author) comment.author_id = string_at(node["from"], "id");
  if (comment.comment_id.empty() || comment.author_id.empty() || !has_time) {
    batch.rejected.push_back({where, "a comment needs 'id', 'from.id' and 'created_time'", node.dump()});
    return;
  }
  const auto created_s = comment.created_at_ms / 1000;
  if (created_s < since_s_) return;  // seen in an earlier read
  cycle_since_s_ = std::max(cycle_since_s_, created_s);
  comment.author_name = string_at(node["from"], "name");
  comment.post_id = post_id;
  if (node.contains("parent") && node["parent"].is_object()) comment.parent_id = string_at(node["parent"], "id");
  comment.message = string_at(node, "message");
  comment.raw = node.dump();
  times_.remember(comment.comment_id, comment.created_at_ms);
  pending_.push(comment_event(comment, config_));
}

}  // namespace parley::facebook
