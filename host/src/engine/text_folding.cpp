#include "engine/text_folding.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <stdexcept>

namespace parley::host {

std::string fold_for_matching(std::string_view text) {
  auto folded = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<std::int32_t>(text.size())));
  folded.foldCase(U_FOLD_CASE_DEFAULT);
  UErrorCode status = U_ZERO_ERROR;
  const auto* nfd = icu::Normalizer2::getNFDInstance(status);
  if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU NFD normalizer: ") + u_errorName(status));
  const auto decomposed = nfd->normalize(folded, status);
  if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU NFD normalization: ") + u_errorName(status));
  icu::UnicodeString bare;
  for (std::int32_t index = 0; index < decomposed.length();) {
    const UChar32 c = decomposed.char32At(index);
    if (u_charType(c) != U_NON_SPACING_MARK) bare.append(c);
    index += U16_LENGTH(c);
  }
  std::string out;
  bare.toUTF8String(out);
  return out;
}

}  // namespace parley::host
