// The languages the sentiment classifier has lexicons for, and how a text's
// language is chosen when no earlier classifier named it.
#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace parley::sentiment {

enum class Language { en, el, ru, pl, fi, ar };

inline constexpr std::array<Language, 6> kLanguages = {Language::en, Language::el, Language::ru,
                                                       Language::pl, Language::fi, Language::ar};
inline constexpr std::size_t kLanguageCount = kLanguages.size();

inline constexpr std::string_view code(Language language) {
  constexpr std::array<std::string_view, kLanguageCount> codes = {"en", "el", "ru", "pl", "fi", "ar"};
  return codes[static_cast<std::size_t>(language)];
}

inline std::optional<Language> language_from_code(std::string_view text) {
  // "en-US", "pt_BR": the primary subtag decides.
  text = text.substr(0, text.find_first_of("-_"));
  for (auto language : kLanguages) {
    if (code(language) == text) return language;
  }
  return std::nullopt;
}

/// The script that dominates the letters of a (folded) text.
enum class Script { latin, greek, cyrillic, arabic, other };

/// Counts letters by UTF-8 lead byte (Greek U+0370-03FF, Cyrillic
/// U+0400-04FF, Arabic U+0600-06FF, ASCII letters); no decoding needed.
Script dominant_script(std::string_view text);

}  // namespace parley::sentiment
