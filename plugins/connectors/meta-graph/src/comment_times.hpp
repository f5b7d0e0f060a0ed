// When the comments this connector has seen were written, so the executor
// can refuse a private reply past Meta's 7-day window without asking Graph.
// Filled from the listener and source threads, read on the executor thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace parley::graph {

class CommentTimes {
 public:
  explicit CommentTimes(std::size_t capacity = 50000) : capacity_(capacity) {}

  void remember(const std::string& comment_id, std::int64_t created_at_ms) {
    std::lock_guard lock(mutex_);
    if (times_.emplace(comment_id, created_at_ms).second) order_.push_back(comment_id);
    while (order_.size() > capacity_) {  // forget the oldest first; a miss only costs one GET
      times_.erase(order_.front());
      order_.pop_front();
    }
  }

  std::optional<std::int64_t> created_at_ms(const std::string& comment_id) const {
    std::lock_guard lock(mutex_);
    const auto found = times_.find(comment_id);
    if (found == times_.end()) return std::nullopt;
    return found->second;
  }

 private:
  mutable std::mutex mutex_;
  std::size_t capacity_;
  std::unordered_map<std::string, std::int64_t> times_;
  std::deque<std::string> order_;
};

}  // namespace parley::graph
