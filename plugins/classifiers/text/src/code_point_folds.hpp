// CodePointFolds: what TextNormalizer makes of each code point on its own,
// so that a text can be folded by table lookups instead of a round trip
// through UTF-16 and ICU. Internal to parley_text.
#pragma once

#include <unicode/umachine.h>

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

struct UNormalizer2;

namespace parley::text::detail {

/// What a folded character does to the token stream.
enum class CharRole : std::uint8_t { skip, word, symbol, separator };

/// The role of `c` after folding (marks skip, letters and digits make words,
/// other symbols stand alone, the rest separates).
CharRole char_role(UChar32 c);

/// Light Arabic orthography: the letter variants people type interchangeably.
UChar32 fold_arabic(UChar32 c);

/// One character of a code point's folded form, already in UTF-8.
struct FoldedChar {
  CharRole role = CharRole::separator;
  std::uint8_t size = 0;
  std::array<char, 4> utf8{};
};

class CodePointFolds {
 public:
  /// Folds of U+0000..U+07FF (Latin, Greek, Cyrillic, Arabic and more) are
  /// computed here, once; others (emoji, punctuation) on first use by each
  /// thread, which keeps them.
  explicit CodePointFolds(const UNormalizer2* nfkd_casefold);

  /// The characters `c` folds to, skipped ones left out, valid until the
  /// next call. nullopt when `c`'s fold keeps a combining character
  /// (canonical ordering could move it past its neighbours' marks, so the
  /// text must go through ICU whole).
  std::optional<std::span<const FoldedChar>> fold(UChar32 c) const {
    if (c >= kTableSize) return fold_beyond_table(c);
    const auto& entry = table_[static_cast<std::size_t>(c)];
    if (!entry.context_free) return std::nullopt;
    return std::span<const FoldedChar>(pool_.data() + entry.first, entry.count);
  }

 private:
  static constexpr UChar32 kTableSize = 0x800;

  struct Entry {
    std::uint32_t first = 0;
    std::uint8_t count = 0;
    bool context_free = false;
  };

  std::optional<std::span<const FoldedChar>> fold_beyond_table(UChar32 c) const;
  bool compute(UChar32 c, std::vector<FoldedChar>& out) const;

  const UNormalizer2* nfkd_casefold_;
  std::vector<FoldedChar> pool_;
  std::array<Entry, kTableSize> table_{};
};

}  // namespace parley::text::detail
