// A rough throughput figure, hidden from the default run:
//   mention_tests "[.throughput]" -s
#include <catch2/catch.hpp>

#include <chrono>
#include <string>
#include <vector>

#include "test_support.hpp"

using namespace parley::mention::test;

TEST_CASE("Throughput on short texts", "[.throughput]") {
  auto classifier = make_classifier(kNordic);
  const std::vector<parley::Event> events = {
      event_with("@NordicCoffee Still waiting for my order #4411, this is ridiculous"),
      event_with("Love the new oat latte at nordik coffee, thanks!"),
      event_with("Где мой заказ? Жду уже неделю, верните деньги"),
      event_with("Η εφαρμογή κολλάει συνέχεια, βοήθεια!"),
      event_with("Zamówienie nie dotarło, obciążyliście mnie dwa razy"),
      event_with("Tilaus ei ole vieläkään tullut, sovellus kaatuu"),
      event_with("طلبي تأخر كثيراً، أين طلبي؟"),
      event_with("Just a normal day with some coffee and friends at the beach"),
  };
  constexpr int kRounds = 100'000;
  std::size_t hits = 0;
  const auto start = std::chrono::steady_clock::now();
  for (int round = 0; round < kRounds; ++round) {
    for (const auto& event : events) {
      parley::Labels labels;
      classifier.classify(event, labels);
      hits += labels.scores().size();
    }
  }
  const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
  const double total = static_cast<double>(kRounds) * static_cast<double>(events.size());
  WARN("texts/s: " << static_cast<long long>(total / elapsed.count()) << " (labels " << hits << ")");
  CHECK(hits > 0);
}
