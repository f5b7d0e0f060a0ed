// The polling fallback: reads the page's feed (posts with their comments)
// every poll_interval_s and turns comments newer than the last one seen into
// events, following Graph's paging.next links (graph::CommentPoller does
// the reads, timing and checkpoints). A restart resumes where the last
// committed batch ended.
#pragma once

#include <cstddef>
#include <string>

#include <nlohmann/json.hpp>
#include <parley/plugin.hpp>

#include "comment_poller.hpp"
#include "comment_times.hpp"
#include "facebook_config.hpp"
#include "graph_api.hpp"

namespace parley::facebook {

/// Checkpoint keys (values are decimal Unix seconds or a URL).
inline constexpr const char* kCheckpointSince = "feed.since";  ///< newest comment time of the last full read
inline constexpr const char* kCheckpointNext = "feed.next";    ///< the next page of a read in progress ("" = none)
inline constexpr const char* kCheckpointCycleSince = "feed.cycle_since";  ///< newest comment time so far in it

class FeedPoller final : public graph::CommentPoller {
 public:
  FeedPoller(PluginContext& context, const FacebookConfig& config, graph::GraphApi& graph, graph::CommentTimes& times)
      : CommentPoller(context, config, graph, times, {kCheckpointSince, kCheckpointNext, kCheckpointCycleSince}),
        config_(config) {}

 private:
  /// One page of the feed: the first of a new read, or the next of this one.
  void step(PollBatch& batch) override;
  void read_page(const nlohmann::json& page, const std::string& where, PollBatch& batch);
  void read_comment(const nlohmann::json& node, const std::string& post_id, const std::string& where, PollBatch& batch);

  const FacebookConfig& config_;
  std::size_t page_number_ = 0;  ///< of the read in progress, for messages
};

}  // namespace parley::facebook
