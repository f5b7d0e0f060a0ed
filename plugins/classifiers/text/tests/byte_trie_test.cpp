#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "byte_trie.hpp"

using parley::text::ByteTrie;

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace byte_trie_test {
std::vector<std::uint32_t> prefixes_of(const ByteTrie& trie, std::string_view text) {
  std::vector<std::uint32_t> found;
  trie.for_each_prefix_of(text, [&](std::uint32_t value) { found.push_back(value); });
  return found;
}
std::vector<std::uint32_t> occurrences_in(const ByteTrie& trie, std::string_view text) {
  std::vector<std::uint32_t> found;
  trie.for_each_occurrence_in(text, [&](std::uint32_t value) { found.push_back(value); });
  std::sort(found.begin(), found.end());
  return found;
}
TEST_CASE("ByteTrie finds the keys that are prefixes of a word, shortest first", "[trie]") {
  ByteTrie trie;
  trie.insert("id", 1);
  trie.insert("idiot", 2);
  trie.insert("idol", 3);
  trie.freeze();
  CHECK(prefixes_of(trie, "idiots") == std::vector<std::uint32_t>{1, 2});
  CHECK(prefixes_of(trie, "idol") == std::vector<std::uint32_t>{1, 3});
  CHECK(prefixes_of(trie, "i").empty());
  CHECK(prefixes_of(trie, "kid").empty());
  CHECK(prefixes_of(trie, "").empty());
}

TEST_CASE("ByteTrie finds every occurrence, overlapping ones too (Aho-Corasick)", "[trie]") {
  ByteTrie trie;
  trie.insert("he", 1);
  trie.insert("she", 2);
  trie.insert("his", 3);
  trie.insert("hers", 4);
  trie.freeze();
  CHECK(occurrences_in(trie, "ushers") == std::vector<std::uint32_t>{1, 2, 4});
  CHECK(occurrences_in(trie, "ahishers") == std::vector<std::uint32_t>{1, 2, 3, 4});
  CHECK(occurrences_in(trie, "xyz").empty());
}

TEST_CASE("ByteTrie handles multi-byte UTF-8 keys and an empty trie", "[trie]") {
  ByteTrie empty;
  empty.freeze();
  CHECK(empty.empty());
  CHECK(occurrences_in(empty, "anything").empty());

  ByteTrie trie;
  trie.insert("идиот", 7);
  trie.insert("ääliö", 8);
  trie.freeze();
  CHECK(prefixes_of(trie, "идиоты") == std::vector<std::uint32_t>{7});
  CHECK(occurrences_in(trie, "senääliö!") == std::vector<std::uint32_t>{8});
  CHECK_THROWS_AS(trie.insert("late", 9), std::logic_error);
}

}  // namespace byte_trie_test
