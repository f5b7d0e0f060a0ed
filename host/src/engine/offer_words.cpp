#include "engine/offer_words.hpp"

#include "engine/text_folding.hpp"

namespace parley::host {

const std::vector<std::string>& default_public_offer_words() {
  // Substrings of the folded, accent-free text. Bare words that also mean
  // something ordinary are left out: "free" (feel free), "offer" (we offer
  // help), ru "возврат" (a return of goods), ar "خصم" alone (also "charged",
  // as in "charged twice"), pl "promocj" (a promotion price complaint).
  static const std::vector<std::string> words{
      // en
      "discount", "refund", "voucher", "coupon", "compensat", "promo code", "promocode", "promotional code",
      "free of charge", "for free", "complimentary", "gift card", "store credit", "cashback", "cash back", "money back",
      "rebate", "bonus",
      // el
      "έκπτωσ", "εκπτωτικ", "κουπόνι", "επιστροφή χρημάτων", "επιστροφή των χρημάτων", "αποζημίωσ", "δωρεάν",
      "δωροεπιταγ", "κωδικός προσφοράς", "κωδικό προσφοράς",
      // ru
      "скидк", "купон", "промокод", "ваучер", "компенсац", "возврат денег", "возврат средств", "вернём деньги",
      "бесплатн", "подарочн", "бонус",
      // pl
      "rabat", "zniżk", "kupon", "kod promocyjn", "zwrot pieniędzy", "zwrot środków", "zwrot kosztów", "rekompensat",
      "odszkodowan", "gratis", "za darmo", "bezpłatn", "upust", "podarunkow",
      // fi
      "alennu", "alekoodi", "hyvity", "hyvitäm", "korvau", "rahat takaisin", "rahanpalautu", "kuponki", "kupongi",
      "lahjakort", "ilmaiseksi", "veloituksetta", "kampanjakoodi", "etukoodi", "tarjouskoodi",
      // ar
      "تخفيض", "كود خصم", "كود الخصم", "رمز خصم", "رمز الخصم", "قسيمة", "كوبون", "استرداد", "استرجاع المبلغ",
      "استرجاع الأموال", "تعويض", "مجان", "رمز ترويجي", "بطاقة هدية"};
  return words;
}

OfferWords::OfferWords(std::vector<std::string> words) {
  for (auto& word : words) {
    auto folded = fold_for_matching(word);
    // A blank word would match (nearly) every text; the pipeline reader refuses it.
    if (folded.find_first_not_of(" \t\n") == std::string::npos) continue;
    const auto index = words_.size();
    if (folded.size() < 2) {
      one_byte_words_.push_back(index);
    } else {
      const auto prefix = prefix_of(reinterpret_cast<const unsigned char*>(folded.data()));
      has_prefix_.set(prefix);
      by_prefix_[prefix].push_back(index);
    }
    words_.push_back({std::move(word), std::move(folded)});
  }
}

std::optional<std::string> OfferWords::find_in(std::string_view text) const {
  if (words_.empty() || text.empty()) return std::nullopt;
  const auto folded = fold_for_matching(text);
  const auto* bytes = reinterpret_cast<const unsigned char*>(folded.data());
  std::size_t first = words_.size();  // the earliest listed word found
  for (std::size_t at = 0; at + 1 < folded.size(); ++at) {
    // Folded text is valid UTF-8 and every word starts a character.
    if ((bytes[at] & 0xC0) == 0x80) continue;
    const auto prefix = prefix_of(bytes + at);
    if (!has_prefix_.test(prefix)) continue;
    for (const auto index : by_prefix_.at(prefix)) {
      if (index < first && folded.compare(at, words_[index].folded.size(), words_[index].folded) == 0) first = index;
    }
  }
  for (const auto index : one_byte_words_) {
    if (index < first && folded.find(words_[index].folded) != std::string::npos) first = index;
  }
  if (first == words_.size()) return std::nullopt;
  return words_[first].written;
}

}  // namespace parley::host
