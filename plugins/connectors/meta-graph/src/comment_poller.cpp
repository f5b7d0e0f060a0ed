#include "comment_poller.hpp"

#include <algorithm>
#include <utility>

#include "graph_error.hpp"
#include "graph_json.hpp"

namespace parley::graph {

namespace {

constexpr std::int64_t kFirstReadLookbackS = 24 * 3600;  // no checkpoint yet: comments of the last day

}  // namespace

void CommentPoller::load_checkpoints() {
  loaded_ = true;
  const auto since = context_.load_checkpoint(keys_.since);
  since_s_ = since ? integer_or(*since, 0) : context_.now_ms() / 1000 - kFirstReadLookbackS;
  page_ = context_.load_checkpoint(keys_.page).value_or("");
  // A read's newest time only means something while that read is in progress.
  const auto cycle_since = context_.load_checkpoint(keys_.cycle_since);
  cycle_since_s_ = cycle_since && !page_.empty() ? integer_or(*cycle_since, since_s_) : since_s_;
}

void CommentPoller::poll(PollBatch& batch, std::size_t max_events) {
  if (!settings_.polling) return;
  if (!loaded_) load_checkpoints();
  if (pending_.empty()) {
    step_started_ms_ = context_.now_ms();
    const bool reading = !page_.empty();
    if (step_started_ms_ >= (reading ? retry_at_ms_ : next_read_at_ms_)) step(batch);
  }
  pending_.drain(batch, max_events);
}

bool CommentPoller::begin_request(std::string_view link_name) {
  if (!page_.empty() && !graph_.is_graph_url(page_)) {  // the token must not go to another host
    context_.log(LogLevel::warn,
                 "polling: the saved " + std::string(link_name) + " is not under graph_url; starting a new read");
    page_.clear();
  }
  if (!page_.empty()) return false;
  next_read_at_ms_ = step_started_ms_ + settings_.poll_interval_s * 1000;
  cycle_since_s_ = since_s_;
  return true;
}

void CommentPoller::retry_later(const std::string& what, const HttpResponse& response) {
  retry_at_ms_ = step_started_ms_ + settings_.poll_interval_s * 1000;
  context_.log(LogLevel::warn, what + " failed, trying again in " + std::to_string(settings_.poll_interval_s) +
                                   " s: " + result_for_failure(response, graph_.secret()).message);
}

std::optional<nlohmann::json> CommentPoller::data_page(const std::string& body, const std::string& where,
                                                       PollBatch& batch) {
  auto page = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (has_data_array(page)) return page;
  retry_at_ms_ = step_started_ms_ + settings_.poll_interval_s * 1000;
  batch.rejected.push_back({where, "expected an object with a 'data' array", body.substr(0, 4096)});
  return std::nullopt;
}

bool CommentPoller::accept_comment_time(std::int64_t created_s) {
  if (created_s < since_s_) return false;
  cycle_since_s_ = std::max(cycle_since_s_, created_s);
  return true;
}

void CommentPoller::hand_over(Event event, const std::string& comment_id, std::int64_t created_at_ms) {
  times_.remember(comment_id, created_at_ms);
  pending_.push(std::move(event));
}

void CommentPoller::end_page(std::string next) {
  page_ = std::move(next);
  if (page_.empty()) {
    since_s_ = cycle_since_s_;  // the read is complete: its newest comment is the new mark
    pending_.checkpoint(keys_.since, std::to_string(since_s_));
    pending_.checkpoint(keys_.cycle_since, "");
  } else {
    pending_.checkpoint(keys_.cycle_since, std::to_string(cycle_since_s_));
  }
  pending_.checkpoint(keys_.page, page_);
}

}  // namespace parley::graph
