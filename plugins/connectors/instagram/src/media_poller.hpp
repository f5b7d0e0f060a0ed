// The polling fallback: every poll_interval_s lists the account's recent
// media (GET /{ig-user-id}/media), then reads each one's comments with their
// replies (GET /{ig-media-id}/comments), following paging.next links, one
// request per poll call. Comments newer than the last one seen become
// events. Its place is saved with PollBatch::checkpoints, so a restart
// resumes with the media page it was reading.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <string>

#include <nlohmann/json.hpp>
#include <parley/plugin.hpp>

#include "comment_times.hpp"
#include "graph_api.hpp"
#include "instagram_config.hpp"
#include "pending_events.hpp"

namespace parley::instagram {

/// Checkpoint keys (values are decimal Unix seconds or a URL).
inline constexpr const char* kCheckpointSince = "media.since";  ///< newest comment time of the last full read
inline constexpr const char* kCheckpointPage = "media.page";    ///< the media page being read ("" = none)
inline constexpr const char* kCheckpointCycleSince = "media.cycle_since";  ///< newest comment time so far in it

class MediaPoller {
 public:
  MediaPoller(PluginContext& context, const InstagramConfig& config, graph::GraphApi& graph, graph::CommentTimes& times)
      : context_(context), config_(config), graph_(graph), times_(times) {}

  /// One call of Connector::poll. A read starts at most every
  /// poll_interval_s (engine clock); its requests come in the calls after
  /// it, one per call. Failures are logged and the same request is retried
  /// after poll_interval_s; they never throw. Threading: the source thread only.
  void poll(PollBatch& batch, std::size_t max_events);

 private:
  struct Media {
    std::string id;
    std::string permalink;
    std::string product_type;
  };

  void load_checkpoints();
  /// One request: the media page when no media waits, else comments of the first media.
  void step(PollBatch& batch);
  void read_media_page(const nlohmann::json& page);
  void read_comments_page(const nlohmann::json& page, const std::string& where, PollBatch& batch);
  void read_comment(const nlohmann::json& node, const std::string& parent_id, const std::string& where,
                    PollBatch& batch);
  /// The media of the current page are read: on to the next page, or the read is complete.
  void finish_media_page();

  PluginContext& context_;
  const InstagramConfig& config_;
  graph::GraphApi& graph_;
  graph::CommentTimes& times_;

  bool loaded_ = false;
  std::int64_t since_s_ = 0;        ///< comments at or after this are new
  std::int64_t cycle_since_s_ = 0;  ///< newest comment time seen in the read in progress
  std::string page_url_;            ///< the media page being read; empty between reads
  std::string next_page_url_;       ///< the media page after it; empty when it is the last
  std::deque<Media> media_;         ///< media of page_url_ whose comments are still to read
  std::string comments_url_;        ///< the next comments page of media_.front(); empty = its first
  std::int64_t next_read_at_ms_ = 0;
  std::int64_t retry_at_ms_ = 0;
  graph::PendingEvents pending_;
};

}  // namespace parley::instagram
