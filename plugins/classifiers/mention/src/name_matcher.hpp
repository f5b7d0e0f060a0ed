// NameMatcher: finds configured brand and product names in a folded text.
// Exact: every name and alias as a phrase of folded words ("nordic coffee")
// and, for names of several words, written together as one word, the way
// hashtags and handles are ("#NordicCoffee", "@nordiccoffee"). Fuzzy: the
// same forms within a small edit distance (typos), over code points.
#pragma once

#include <array>
#include <bitset>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "mention_config.hpp"
#include "text_normalizer.hpp"

namespace parley::mention {

/// A brand (index into the brand list) or a product (index into the product list).
struct Target {
  bool product = false;
  std::uint32_t index = 0;
};

/// Best score per brand and per product for one text.
struct MatchScores {
  std::vector<double> brands;
  std::vector<double> products;
};

class NameMatcher {
 public:
  /// Fuzzy matching covers forms of at least this many letters (distance 1),
  /// and distance 2 from kTwoEditsLetters letters.
  static constexpr std::size_t kOneEditLetters = 5;
  static constexpr std::size_t kTwoEditsLetters = 9;

  /// Throws std::invalid_argument naming the brand when a name or alias folds
  /// to nothing.
  NameMatcher(const std::vector<Brand>& brands, bool fuzzy, const std::vector<std::string>& fuzzy_exclude);

  std::size_t brand_count() const { return brand_count_; }
  std::size_t product_count() const { return product_count_; }
  const text::TextNormalizer& normalizer() const { return normalizer_; }

  /// Fills `scores` (resized to the brand and product counts): 1.0 for an
  /// exact name or alias, lower for a typo (see fuzzy_score), 0 when absent.
  /// Threading: const, may be called concurrently.
  void match(const text::NormalizedText& text, MatchScores& scores) const;

  /// Score of a typo at `distance` edits from a form of `letters` letters:
  /// 1 - 1.5 * distance / letters, kept within [0.5, 0.9].
  static double fuzzy_score(std::size_t distance, std::size_t letters);

 private:
  struct FuzzyForm {
    std::u32string text;      ///< folded, words joined by one space (or written together)
    std::string first;        ///< UTF-8 bytes of its first code point
    std::size_t words = 1;    ///< text words it is compared with
    std::size_t letters = 0;  ///< code points without spaces
    std::size_t max_distance = 0;
    Target target;
  };
  struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
  };

  void add_form(const std::string& owner, std::string_view form, Target target, bool fuzzy);
  void put(double& slot, double score) const { slot = std::max(slot, score); }

  text::TextNormalizer normalizer_;
  std::unordered_map<std::string, std::vector<Target>, StringHash, std::equal_to<>> exact_;
  std::size_t max_words_ = 1;  ///< longest exact form, in words
  /// The first two bytes of every exact form, so that most token windows are
  /// turned away by a bit test instead of a hash and a lookup.
  std::bitset<1U << 16> exact_openings_;
  std::vector<FuzzyForm> fuzzy_;
  std::array<std::vector<std::uint32_t>, 256> fuzzy_by_first_byte_;  ///< indices into fuzzy_
  std::unordered_set<std::string, StringHash, std::equal_to<>> fuzzy_exclude_;
  std::size_t brand_count_ = 0;
  std::size_t product_count_ = 0;
};

}  // namespace parley::mention
