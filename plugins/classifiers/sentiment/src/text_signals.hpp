// TextSignals: what the folded tokens no longer show, read from the raw text
// in one pass: "!!!" and "???", words in CAPITALS, emoticons (":-)", "))" and
// "((" as typed in Russian), and short spans in quote marks ("great" service).
#pragma once

#include <bitset>
#include <string_view>
#include <vector>

#include "lexicon.hpp"

namespace parley::sentiment {

struct TextSignals {
  int exclamations = 0;
  int questions = 0;
  int words = 0;          ///< words with at least one cased letter
  int shouted_words = 0;  ///< of those, words of 2+ letters all in capitals
  bool has_lowercase = false;
  float emoticon_valence = 0.0F;  ///< sum over emoticons found
  /// Up to 8 of the words in capitals, as views into the text.
  std::vector<std::string_view> shouted;
  /// Up to 4 short quoted spans ("great", «отлично»), as views into the text.
  std::vector<std::string_view> quoted;

  void clear() {
    *this = TextSignals{.shouted = std::move(shouted), .quoted = std::move(quoted)};
    shouted.clear();
    quoted.clear();
  }
};

/// Emoticons (":-)", "<3") and their valence, matched on whitespace-separated
/// chunks of the raw text.
class EmoticonTable {
 public:
  void add(std::string_view emoticon, float valence) {
    valences_[std::string(emoticon)] = valence;
    if (!emoticon.empty()) ends_.set(ends_key(emoticon));
  }
  /// 0 when `chunk` is not an emoticon.
  float valence(std::string_view chunk) const {
    // Most chunks are words: their first and last bytes rule them out
    // before a hash lookup.
    if (chunk.empty() || !ends_.test(ends_key(chunk))) return 0.0F;
    const auto found = valences_.find(chunk);
    return found == valences_.end() ? 0.0F : found->second;
  }
  std::size_t size() const { return valences_.size(); }

 private:
  static std::size_t ends_key(std::string_view text) {
    return static_cast<std::size_t>(static_cast<unsigned char>(text.front())) << 8 |
           static_cast<unsigned char>(text.back());
  }

  StringMap<float> valences_;
  std::bitset<1U << 16> ends_;  // (first byte, last byte) of each emoticon
};

/// Copies `text` into `out` with @handles and web links blanked out: a
/// brand's handle ("@united", "@SouthwestAir") or a URL is not sentiment.
void blank_handles_and_links(std::string_view text, std::string& out);

/// Reads the signals of `text` into `out` (cleared first). Invalid UTF-8 is
/// skipped byte by byte. Linear in the text.
void read_signals(std::string_view text, const EmoticonTable& emoticons, TextSignals& out);

}  // namespace parley::sentiment
