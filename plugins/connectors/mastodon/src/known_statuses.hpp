// Facts about the statuses this connector has read (who wrote them, in which
// language and visibility), so an answer can mention its author without
// asking the instance again. Filled on the source thread, read on the
// executor thread. A miss costs one GET /api/v1/statuses/:id.
#pragma once

#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "mention_event.hpp"

namespace parley::mastodon {

class KnownStatuses {
 public:
  explicit KnownStatuses(std::size_t capacity = 50000) : capacity_(capacity) {}

  void remember(const std::string& status_id, const StatusFacts& facts) {
    std::lock_guard lock(mutex_);
    if (facts_.insert_or_assign(status_id, facts).second) order_.push_back(status_id);
    while (order_.size() > capacity_) {  // forget the oldest first
      facts_.erase(order_.front());
      order_.pop_front();
    }
  }

  std::optional<StatusFacts> find(const std::string& status_id) const {
    std::lock_guard lock(mutex_);
    const auto found = facts_.find(status_id);
    if (found == facts_.end()) return std::nullopt;
    return found->second;
  }

 private:
  mutable std::mutex mutex_;
  std::size_t capacity_;
  std::unordered_map<std::string, StatusFacts> facts_;
  std::deque<std::string> order_;
};

}  // namespace parley::mastodon
