#include <catch2/catch.hpp>

#include "engine/author_memory.hpp"

using namespace parley;
using namespace parley::host;

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace author_memory_test {
constexpr std::int64_t kDay = 24LL * 3600 * 1000;
constexpr std::int64_t kNov30 = 1'796'000'000'000;  // 2026-11-30, roughly

Labels complaint(double score) {
  Labels labels;
  labels.set("intent.complaint", score);
  return labels;
}

TEST_CASE("complaints count within the 30 days before the event, not after it") {
  AuthorState author;
  for (int days_ago : {45, 29, 10, 1}) remember_complaint(author, complaint(0.9), kNov30 - days_ago * kDay);
  CHECK(author_history(author, kNov30).complaints_30d == 3);
  // An event replayed from 40 days ago sees only the 30 days before it.
  CHECK(author_history(author, kNov30 - 40 * kDay).complaints_30d == 1);
}

TEST_CASE("an event below the complaint threshold is not remembered") {
  AuthorState author;
  remember_complaint(author, complaint(0.49), kNov30);
  remember_complaint(author, Labels{}, kNov30);
  CHECK(author.complaint_times.empty());
  remember_complaint(author, complaint(kComplaintThreshold), kNov30);
  CHECK(author.complaint_times.size() == 1);
}

TEST_CASE("complaint times stay sorted, recent and bounded") {
  AuthorState author;
  remember_complaint(author, complaint(1), kNov30);
  remember_complaint(author, complaint(1), kNov30 - 5 * kDay);  // arrives late
  REQUIRE(author.complaint_times.size() == 2);
  CHECK(author.complaint_times.front() == kNov30 - 5 * kDay);
  remember_complaint(author, complaint(1), kNov30 + 90 * kDay);  // the old ones fall out
  CHECK(author.complaint_times.size() == 1);
  for (int i = 0; i < 150; ++i) remember_complaint(author, complaint(1), kNov30 + 90 * kDay + i);
  CHECK(author.complaint_times.size() == 100);
  CHECK(author.complaint_times.back() == kNov30 + 90 * kDay + 149);
}

TEST_CASE("the customer tier comes from event metadata and sticks") {
  AuthorState author;
  Event event;
  event.metadata["customer_tier"] = "gold";
  remember_customer_tier(author, event);
  event.metadata.clear();
  remember_customer_tier(author, event);
  author.warnings = 2;
  author.events = 7;
  const auto history = author_history(author, kNov30);
  CHECK(history.customer_tier == "gold");
  CHECK(history.warnings == 2);
  CHECK(history.events == 7);
}

TEST_CASE("event time is the platform's, or now when it gave none") {
  Event event;
  CHECK(event_time(event, 42) == 42);
  event.created_at = 7;
  CHECK(event_time(event, 42) == 7);
}

}  // namespace author_memory_test
