#include "engine/text_folding.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf16.h>

#include <stdexcept>

namespace parley::host {

namespace {

bool is_ascii(std::string_view text) {
  for (const unsigned char c : text) {
    if (c >= 0x80) return false;
  }
  return true;
}

}  // namespace

std::string fold_for_matching(std::string_view text) {
  // ASCII has no marks and folds to lower case: most replies in English
  // and the Latin parts of others take this path, without ICU.
  if (is_ascii(text)) {
    std::string out(text);
    for (auto& c : out) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
  }
  auto folded = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<std::int32_t>(text.size())));
  folded.foldCase(U_FOLD_CASE_DEFAULT);
  UErrorCode status = U_ZERO_ERROR;
  const auto* nfd = icu::Normalizer2::getNFDInstance(status);
  if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU NFD normalizer: ") + u_errorName(status));
  const auto decomposed = nfd->normalize(folded, status);
  if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU NFD normalization: ") + u_errorName(status));
  // Combining marks dropped, the rest copied unit by unit (a mark is never
  // a surrogate pair's half, so pairs stay whole).
  std::u16string bare;
  bare.reserve(static_cast<std::size_t>(decomposed.length()));
  const char16_t* units = decomposed.getBuffer();
  for (std::int32_t index = 0; index < decomposed.length();) {
    UChar32 c = 0;
    const auto start = index;
    U16_NEXT(units, index, decomposed.length(), c);
    if (u_charType(c) != U_NON_SPACING_MARK) bare.append(units + start, units + index);
  }
  std::string out;
  icu::UnicodeString(false, bare.data(), static_cast<std::int32_t>(bare.size())).toUTF8String(out);
  return out;
}

}  // namespace parley::host
