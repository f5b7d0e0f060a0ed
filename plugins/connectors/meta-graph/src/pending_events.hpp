// Events a poller has read but not yet handed to the host (a batch holds at
// most max_events), with the checkpoints that go with the last of them: a
// page's cursor is committed with its last event, so a crash re-reads the
// page rather than skip it. Source thread only.
#pragma once

#include <cstddef>
#include <deque>
#include <map>
#include <string>
#include <utility>

#include <parley/plugin.hpp>

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

}  // namespace parley::graph
