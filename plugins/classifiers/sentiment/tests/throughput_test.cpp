// A rough throughput figure, hidden from the default run:
//   sentiment_tests "[.throughput]" -s
#include <catch2/catch.hpp>

#include <chrono>
#include <ctime>
#include <string>
#include <vector>

#include "test_support.hpp"

using namespace parley::sentiment::test;

TEST_CASE("Throughput on short texts", "[.throughput]") {
  auto& classifier = default_classifier();
  const std::vector<parley::Event> events = {
      event_with("Still waiting for my order #4411, this is ridiculous!!", "en"),
      event_with("Love the new oat latte, thanks! 😍", "en"),
      event_with("Где мой заказ? Жду уже неделю, верните деньги", "ru"),
      event_with("Το παράθυρο της εφαρμογής κολλάει συνέχεια, βοήθεια!", "el"),
      event_with("Zamówienie nie dotarło, obciążyliście mnie dwa razy", "pl"),
      event_with("Tilaus ei ole vieläkään tullut, sovellus kaatuu", "fi"),
      event_with("طلبي تأخر كثيراً، أين طلبي؟", "ar"),
      event_with("you are all idiots"),
  };
  constexpr int kRounds = 50'000;
  double sum = 0;
  const auto start = std::chrono::steady_clock::now();
  const std::clock_t cpu_start = std::clock();  // CPU time: fair on a busy machine
  for (int round = 0; round < kRounds; ++round) {
    for (const auto& event : events) {
      parley::Labels labels;
      classifier.classify(event, labels);
      sum += labels.score("sentiment.negative");
    }
  }
  const double cpu_seconds = static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
  const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
  const double total = static_cast<double>(kRounds) * static_cast<double>(events.size());
  WARN("texts/s: " << static_cast<long long>(total / elapsed.count()) << " wall, "
                   << static_cast<long long>(total / cpu_seconds) << " per CPU second (sum " << sum << ")");
  CHECK(sum > 0);
}
