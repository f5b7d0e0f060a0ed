#include "code_point_folds.hpp"

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/utf16.h>

#include <unordered_map>

#include "append_utf8.hpp"

namespace parley::text::detail {
namespace {

CharRole role_from_icu(UChar32 c) {
  if (c == 0x0640) return CharRole::skip;  // Arabic tatweel (kashida)
  switch (u_charType(c)) {
    case U_NON_SPACING_MARK:
    case U_ENCLOSING_MARK: return CharRole::skip;
    case U_UPPERCASE_LETTER:
    case U_LOWERCASE_LETTER:
    case U_TITLECASE_LETTER:
    case U_MODIFIER_LETTER:
    case U_OTHER_LETTER:
    case U_COMBINING_SPACING_MARK:
    case U_DECIMAL_DIGIT_NUMBER:
    case U_LETTER_NUMBER:
    case U_OTHER_NUMBER: return CharRole::word;
    case U_OTHER_SYMBOL: return c == 0xFFFD ? CharRole::separator : CharRole::symbol;
    default: return CharRole::separator;
  }
}

// Roles of U+0000..U+07FF precomputed, the rest asked from ICU.
class CharRoles {
 public:
  CharRoles() {
    for (UChar32 c = 0; c < kTableSize; ++c) table_[c] = role_from_icu(c);
  }
  CharRole operator()(UChar32 c) const { return c < kTableSize ? table_[c] : role_from_icu(c); }

 private:
  static constexpr UChar32 kTableSize = 0x800;
  std::array<CharRole, kTableSize> table_{};
};

}  // namespace

CharRole char_role(UChar32 c) {
  static const CharRoles roles;
  return roles(c);
}

UChar32 fold_arabic(UChar32 c) {
  switch (c) {
    case 0x0671: return 0x0627;  // alef wasla -> alef
    case 0x0649: return 0x064A;  // alef maksura -> yeh
    case 0x06CC: return 0x064A;  // Farsi yeh -> yeh
    case 0x0629: return 0x0647;  // teh marbuta -> heh
    case 0x06A9: return 0x0643;  // keheh -> kaf
    default: return c;
  }
}

CodePointFolds::CodePointFolds(const UNormalizer2* nfkd_casefold) : nfkd_casefold_(nfkd_casefold) {
  std::vector<FoldedChar> folded;
  for (UChar32 c = 0; c < kTableSize; ++c) {
    folded.clear();
    auto& entry = table_[static_cast<std::size_t>(c)];
    entry.context_free = compute(c, folded);
    entry.first = static_cast<std::uint32_t>(pool_.size());
    entry.count = static_cast<std::uint8_t>(folded.size());
    pool_.insert(pool_.end(), folded.begin(), folded.end());
  }
}

std::optional<std::span<const FoldedChar>> CodePointFolds::fold_beyond_table(UChar32 c) const {
  struct Cached {
    bool context_free = false;
    std::vector<FoldedChar> chars;
  };
  // A code point's fold does not depend on the instance (one ICU normaliser).
  thread_local std::unordered_map<UChar32, Cached> cache;
  constexpr std::size_t kCacheLimit = 1 << 14;
  auto found = cache.find(c);
  if (found == cache.end()) {
    if (cache.size() >= kCacheLimit) cache.clear();
    Cached fresh;
    fresh.context_free = compute(c, fresh.chars);
    found = cache.emplace(c, std::move(fresh)).first;
  }
  if (!found->second.context_free) return std::nullopt;
  return std::span<const FoldedChar>(found->second.chars);
}

// Decomposed nfkc_cf maps each code point on its own and then puts runs of
// combining characters (canonical combining class > 0) in canonical order.
// Those are all marks that TextNormalizer drops, except a few spacing ones;
// a code point whose fold keeps one is left to ICU with its context.
bool CodePointFolds::compute(UChar32 c, std::vector<FoldedChar>& out) const {
  if (c >= 0xD800 && c <= 0xDFFF) return false;  // never decoded from valid UTF-8
  UChar source[2];
  std::int32_t source_length = 0;
  U16_APPEND_UNSAFE(source, source_length, c);
  constexpr std::int32_t kCapacity = 64;  // the longest nfkc_cf mapping is 18 units
  UChar folded[kCapacity];
  UErrorCode status = U_ZERO_ERROR;
  const auto length = unorm2_normalize(nfkd_casefold_, source, source_length, folded, kCapacity, &status);
  if (U_FAILURE(status)) return false;
  std::int32_t i = 0;
  while (i < length) {
    UChar32 d;
    U16_NEXT(folded, i, length, d);
    const CharRole role = char_role(d);
    if (role == CharRole::skip) continue;
    if (u_getCombiningClass(d) != 0) return false;
    FoldedChar result;
    result.role = role;
    result.size = static_cast<std::uint8_t>(
        parley::text::append_utf8(result.utf8.data(), role == CharRole::word ? fold_arabic(d) : d));
    out.push_back(result);
  }
  return true;
}

}  // namespace parley::text::detail
