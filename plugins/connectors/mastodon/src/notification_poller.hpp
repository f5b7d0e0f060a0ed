// Reads the account's mentions: GET /api/v1/notifications?types[]=mention
// every poll_interval_s (engine clock), newest first, following the Link
// header's rel="next" (max_id) pages until it reaches the last notification
// already read. The newest notification id is the checkpoint, saved with
// PollBatch::checkpoints, so a restart resumes where the last committed
// batch ended and no long-lived connection is needed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>

#include <parley/plugin.hpp>

#include "known_statuses.hpp"
#include "mastodon_api.hpp"
#include "mastodon_config.hpp"

namespace parley::mastodon {

/// Checkpoint key: the newest notification id of the last complete read.
inline constexpr const char* kCheckpointSinceId = "notifications.since_id";

class NotificationPoller {
 public:
  NotificationPoller(PluginContext& context, const MastodonConfig& config, MastodonApi& api, KnownStatuses& known)
      : context_(context), config_(config), api_(api), known_(known) {}

  /// One call of Connector::poll. A read starts at most every
  /// poll_interval_s and fetches up to max_pages_per_poll pages (backfill
  /// pages on the first run, without a checkpoint); its events are handed
  /// over oldest first, max_events per call. Failures are logged (without
  /// the token) and tried again after poll_interval_s; they never throw.
  /// Threading: the host's source thread only.
  void poll(PollBatch& batch, std::size_t max_events);

 private:
  void read(PollBatch& batch);
  void drain(PollBatch& batch, std::size_t max_events);

  PluginContext& context_;
  const MastodonConfig& config_;
  MastodonApi& api_;
  KnownStatuses& known_;

  bool loaded_ = false;
  std::optional<std::string> since_id_;  ///< newest notification already read
  std::int64_t next_read_at_ms_ = 0;
  std::deque<Event> waiting_;              ///< read but not yet handed over (max_events)
  std::optional<std::string> checkpoint_;  ///< handed over with the last waiting event
};

}  // namespace parley::mastodon
