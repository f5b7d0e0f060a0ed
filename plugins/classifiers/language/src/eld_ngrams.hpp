// EldNgrams: the byte n-gram tables of ELD (Efficient Language Detector,
// Nito T.M., Apache-2.0), read from the npm package's JavaScript data files,
// and ELD's scoring. It is the best of the engines on single words once the
// candidates are restricted to a brand's languages (see README, measured).
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace parley::language {

class EldNgrams {
 public:
  /// Reads `ngrams.js` (e.g. eld/src/ngrams/large.js) and ELD's byte
  /// dictionary (`dictionary.js`). Throws std::runtime_error naming the file
  /// when one is missing or not in the expected shape.
  EldNgrams(const std::filesystem::path& ngrams_js, const std::filesystem::path& dictionary_js);

  /// ISO 639-1 codes, indexed like the scores.
  const std::vector<std::string>& languages() const { return languages_; }
  /// The index of `code`, or -1.
  int index_of(std::string_view code) const;

  /// Per-language sums over the distinct n-grams of `words` (lower-case words
  /// separated by single spaces); `ngram_count` is how many n-grams the text
  /// has. Divide a sum by ngram_count for ELD's per-n-gram score.
  void score(std::string_view words, std::vector<double>& sums, std::size_t& ngram_count) const;

  std::size_t ngram_count() const { return ngram_count_; }

 private:
  struct Weight {
    std::uint8_t language;
    std::uint16_t score;
  };
  struct Span {
    std::uint32_t first;
    std::uint32_t count;
  };

  struct Slot {
    std::uint64_t key = 0;  ///< 0 = empty
    Span span{0, 0};
  };

  void insert(std::uint64_t key, Span span);
  std::size_t home_slot(std::uint64_t key) const;
  const Span* find(std::uint64_t key) const;

  std::vector<std::string> languages_;
  std::uint8_t byte_code_[256] = {};  ///< ELD encodes each UTF-8 byte as one Latin-1 character
  // An open-addressing hash table (linear probing, power-of-two size): one
  // allocation instead of a node per n-gram keeps loading fast, and a key
  // and its span share a cache line.
  std::vector<Slot> slots_;
  std::size_t ngram_count_ = 0;
  std::vector<Weight> weights_;
};

}  // namespace parley::language
