// Events a poller has read but not yet handed to the host (a batch holds at
// most max_events), with the checkpoints that go with the last of them: a
// page's cursor is committed with its last event, so a crash re-reads the
// page rather than skip it; and reading those checkpoints back. Source
// thread only.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <map>
#include <string>
#include <utility>

#include <parley/plugin.hpp>

#include "graph_json.hpp"

namespace parley::graph {

class PendingEvents {
 public:
  void push(Event event) { waiting_.push_back(std::move(event)); }
  /// Saved with the last event waiting now (or with the next batch when none waits).
  void checkpoint(const std::string& key, std::string value) { checkpoints_[key] = std::move(value); }
  bool empty() const { return waiting_.empty(); }

  /// Moves up to max_events events into `batch`, and the checkpoints once none is left.
  void drain(PollBatch& batch, std::size_t max_events) {
    while (!waiting_.empty() && batch.events.size() < max_events) {
      batch.events.push_back(std::move(waiting_.front()));
      waiting_.pop_front();
    }
    if (waiting_.empty()) {
      for (auto& [key, value] : checkpoints_) batch.checkpoints[key] = std::move(value);
      checkpoints_.clear();
    }
  }

 private:
  std::deque<Event> waiting_;
  std::map<std::string, std::string> checkpoints_;
};

/// Where a paged read stands, as its checkpoints saved it.
struct ReadMarks {
  std::int64_t since_s = 0;        ///< comments at or after this are new
  std::string page;                ///< the page a read in progress was at; empty when none
  std::int64_t cycle_since_s = 0;  ///< newest comment time seen in that read so far
};

/// The saved marks under the three keys; with none saved, comments of the
/// last `lookback_s` seconds are new and no read is in progress.
inline ReadMarks load_read_marks(const PluginContext& context, const char* since_key, const char* page_key,
                                 const char* cycle_key, std::int64_t lookback_s) {
  ReadMarks marks;
  const auto since = context.load_checkpoint(since_key);
  marks.since_s = since ? integer_or(*since, 0) : context.now_ms() / 1000 - lookback_s;
  marks.page = context.load_checkpoint(page_key).value_or("");
  const auto cycle = context.load_checkpoint(cycle_key);
  marks.cycle_since_s = cycle && !marks.page.empty() ? integer_or(*cycle, marks.since_s) : marks.since_s;
  return marks;
}

}  // namespace parley::graph
