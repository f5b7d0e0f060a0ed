// The six languages the toxicity lists cover, as bits of a mask, and the
// script a folded token is written in.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace parley::toxicity {

enum class Language : std::uint8_t { en, el, ru, pl, fi, ar };
inline constexpr Language kLanguages[] = {Language::en, Language::el, Language::ru,
                                          Language::pl, Language::fi, Language::ar};

using LanguageMask = std::uint8_t;
inline constexpr LanguageMask kAllLanguages = 0x3F;
inline constexpr LanguageMask bit(Language language) {
  return static_cast<LanguageMask>(1u << static_cast<unsigned>(language));
}

inline constexpr std::string_view to_string(Language language) {
  constexpr std::string_view names[] = {"en", "el", "ru", "pl", "fi", "ar"};
  return names[static_cast<unsigned>(language)];
}

inline std::optional<Language> language_from_code(std::string_view code) {
  if (code.size() > 2) code = code.substr(0, 2);  // "en-GB" -> "en"
  for (auto language : kLanguages) {
    if (to_string(language) == code) return language;
  }
  return std::nullopt;
}

enum class Script : std::uint8_t { latin, greek, cyrillic, arabic, other };

/// The script of a folded token, from its first character (tokens are runs of
/// one script in practice; mixed ones are judged by their start).
inline Script script_of(std::string_view token) {
  if (token.empty()) return Script::other;
  const auto lead = static_cast<unsigned char>(token[0]);
  if (lead < 0x80) return Script::latin;
  if (lead >= 0xC3 && lead <= 0xCA) return Script::latin;     // U+00C0..U+02BF
  if (lead == 0xCE || lead == 0xCF) return Script::greek;     // U+0380..U+03FF
  if (lead >= 0xD0 && lead <= 0xD3) return Script::cyrillic;  // U+0400..U+04FF
  if (lead >= 0xD8 && lead <= 0xDB) return Script::arabic;    // U+0600..U+06FF
  return Script::other;
}

/// Whether every letter of `token` is a two-byte letter of `script` (Greek and
/// Arabic letters are; a digit, Latin letter or emoji makes it false).
inline bool all_in_script(std::string_view token, Script script) {
  if (token.size() % 2 != 0) return false;
  for (std::size_t i = 0; i < token.size(); i += 2) {
    if (script_of(token.substr(i)) != script) return false;
  }
  return true;
}

}  // namespace parley::toxicity
