#include "policy_test/text_search.hpp"

#include <locale.h>
#include <wctype.h>

namespace parley::host {
namespace {

/// The C.UTF-8 locale for towlower_l: Unicode case mappings, independent of
/// the user's locale and of the process-wide one (nothing global is changed).
locale_t utf8_locale() {
  static const locale_t locale = newlocale(LC_CTYPE_MASK, "C.UTF-8", static_cast<locale_t>(nullptr));
  return locale;
}

/// Decodes one code point at `at` (advancing it); an invalid byte stands for itself.
char32_t next_code_point(std::string_view text, std::size_t& at) {
  const auto lead = static_cast<unsigned char>(text[at]);
  std::size_t length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 0;
  if (length == 0 || at + length > text.size()) {
    ++at;
    return 0xDC00 + lead;  // a lone surrogate never occurs in valid text
  }
  char32_t code = length == 1 ? lead : lead & (0x7F >> length);
  for (std::size_t index = 1; index < length; ++index) {
    const auto byte = static_cast<unsigned char>(text[at + index]);
    if ((byte & 0xC0) != 0x80) {
      ++at;
      return 0xDC00 + lead;
    }
    code = (code << 6) | (byte & 0x3F);
  }
  at += length;
  return code;
}

}  // namespace

std::u32string lower_code_points(std::string_view text) {
  std::u32string result;
  const locale_t locale = utf8_locale();
  for (std::size_t at = 0; at < text.size();) {
    const char32_t code = next_code_point(text, at);
    result += locale != static_cast<locale_t>(nullptr) && (code < 0xD800 || code > 0xDFFF)
                  ? static_cast<char32_t>(towlower_l(static_cast<wint_t>(code), locale))
                  : code;
  }
  return result;
}

bool contains_ignoring_case(std::string_view text, std::string_view needle) {
  return lower_code_points(text).find(lower_code_points(needle)) != std::u32string::npos;
}

}  // namespace parley::host
