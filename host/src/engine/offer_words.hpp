// PLAYBOOK P4: offers only in private. The words that make a public text an
// offer, and the check of a text against them.
#pragma once

#include <bitset>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace parley::host {

/// What `policy.public_offer_words` means when the pipeline leaves it out:
/// stems in en, el, ru, pl, fi and ar for discount, refund, voucher, coupon,
/// compensation, promo code and free of charge. Chosen so that ordinary
/// complaint replies ("sorry", "we are checking your order", "your refund
/// request" is the exception: a public refund is an offer) do not match.
const std::vector<std::string>& default_public_offer_words();

class OfferWords {
 public:
  /// `words` as the brand wrote them; matched case- and accent-insensitively.
  explicit OfferWords(std::vector<std::string> words);

  /// The first listed word (as written in the list) that occurs anywhere in
  /// `text`, also inside a longer word ("rabat" in "rabatu"); nullopt if none.
  std::optional<std::string> find_in(std::string_view text) const;

  bool empty() const { return words_.empty(); }

 private:
  struct Word {
    std::string written;
    std::string folded;
  };
  /// The first two bytes of a folded word, as one number.
  static std::uint16_t prefix_of(const unsigned char* bytes) {
    return static_cast<std::uint16_t>(bytes[0] << 8 | bytes[1]);
  }

  std::vector<Word> words_;
  // The text is read once: at each character, only the words starting with
  // its two bytes are compared (a hundred finds over the text cost more).
  std::bitset<65536> has_prefix_;
  std::unordered_map<std::uint16_t, std::vector<std::size_t>> by_prefix_;  // prefix -> indexes in words_
  std::vector<std::size_t> one_byte_words_;                                // too short for a prefix
};

}  // namespace parley::host
