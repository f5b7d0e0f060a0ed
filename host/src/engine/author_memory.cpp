#include "engine/author_memory.hpp"

#include <algorithm>

namespace parley::host {

namespace {
constexpr std::size_t kMaxComplaintTimes = 100;
constexpr std::int64_t kKeepComplaintsMs = 2 * kComplaintWindowMs;
}  // namespace

std::int64_t event_time(const Event& event, std::int64_t now_ms) {
  return event.created_at > 0 ? event.created_at : now_ms;
}

AuthorHistory author_history(const AuthorState& author, std::int64_t at_ms) {
  AuthorHistory history;
  history.events = author.events;
  history.warnings = author.warnings;
  history.banned = author.banned;
  history.customer_tier = author.customer_tier;
  history.complaints_30d = static_cast<int>(
      std::count_if(author.complaint_times.begin(), author.complaint_times.end(),
                    [&](std::int64_t time) { return time < at_ms && time >= at_ms - kComplaintWindowMs; }));
  return history;
}

void remember_customer_tier(AuthorState& author, const Event& event) {
  const auto tier = event.metadata.find("customer_tier");
  if (tier != event.metadata.end() && !tier->second.empty()) author.customer_tier = tier->second;
}

void remember_complaint(AuthorState& author, const Labels& labels, std::int64_t at_ms) {
  if (labels.score("intent.complaint") < kComplaintThreshold) return;
  auto& times = author.complaint_times;
  // Replayed or late events may be older than the newest one: keep them sorted.
  times.insert(std::upper_bound(times.begin(), times.end(), at_ms), at_ms);
  const auto newest = times.back();
  times.erase(times.begin(), std::lower_bound(times.begin(), times.end(), newest - kKeepComplaintsMs));
  if (times.size() > kMaxComplaintTimes) times.erase(times.begin(), times.end() - kMaxComplaintTimes);
}

}  // namespace parley::host
