// The polling fallback: reads the page's feed (posts with their comments)
// every poll_interval_s and turns comments newer than the last one seen into
// events, following Graph's paging.next links. Its place in the feed is
// saved with PollBatch::checkpoints, so a restart resumes where the last
// committed batch ended.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>
#include <parley/plugin.hpp>

#include "comment_times.hpp"
#include "facebook_config.hpp"
#include "graph_api.hpp"
#include "pending_events.hpp"

namespace parley::facebook {

/// Checkpoint keys (values are decimal Unix seconds or a URL).
inline constexpr const char* kCheckpointSince = "feed.since";  ///< newest comment time of the last full read
inline constexpr const char* kCheckpointNext = "feed.next";    ///< the next page of a read in progress ("" = none)
inline constexpr const char* kCheckpointCycleSince = "feed.cycle_since";  ///< newest comment time so far in it

class FeedPoller {
 public:
  FeedPoller(PluginContext& context, const FacebookConfig& config, graph::GraphApi& graph, graph::CommentTimes& times)
      : context_(context), config_(config), graph_(graph), times_(times) {}

  /// One call of Connector::poll. A read starts at most every
  /// poll_interval_s (engine clock); its pages come in the calls after it,
  /// one page per call, without waiting. Failures are logged and retried
  /// after poll_interval_s; they never throw.
  /// Threading: the host's source thread only.
  void poll(PollBatch& batch, std::size_t max_events);

 private:
  void load_checkpoints();
  void fetch_page(PollBatch& batch);
  void read_page(const std::string& body, const std::string& where, PollBatch& batch);
  void read_comment(const nlohmann::json& node, const std::string& post_id, const std::string& where, PollBatch& batch);

  PluginContext& context_;
  const FacebookConfig& config_;
  graph::GraphApi& graph_;
  graph::CommentTimes& times_;

  bool loaded_ = false;
  std::int64_t since_s_ = 0;        ///< comments at or after this are new
  std::int64_t cycle_since_s_ = 0;  ///< newest comment time seen in the read in progress
  std::string next_url_;            ///< next page of the read in progress
  std::int64_t next_read_at_ms_ = 0;
  std::int64_t retry_at_ms_ = 0;
  std::size_t page_number_ = 0;
  graph::PendingEvents pending_;  ///< read but not yet handed over (max_events), with their checkpoints
};

}  // namespace parley::facebook
