// Untrusted input: nothing crashes, labels stay defined and in [0,1].
#include <catch2/catch.hpp>

#include <string>
#include <thread>
#include <vector>

#include "test_support.hpp"

using namespace parley::intent::test;

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace robustness_test {
void check_in_range(const parley::Labels& labels) {
  for (const auto& [name, score] : labels.scores()) {
    INFO(name);
    CHECK(score >= 0.0);
    CHECK(score <= 1.0);
  }
}
TEST_CASE("Empty, emoji-only and whitespace texts get no intent", "[robustness]") {
  auto classifier = make_classifier();
  for (const char* text : {"", "   \n\t", "😀😀😀🎉", "\xE2\x80\x8B\xE2\x80\x8B"}) {
    const auto labels = classify(classifier, text);
    CHECK(labels.score("intent.complaint") < 0.5);
    CHECK(labels.attribute("theme").empty());
    check_in_range(labels);
  }
}

TEST_CASE("Odd leading @handles: no crash, labels in range", "[robustness]") {
  auto classifier = make_classifier();
  const std::string many_ats(1000, '@');
  for (const std::string& text :
       {std::string("@"), std::string("@@ no"), std::string("@ no it isn't"), std::string("@\xFF\xFE no it isn't"),
        std::string("RT @"), std::string("RT @x RT @y no"), std::string("@Игорь_К no it isn't"),
        std::string("@a@b@c no it isn't"), many_ats, many_ats + " no it isn't", std::string("@x\0@y no", 8)}) {
    parley::Labels labels;
    auto event = parley::test::event_with(text);
    classifier.classify(event, labels);
    check_in_range(labels);
  }
}

TEST_CASE("Invalid UTF-8 does not hide the words around it", "[robustness]") {
  auto classifier = make_classifier();
  const auto labels =
      classify(classifier, std::string("still waiting \xFF\xFE\xC3 for my order, unacceptable \xE2\x82"));
  CHECK(labels.score("intent.complaint") >= 0.5);
  CHECK(labels.attribute("theme") == "late_delivery");
}

TEST_CASE("Zero-width characters inside words are ignored", "[robustness]") {
  auto classifier = make_classifier();
  const auto labels = classify(classifier,
                               "unac\xE2\x80\x8B"
                               "cept\xE2\x80\x8C"
                               "able, the app keeps cr\xC2\xAD"
                               "ashing");
  CHECK(labels.score("intent.complaint") >= 0.5);
  CHECK(labels.attribute("theme") == "app_crash");
}

TEST_CASE("Mixed right-to-left and left-to-right text", "[robustness]") {
  auto classifier = make_classifier();
  const auto labels = classify(classifier,
                               "\xE2\x80\x8F"
                               "الطلب لم يصل order #4411 \xE2\x80\x8E still waiting \xE2\x80\xAB"
                               "تأخير");
  CHECK(labels.score("intent.complaint") >= 0.5);
  CHECK(labels.attribute("theme") == "late_delivery");
}

TEST_CASE("A 1 MB text is classified", "[robustness]") {
  auto classifier = make_classifier();
  std::string huge;
  while (huge.size() < (1U << 20)) huge += "lorem ipsum dolor sit amet Ακόμα περιμένω ";
  const auto labels = classify(classifier, huge);
  check_in_range(labels);
  CHECK(labels.score("intent.complaint") >= 0.5);
}

TEST_CASE("One instance serves several threads", "[robustness]") {
  auto classifier = make_classifier();
  const std::vector<std::string> texts = {"still waiting for my order", "Kiitos, loistava palvelu!",
                                          "Как изменить адрес доставки?", "subscribe to my channel"};
  std::vector<std::thread> threads;
  std::vector<int> wrong(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 2000; ++i) {
        const auto labels = classify(classifier, texts[static_cast<std::size_t>(t)]);
        const bool ok = t == 0   ? labels.attribute("theme") == "late_delivery"
                        : t == 1 ? labels.score("intent.praise") >= 0.5
                        : t == 2 ? labels.score("intent.question") >= 0.5
                                 : labels.score("intent.spam") >= 0.5;
        if (!ok) ++wrong[static_cast<std::size_t>(t)];
      }
    });
  }
  for (auto& thread : threads) thread.join();
  CHECK(wrong == std::vector<int>(4, 0));
}

}  // namespace robustness_test
