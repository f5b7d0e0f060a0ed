#include <catch2/catch.hpp>

#include <string>
#include <thread>

#include "fold_memo.hpp"
#include "text_normalizer.hpp"

using parley::text::FoldMemo;
using parley::text::NormalizedText;
using parley::text::TextNormalizer;

namespace fold_memo_test {

NormalizedText folded_as(std::string text) {
  NormalizedText folded;
  folded.text = std::move(text);
  folded.tokens.push_back({0, static_cast<std::uint32_t>(folded.text.size())});
  return folded;
}

TEST_CASE("The memo gives back a fold only for the same bytes", "[fold-memo]") {
  FoldMemo memo;
  CHECK(memo.find("Γεια σας") == nullptr);
  memo.remember("Γεια σας", folded_as("γεια σασ"));
  const NormalizedText* found = memo.find("Γεια σας");
  REQUIRE(found != nullptr);
  CHECK(found->text == "γεια σασ");
  // Same length, one byte apart; and a prefix.
  CHECK(memo.find("Γεια σαs") == nullptr);
  CHECK(memo.find("Γεια") == nullptr);
  CHECK(memo.find("") == nullptr);
}

TEST_CASE("The memo keeps the last four texts and no long ones", "[fold-memo]") {
  FoldMemo memo;
  for (const char* text : {"one", "two", "three", "four", "five"}) memo.remember(text, folded_as(text));
  CHECK(memo.find("one") == nullptr);  // the oldest made room
  for (const char* text : {"two", "three", "four", "five"}) {
    REQUIRE(memo.find(text) != nullptr);
    CHECK(memo.find(text)->text == text);
  }
  const std::string long_text(FoldMemo::kMaxRememberedBytes + 1, 'a');
  memo.remember(long_text, folded_as(long_text));
  CHECK(memo.find(long_text) == nullptr);
  CHECK(memo.find("two") != nullptr);  // nothing was evicted for it
}

TEST_CASE("Folding a text again gives the same tokens, also between other texts", "[fold-memo][normalizer]") {
  const TextNormalizer normalizer;
  const std::string texts[] = {
      "Заказ 4411 до сих пор НЕ приехал", "ΗΛΊΘΙΟΣ!",          "tilaus ei oo tullu", "الطَّلَب ما وصل",
      "Zamówienie nie dotarło",           "Where is my order?"};
  for (int round = 0; round < 3; ++round) {
    for (const auto& text : texts) {
      NormalizedText folded;
      NormalizedText reference;
      normalizer.normalize(text, folded);
      normalizer.normalize_reference(text, reference);
      CHECK(folded.text == reference.text);
      REQUIRE(folded.tokens.size() == reference.tokens.size());
      for (std::size_t i = 0; i < folded.tokens.size(); ++i) CHECK(folded.token(i) == reference.token(i));
    }
  }
}

TEST_CASE("Each thread has its own memo", "[fold-memo]") {
  FoldMemo* here = &parley::text::thread_fold_memo();
  FoldMemo* there = nullptr;
  std::thread([&there] { there = &parley::text::thread_fold_memo(); }).join();
  CHECK(here == &parley::text::thread_fold_memo());
  CHECK(here != there);
}

}  // namespace fold_memo_test
