#include <catch2/catch.hpp>

#include "case_folding.hpp"

using parley::rules::fold_case;

TEST_CASE("case folding lowers ASCII and leaves the rest of ASCII alone", "[case_folding]") {
  CHECK(fold_case("Hello WORLD 123 !?_-") == "hello world 123 !?_-");
  CHECK(fold_case("") == "");
}

TEST_CASE("case folding handles Latin, Greek and Cyrillic letters", "[case_folding]") {
  CHECK(fold_case("MYÖHÄSSÄ") == "myöhässä");
  CHECK(fold_case("ΚΑΦΈΣ") == "καφέσ");
  CHECK(fold_case("καφές") == "καφέσ");  // final sigma folds like sigma
  CHECK(fold_case("ГДЕ МОЙ ЗАКАЗ") == "где мой заказ");
  CHECK(fold_case("Ёлка") == "ёлка");
}

TEST_CASE("case folding leaves scripts without case and emoji unchanged", "[case_folding]") {
  CHECK(fold_case("أريد استرداد أموالي") == "أريد استرداد أموالي");
  CHECK(fold_case("コーヒー☕👍") == "コーヒー☕👍");
}

TEST_CASE("case folding copies invalid UTF-8 bytes as they are", "[case_folding]") {
  CHECK(fold_case("AB\xC3(CD\xFF") == "ab\xC3(cd\xFF");
  CHECK(fold_case("\xE2\x82") == "\xE2\x82");  // truncated sequence at the end
}

TEST_CASE("case folding reuses the output buffer", "[case_folding]") {
  std::string out = "previous content that is long enough to be on the heap";
  fold_case("ABC", out);
  CHECK(out == "abc");
}
