// A rough throughput figure, hidden from the default run:
//   toxicity_tests "[.throughput]" -s
#include <catch2/catch.hpp>

#include <chrono>
#include <string>
#include <vector>

#include "test_support.hpp"

using namespace parley::toxicity::test;

TEST_CASE("Throughput on short texts", "[.throughput]") {
  FakeContext context;
  parley::toxicity::ToxicityClassifier classifier(yaml_config("{}"), context);
  const std::vector<parley::Event> events = {
      event_with("Still waiting for my order #4411, this is ridiculous"),
      event_with("Love the new oat latte, thanks!"),
      event_with("Где мой заказ? Жду уже неделю, верните деньги"),
      event_with("Το παράθυρο της εφαρμογής κολλάει συνέχεια, βοήθεια!"),
      event_with("Zamówienie nie dotarło, obciążyliście mnie dwa razy"),
      event_with("Tilaus ei ole vieläkään tullut, sovellus kaatuu"),
      event_with("طلبي تأخر كثيراً، أين طلبي؟"),
      event_with("@user you are all f*cking idiots"),
  };
  constexpr int kRounds = 50'000;
  double total_offensive = 0;
  const auto start = std::chrono::steady_clock::now();
  for (int round = 0; round < kRounds; ++round) {
    for (const auto& event : events) {
      parley::Labels labels;
      classifier.classify(event, labels);
      total_offensive += labels.score("toxicity.offensive");
    }
  }
  const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
  const double total = static_cast<double>(kRounds) * static_cast<double>(events.size());
  WARN("events/s: " << static_cast<long long>(total / elapsed.count()));
  CHECK(total_offensive > 0);
}
