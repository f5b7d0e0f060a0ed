#include "feed_poller.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "comment_event.hpp"
#include "graph_json.hpp"

namespace parley::facebook {

namespace {

using graph::parse_graph_time;
using graph::string_at;
using nlohmann::json;

constexpr const char* kFeedFields =
    "id,created_time,"
    "comments.filter(stream).order(reverse_chronological).limit(100)"
    "{id,from{id,name},message,created_time,parent{id,from{id}}}";

}  // namespace

void FeedPoller::step(PollBatch& batch) {
  HttpResponse response;
  std::string where;
  if (begin_request("paging link")) {
    // A new read of the feed: posts from poll_window_s before the newest comment seen.
    page_number_ = 1;
    where = "GET /" + config_.page_id + "/feed page 1";
    response = graph_.get("/" + config_.page_id + "/feed",
                          {{"fields", kFeedFields},
                           {"since", std::to_string(std::max<std::int64_t>(0, window_start_s()))},
                           {"limit", "25"}});
  } else {
    ++page_number_;
    where = "GET /" + config_.page_id + "/feed page " + std::to_string(page_number_);
    response = graph_.get_url(page_link());
  }
  if (!response.ok()) {
    retry_later("polling the feed", response);
    return;
  }
  if (const auto page = data_page(response.body, where, batch)) read_page(*page, where, batch);
}

void FeedPoller::read_page(const json& page, const std::string& where, PollBatch& batch) {
  for (const auto& post : page["data"]) {
    if (!post.is_object() || !post.contains("comments") || !graph::has_data_array(post["comments"])) continue;
    const auto post_id = string_at(post, "id");
    const auto& list = post["comments"]["data"];
    for (std::size_t i = 0; i < list.size(); ++i) {
      read_comment(list[i], post_id, where + " post " + post_id + " comments[" + std::to_string(i) + "]", batch);
    }
  }
  end_page(graph::next_page_link(page));
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
  if (!accept_comment_time(comment.created_at_ms / 1000)) return;  // seen in an earlier read
  comment.author_name = string_at(node["from"], "name");
  comment.post_id = post_id;
  if (node.contains("parent") && node["parent"].is_object()) {
    const auto& parent = node["parent"];
    comment.parent_id = string_at(parent, "id");
    if (parent.contains("from") && parent["from"].is_object())
      comment.parent_author_id = string_at(parent["from"], "id");
  }
  comment.message = string_at(node, "message");
  comment.raw = node.dump();
  hand_over(comment_event(comment, config_), comment.comment_id, comment.created_at_ms);
}

}  // namespace parley::facebook
