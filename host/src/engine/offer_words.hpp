// PLAYBOOK P4: offers only in private. The words that make a public text an
// offer, and the check of a text against them.
#pragma once

#include <optional>
#include <string>
#include <string_view>
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
  std::vector<Word> words_;
};

}  // namespace parley::host
