// The frame of a Meta connector's polling fallback: a read of the account's
// comments starts at most every poll_interval_s, goes through Graph's pages
// one request per poll call, and keeps comments newer than the newest one
// of the last complete read. Where a read stands is saved with
// PollBatch::checkpoints, so a restart resumes with the page it was at.
// A platform derives and says which edges it reads and how a comment
// becomes an event (step). Source thread only.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include <nlohmann/json.hpp>
#include <parley/http.hpp>
#include <parley/plugin.hpp>

#include "comment_times.hpp"
#include "graph_api.hpp"
#include "graph_settings.hpp"
#include "pending_events.hpp"

namespace parley::graph {

/// Where a poller saves its place (values are decimal Unix seconds or a URL).
struct PollCheckpointKeys {
  const char* since;        ///< newest comment time of the last complete read
  const char* page;         ///< the page a read in progress goes on with ("" = none)
  const char* cycle_since;  ///< newest comment time so far in that read
};

class CommentPoller {
 public:
  CommentPoller(const CommentPoller&) = delete;
  CommentPoller& operator=(const CommentPoller&) = delete;
  virtual ~CommentPoller() = default;

  /// One call of Connector::poll: hands over events already read, or makes
  /// one request (step) when it is due: a new read every poll_interval_s,
  /// the rest of a read at once, a failed request after poll_interval_s.
  /// Nothing when polling is off (webhooks only: never exhausted).
  void poll(PollBatch& batch, std::size_t max_events);

 protected:
  CommentPoller(PluginContext& context, const ConnectorSettings& settings, GraphApi& graph, CommentTimes& times,
                PollCheckpointKeys keys)
      : graph_(graph), context_(context), settings_(settings), times_(times), keys_(keys) {}

  /// One request of a read; failures are recorded with retry_later or
  /// data_page, never thrown.
  virtual void step(PollBatch& batch) = 0;

  /// Called first in step. Drops a saved page link that is not under
  /// graph_url (`link_name` says which, in the log); then, with no page to
  /// go on with, starts a new read and returns true.
  bool begin_request(std::string_view link_name);
  /// The page a read goes on with; empty before its first page.
  const std::string& page_link() const { return page_; }
  /// For a platform whose first page is a link too: reading it counts as a read in progress.
  void set_page_link(std::string link) { page_ = std::move(link); }
  /// Comments are new from here (Unix seconds).
  std::int64_t since_s() const { return since_s_; }
  /// Posts and media older than this cannot have new comments worth reading.
  std::int64_t window_start_s() const { return since_s_ - settings_.poll_window_s; }

  /// Logs "<what> failed, trying again in N s: <why>" (without the token)
  /// and makes the same request again after poll_interval_s.
  void retry_later(const std::string& what, const HttpResponse& response);
  /// The JSON of a page with a "data" array; otherwise rejected under
  /// `where` and tried again after poll_interval_s.
  std::optional<nlohmann::json> data_page(const std::string& body, const std::string& where, PollBatch& batch);

  /// False for a comment seen in an earlier read; otherwise its time counts
  /// toward the newest of this read.
  bool accept_comment_time(std::int64_t created_s);
  /// A new comment's event, handed over with the next batches.
  void hand_over(Event event, const std::string& comment_id, std::int64_t created_at_ms);
  /// A page is read: the read goes on with `next`, or is complete when it
  /// is empty. Saved with the page's last event, so a crash re-reads the page.
  void end_page(std::string next);

  GraphApi& graph_;

 private:
  void load_checkpoints();

  PluginContext& context_;
  const ConnectorSettings& settings_;
  CommentTimes& times_;
  PollCheckpointKeys keys_;
  bool loaded_ = false;
  std::int64_t since_s_ = 0;          ///< comments at or after this are new
  std::int64_t cycle_since_s_ = 0;    ///< newest comment time seen in the read in progress
  std::string page_;                  ///< see page_link()
  std::int64_t step_started_ms_ = 0;  ///< the next read and retries count from when the request began
  std::int64_t next_read_at_ms_ = 0;
  std::int64_t retry_at_ms_ = 0;
  PendingEvents pending_;  ///< read but not yet handed over (max_events), with their checkpoints
};

}  // namespace parley::graph
