#include "greek_compounds.hpp"

#include <string>

#include "language.hpp"

namespace parley::toxicity {
namespace {

// Folded Greek letters are two UTF-8 bytes each.
constexpr std::size_t kGreekLetterBytes = 2;
constexpr std::size_t kMinHeadLetters = 4;  ///< first element, linking vowel included
constexpr std::size_t kMinTailLetters = 4;

constexpr std::string_view kLinkingVowel = "\xCE\xBF";                 // ο
constexpr std::string_view kIntensifier = "\xCF\x80\xCE\xB1\xCE\xBD";  // παν
// Verbal prefixes ending in -ο- are not compound heads: "αναπο-φάσιστος" is
// "undecided", not a fascist.
constexpr std::string_view kPrefixHeads[] = {"\xCE\xB1\xCF\x80\xCE\xBF",   // απο
                                             "\xCF\x85\xCF\x80\xCE\xBF",   // υπο
                                             "\xCF\x80\xCF\x81\xCE\xBF"};  // προ

bool ends_with_prefix(std::string_view head) {
  for (const auto prefix : kPrefixHeads) {
    if (head.ends_with(prefix)) return true;
  }
  return false;
}

void add_tail(std::string_view token, std::size_t head_bytes, std::uint32_t index,
              std::vector<TokenVariant>& variants) {
  if (token.size() - head_bytes >= kMinTailLetters * kGreekLetterBytes) {
    variants.push_back({index, 1, std::string(token.substr(head_bytes))});
  }
}

}  // namespace

void add_greek_compound_variants(std::string_view token, std::uint32_t index, std::vector<TokenVariant>& variants) {
  if (token.size() < (kMinHeadLetters + kMinTailLetters) * kGreekLetterBytes - kGreekLetterBytes ||
      !all_in_script(token, Script::greek))
    return;
  if (token.starts_with(kIntensifier)) add_tail(token, kIntensifier.size(), index, variants);
  for (std::size_t i = (kMinHeadLetters - 1) * kGreekLetterBytes; i + kGreekLetterBytes < token.size();
       i += kGreekLetterBytes) {
    if (token.substr(i, kGreekLetterBytes) != kLinkingVowel) continue;
    const std::string_view head = token.substr(0, i + kGreekLetterBytes);
    if (!ends_with_prefix(head)) add_tail(token, head.size(), index, variants);
  }
}

}  // namespace parley::toxicity
