// TextNormalizer: turns raw UTF-8 into the canonical token stream that terms
// and texts are compared in. Both sides go through the same code, so a term
// matches whatever spelling of it folds to the same tokens.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "normalized_text.hpp"

struct UNormalizer2;

namespace parley::text {

namespace detail {
class CodePointFolds;
}

/// Folding, in order:
/// 1. invalid UTF-8 becomes U+FFFD (a separator);
/// 2. NFKC compatibility mapping and full Unicode case folding (ICU nfkc_cf,
///    decomposed), which also removes default-ignorable characters such as
///    zero-width space/joiners, soft hyphen and variation selectors;
/// 3. non-spacing and enclosing marks are dropped (Greek tonos and dialytika,
///    Latin accents, Arabic harakat and hamza above/below alef, Cyrillic
///    breve/diaeresis: "ηλίθιος" = "ΗΛΙΘΙΟΣ" = "ηλιθιος", "ё" = "е");
///    letters without a decomposition stay (Polish ł, Nordic ø);
/// 4. light Arabic orthography: tatweel dropped, ٱ→ا, ى→ي, ی→ي, ة→ه, ک→ك;
/// 5. tokens: maximal runs of letters, digits and spacing marks; each other
///    symbol (emoji, ©) is a token of its own; everything else separates.
///
/// Input beyond kMaxInputBytes is ignored (cut at a code point boundary).
///
/// How: ASCII text is folded byte by byte; other valid UTF-8 code point by
/// code point from a table of ICU's answers (CodePointFolds); only invalid
/// UTF-8 and the rare code points whose fold keeps a combining character go
/// through ICU on the whole text (normalize_reference). All three give the
/// same result, which the tests and fuzz_text_normalizer check.
///
/// Threading: `normalize` may be called concurrently (ICU's normaliser and the
/// table are immutable; scratch buffers and caches are per thread).
class TextNormalizer {
 public:
  static constexpr std::size_t kMaxInputBytes = std::size_t{4} << 20;

  /// Throws std::runtime_error when ICU's normalisation data is unavailable.
  TextNormalizer();

  /// Replaces `out` with the folded tokens of `input`.
  void normalize(std::string_view input, NormalizedText& out) const;

  /// The same folding done wholly by ICU, the reference that normalize()'s
  /// table lookups are tested against.
  void normalize_reference(std::string_view input, NormalizedText& out) const;

  /// Convenience for building term tables: the folded tokens of `input`.
  std::vector<std::string> tokens(std::string_view input) const;

 private:
  void normalize_ascii(std::string_view input, NormalizedText& out) const;
  bool normalize_by_code_point(std::string_view input, NormalizedText& out) const;
  void normalize_unicode(std::string_view input, NormalizedText& out) const;

  const UNormalizer2* nfkd_casefold_ = nullptr;
  std::shared_ptr<const detail::CodePointFolds> folds_;
};

}  // namespace parley::text
