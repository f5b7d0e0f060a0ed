#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "eld_ngrams.hpp"

using parley::language::EldNgrams;

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace eld_ngrams_test {

const std::filesystem::path& eld_dir() {
  static const std::filesystem::path dir = std::filesystem::path(LANGUAGE_MODELS_DIR) / "eld";
  return dir;
}

const EldNgrams& eld() {
  static const EldNgrams instance(eld_dir() / "ngrams-large.js", eld_dir() / "dictionary.js");
  return instance;
}

double sum_for(const std::string& words, const std::string& language) {
  std::vector<double> sums;
  std::size_t ngrams = 0;
  eld().score(words, sums, ngrams);
  return sums[static_cast<std::size_t>(eld().index_of(language))];
}

TEST_CASE("ELD's tables load with its 60 languages", "[eld]") {
  CHECK(eld().languages().size() == 60);
  for (const char* code : {"en", "el", "ru", "pl", "fi", "ar"}) CHECK(eld().index_of(code) >= 0);
  CHECK(eld().index_of("xx") == -1);
  CHECK(eld().ngram_count() > 100'000);
}

TEST_CASE("ELD scores words of a language highest for that language", "[eld]") {
  CHECK(sum_for("zamowienie", "pl") > sum_for("zamowienie", "en"));
  CHECK(sum_for("zamowienie", "pl") > sum_for("zamowienie", "fi"));
  CHECK(sum_for("tilauksesta", "fi") > sum_for("tilauksesta", "pl"));
  CHECK(sum_for("tilauksesta", "fi") > sum_for("tilauksesta", "en"));
  CHECK(sum_for("thoughtful", "en") > sum_for("thoughtful", "fi"));
  CHECK(sum_for("παραγγελία", "el") > 0);
  CHECK(sum_for("παραγγελία", "en") == 0);
}

TEST_CASE("ELD counts each distinct n-gram once and nothing for no words", "[eld]") {
  std::vector<double> sums;
  std::size_t once = 0;
  std::size_t twice = 0;
  eld().score("order", sums, once);
  const double single = sums[static_cast<std::size_t>(eld().index_of("en"))];
  eld().score("order order", sums, twice);
  CHECK(once == twice);
  CHECK(sums[static_cast<std::size_t>(eld().index_of("en"))] == single);
  eld().score("", sums, once);
  CHECK(once == 0);
}

TEST_CASE("A missing or malformed ELD file is refused with its path", "[eld]") {
  const auto dir = std::filesystem::temp_directory_path() / "parley-language-eld-test";
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "bad.js") << "export const ngramsData = {type:'L60',languages:{0:'am'},ngrams:{'ab':{7:1}}}";
  CHECK_THROWS_WITH(EldNgrams(dir / "nothing.js", eld_dir() / "dictionary.js"), Catch::Contains("nothing.js"));
  CHECK_THROWS_WITH(EldNgrams(dir / "bad.js", eld_dir() / "dictionary.js"), Catch::Contains("bad.js"));
  CHECK_THROWS_WITH(EldNgrams(eld_dir() / "ngrams-large.js", dir / "bad.js"), Catch::Contains("bad.js"));
  std::filesystem::remove_all(dir);
}

}  // namespace eld_ngrams_test
