// RomanizedWords: Greeklish, Russian translit and Arabizi spotted by their
// frequent words (lists in data/romanized/, compiled in). Latin-script text
// is only said to be el/ru/ar when the evidence is clear (see clear_winner).
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace parley::language {

struct RomanizedGuess {
  std::string language;  ///< "el", "ru" or "ar"; empty when the evidence is not clear
  double confidence = 0.0;
};

class RomanizedWords {
 public:
  /// Loads the compiled-in lists for the languages in `wanted` (others are
  /// ignored; an empty `wanted` loads none).
  explicit RomanizedWords(const std::vector<std::string>& wanted);

  bool empty() const { return language_of_.empty(); }

  /// `words`: lower-case words separated by single spaces. Clear evidence:
  /// at least two listed words (one in a text of one or two words), they
  /// make up at least a quarter of the words, and one language has the most.
  RomanizedGuess clear_winner(std::string_view words) const;

 private:
  /// Hashes std::string and std::string_view alike, so a word is looked up without a copy.
  struct WordHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view word) const { return std::hash<std::string_view>{}(word); }
  };

  std::vector<std::string> languages_;
  /// word -> index into languages_
  std::unordered_map<std::string, std::size_t, WordHash, std::equal_to<>> language_of_;
};

}  // namespace parley::language
