#include <catch2/catch.hpp>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "cue_list.hpp"
#include "cue_trie.hpp"
#include "text_normalizer.hpp"

using parley::intent::CueTrie;

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace cue_trie_test {

/// A trie of `terms` (value = position in the list), folded like the classifier does.
struct Fixture {
  parley::text::TextNormalizer normalizer;
  CueTrie trie;

  explicit Fixture(const std::vector<std::string>& terms) {
    std::uint32_t value = 0;
    for (const auto& term : terms) {
      std::vector<std::string> words;
      std::vector<bool> stems;
      for (const auto& raw : parley::intent::split_term(term)) {
        const auto folded = normalizer.tokens(raw.text);
        for (std::size_t i = 0; i < folded.size(); ++i) {
          words.push_back(folded[i]);
          stems.push_back(raw.stem && i + 1 == folded.size());
        }
      }
      REQUIRE(trie.insert(words, stems, value++));
    }
    trie.freeze();
  }

  std::set<std::uint32_t> matches(const std::string& text) const {
    parley::text::NormalizedText folded;
    normalizer.normalize(text, folded);
    std::set<std::uint32_t> found;
    trie.for_each_match(folded, [&](std::uint32_t value, std::size_t) { found.insert(value); });
    return found;
  }
};

using Set = std::set<std::uint32_t>;

TEST_CASE("Words match whole words only", "[trie]") {
  Fixture f({"late", "ass"});
  CHECK(f.matches("Delivery is LATE again") == Set{0});
  CHECK(f.matches("a class act, translated") == Set{});
}

TEST_CASE("Phrases match consecutive words", "[trie]") {
  Fixture f({"still waiting", "where is my order"});
  CHECK(f.matches("I'm STILL... waiting!") == Set{0});
  CHECK(f.matches("still, I am waiting") == Set{});
  CHECK(f.matches("Where is my order?") == Set{1});
}

TEST_CASE("Stems match word starts, also inside phrases", "[trie]") {
  Fixture f({"refund*", "zwrot* pieniędz*", "ακόμα περιμέν*", "не работает"});
  CHECK(f.matches("Refunded? No.") == Set{0});
  CHECK(f.matches("prefund") == Set{});
  CHECK(f.matches("Czekam na zwrot pieniędzy od miesiąca") == Set{1});
  CHECK(f.matches("Gdzie jest ZWROTU PIENIEDZY") == Set{1});  // accents folded
  CHECK(f.matches("Ακόμα περιμένουμε την παραγγελία") == Set{2});
  CHECK(f.matches("Приложение не работает") == Set{3});
  CHECK(f.matches("zwrot towaru") == Set{});
}

TEST_CASE("A cue inserted twice for the same list counts once", "[trie]") {
  // Two spellings that fold alike ("άθλι*", "αθλι*") are one cue.
  parley::text::TextNormalizer normalizer;
  CueTrie trie;
  REQUIRE(trie.insert({"lost"}, {false}, 7));
  REQUIRE(trie.insert({"lost"}, {false}, 7));
  REQUIRE(trie.insert({"lost"}, {false}, 8));  // another list: counted as well
  REQUIRE(trie.insert({"crash"}, {true}, 7));
  REQUIRE(trie.insert({"crash"}, {true}, 7));
  trie.freeze();
  parley::text::NormalizedText folded;
  normalizer.normalize("lost and crashed", folded);
  std::vector<std::uint32_t> reported;
  trie.for_each_match(folded, [&](std::uint32_t value, std::size_t) { reported.push_back(value); });
  std::sort(reported.begin(), reported.end());
  CHECK(reported == std::vector<std::uint32_t>{7, 7, 8});
}

TEST_CASE("Arabic proclitics are optional prefixes", "[trie]") {
  Fixture f({"طلب", "تاخير"});
  CHECK(f.matches("والطلب لم يصل") == Set{0});
  CHECK(f.matches("بالتأخير") == Set{1});  // hamza folded, clitic بال
  CHECK(f.matches("مطلب") == Set{});       // م is not a proclitic
}

TEST_CASE("An empty trie and an empty text match nothing", "[trie]") {
  Fixture empty({});
  CHECK(empty.matches("anything").empty());
  Fixture f({"late"});
  CHECK(f.matches("").empty());
}

TEST_CASE("Cue files: sections, comments, stems", "[cues]") {
  const auto lines =
      parley::intent::parse_cue_file("x.txt", "# comment\n[complaint]\nstill waiting\n\n#fail\n[spam]\nsub*\n");
  REQUIRE(lines.size() == 3);
  CHECK(lines[0].section == "complaint");
  CHECK(lines[1].term == "#fail");
  CHECK(lines[2].section == "spam");
  CHECK_THROWS_AS(parley::intent::parse_cue_file("x.txt", "late\n"), std::invalid_argument);
  CHECK_THROWS_AS(parley::intent::parse_cue_file("x.txt", "[complaint\nlate\n"), std::invalid_argument);
  const auto words = parley::intent::split_term("  zwrot*  pieniędzy ");
  REQUIRE(words.size() == 2);
  CHECK(words[0].text == "zwrot");
  CHECK(words[0].stem);
  CHECK_FALSE(words[1].stem);
}

}  // namespace cue_trie_test
