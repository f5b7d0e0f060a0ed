// The polling fallback: every poll_interval_s lists the account's recent
// media (GET /{ig-user-id}/media), then reads each one's comments with their
// replies (GET /{ig-media-id}/comments), following paging.next links, one
// request per poll call (graph::CommentPoller does the reads, timing and
// checkpoints). Comments newer than the last one seen become events. A
// restart resumes with the media page it was reading.
#pragma once

#include <deque>
#include <string>

#include <nlohmann/json.hpp>
#include <parley/plugin.hpp>

#include "comment_poller.hpp"
#include "comment_times.hpp"
#include "graph_api.hpp"
#include "instagram_config.hpp"

namespace parley::instagram {

/// Checkpoint keys (values are decimal Unix seconds or a URL).
inline constexpr const char* kCheckpointSince = "media.since";  ///< newest comment time of the last full read
inline constexpr const char* kCheckpointPage = "media.page";    ///< the media page being read ("" = none)
inline constexpr const char* kCheckpointCycleSince = "media.cycle_since";  ///< newest comment time so far in it

class MediaPoller final : public graph::CommentPoller {
 public:
  MediaPoller(PluginContext& context, const InstagramConfig& config, graph::GraphApi& graph, graph::CommentTimes& times)
      : CommentPoller(context, config, graph, times, {kCheckpointSince, kCheckpointPage, kCheckpointCycleSince}),
        config_(config) {}

 private:
  struct Media {
    std::string id;
    std::string permalink;
    std::string product_type;
  };

  /// One request: the media page when no media waits, else comments of the first media.
  void step(PollBatch& batch) override;
  void read_media_page(const nlohmann::json& page);
  void read_comments_page(const nlohmann::json& page, const std::string& where, PollBatch& batch);
  void read_comment(const nlohmann::json& node, const std::string& parent_id, const std::string& where,
                    PollBatch& batch);
  /// The first media's comments are read (or it is gone): on to the next media.
  void next_media();
  /// The media of the current page are read: on to the next page, or the read is complete.
  void finish_media_page();

  const InstagramConfig& config_;
  std::string next_page_url_;  ///< the media page after page_link(); empty when it is the last
  std::deque<Media> media_;    ///< media of page_link() whose comments are still to read
  std::string comments_url_;   ///< the next comments page of media_.front(); empty = its first
};

}  // namespace parley::instagram
