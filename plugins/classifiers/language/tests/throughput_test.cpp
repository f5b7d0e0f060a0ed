// Rough throughput figures, hidden from the default run:
//   language_tests "[.throughput]" -s
#include <catch2/catch.hpp>

#include <chrono>
#include <string>
#include <vector>

#include "test_support.hpp"

using namespace parley::language::test;

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace throughput_test {

void measure(const char* name, parley::language::LanguageClassifier& classifier,
             const std::vector<parley::Event>& events) {
  constexpr int kRounds = 5'000;
  std::size_t decided = 0;
  const auto start = std::chrono::steady_clock::now();
  for (int round = 0; round < kRounds; ++round) {
    for (const auto& event : events) {
      parley::Labels labels;
      classifier.classify(event, labels);
      decided += labels.attribute("lang") != "und";
    }
  }
  const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
  const double total = static_cast<double>(kRounds) * static_cast<double>(events.size());
  WARN(name << ": texts/s " << static_cast<long long>(total / elapsed.count()) << " (decided " << decided << ")");
  CHECK(decided > 0);
}

TEST_CASE("Throughput on short texts", "[.throughput]") {
  const std::vector<parley::Event> mixed = {
      event_with("Still waiting for my order #4411, this is ridiculous"),
      event_with("Love the new oat latte, thanks!"),
      event_with("Где мой заказ? Жду уже неделю, верните деньги"),
      event_with("Το παράθυρο της εφαρμογής κολλάει συνέχεια, βοήθεια!"),
      event_with("Zamówienie nie dotarło, obciążyliście mnie dwa razy"),
      event_with("Tilaus ei ole vieläkään tullut, sovellus kaatuu"),
      event_with("طلبي تأخر كثيراً، أين طلبي؟"),
      event_with("you are all idiots"),
  };
  measure("six languages, mixed", six_languages(), mixed);
  measure("any language, mixed", any_language(), mixed);
  const std::vector<parley::Event> latin = {mixed[0], mixed[1], mixed[4], mixed[5], mixed[7]};
  measure("six languages, Latin script only", six_languages(), latin);
  const std::vector<parley::Event> scripts = {mixed[2], mixed[3], mixed[6]};
  measure("six languages, Greek/Cyrillic/Arabic only", six_languages(), scripts);
}

}  // namespace throughput_test
