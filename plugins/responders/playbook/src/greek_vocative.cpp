#include "greek_vocative.hpp"

#include <cstddef>
#include <optional>
#include <vector>

namespace parley::playbook {
namespace {

/// The Greek letters of `name` as code points; nothing when any character is
/// not a two-byte Greek letter (U+0370..U+03FF).
std::optional<std::vector<char32_t>> greek_letters(std::string_view name) {
  if (name.size() % 2 != 0) return std::nullopt;
  std::vector<char32_t> letters;
  for (std::size_t i = 0; i < name.size(); i += 2) {
    const auto lead = static_cast<unsigned char>(name[i]);
    const auto next = static_cast<unsigned char>(name[i + 1]);
    if ((lead != 0xCD && lead != 0xCE && lead != 0xCF) || (next & 0xC0) != 0x80) return std::nullopt;
    letters.push_back(static_cast<char32_t>(((lead & 0x1F) << 6) | (next & 0x3F)));
  }
  return letters;
}

/// The unaccented lower-case vowel of a letter, or 0 for a consonant.
char32_t vowel_of(char32_t c) {
  switch (c) {
    case U'α':
    case U'ά':
    case U'Α':
    case U'Ά': return U'α';
    case U'ε':
    case U'έ':
    case U'Ε':
    case U'Έ': return U'ε';
    case U'η':
    case U'ή':
    case U'Η':
    case U'Ή': return U'η';
    case U'ι':
    case U'ί':
    case U'ϊ':
    case U'ΐ':
    case U'Ι':
    case U'Ί': return U'ι';
    case U'ο':
    case U'ό':
    case U'Ο':
    case U'Ό': return U'ο';
    case U'υ':
    case U'ύ':
    case U'ϋ':
    case U'ΰ':
    case U'Υ':
    case U'Ύ': return U'υ';
    case U'ω':
    case U'ώ':
    case U'Ω':
    case U'Ώ': return U'ω';
    default: return 0;
  }
}

bool has_tonos(char32_t c) {
  switch (c) {
    case U'ά':
    case U'έ':
    case U'ή':
    case U'ί':
    case U'ΐ':
    case U'ό':
    case U'ύ':
    case U'ΰ':
    case U'ώ':
    case U'Ά':
    case U'Έ':
    case U'Ή':
    case U'Ί':
    case U'Ό':
    case U'Ύ':
    case U'Ώ': return true;
    default: return false;
  }
}

/// Whether vowels `first` then `second` are one syllable: the digraphs αι ει
/// οι υι ου αυ ευ ηυ, and ι before a vowel as names say it ("Στέλιος",
/// "Γιώργος"). A tonos or diaeresis on the first letter splits them.
bool one_syllable(char32_t first, char32_t second) {
  if (has_tonos(first) || first == U'ϊ' || first == U'ϋ' || second == U'ϊ' || second == U'ϋ') return false;
  const char32_t a = vowel_of(first);
  const char32_t b = vowel_of(second);
  if (b == U'ι') return a == U'α' || a == U'ε' || a == U'ο' || a == U'υ';
  if (b == U'υ') return a == U'ο' || a == U'α' || a == U'ε' || a == U'η';
  return a == U'ι';
}

/// Syllables from the end (1 = last) of the one carrying the tonos; 0 when none does.
std::size_t stressed_syllable_from_end(const std::vector<char32_t>& letters) {
  std::size_t syllables = 0;
  std::size_t stressed_at = 0;  // syllable number from the start
  for (std::size_t i = 0; i < letters.size(); ++i) {
    if (vowel_of(letters[i]) == 0) continue;
    if (i == 0 || vowel_of(letters[i - 1]) == 0 || !one_syllable(letters[i - 1], letters[i])) ++syllables;
    if (has_tonos(letters[i])) stressed_at = syllables;
  }
  return stressed_at == 0 ? 0 : syllables - stressed_at + 1;
}

}  // namespace

std::string greek_vocative(std::string_view name) {
  const auto letters = greek_letters(name);
  if (!letters || letters->size() < 3 || letters->back() != U'ς') return std::string(name);
  const char32_t before = vowel_of((*letters)[letters->size() - 2]);
  const auto stem = name.substr(0, name.size() - 2);               // without the final ς (two bytes)
  if (before == U'α' || before == U'η') return std::string(stem);  // Κώστας -> Κώστα, Γιάννης -> Γιάννη
  if (before != U'ο') return std::string(name);
  // -ος: "ο", unless the stress is three syllables from the end ("Άγγελε").
  const auto without_o = stem.substr(0, stem.size() - 2);
  return std::string(without_o) + (stressed_syllable_from_end(*letters) == 3 ? "ε" : "ο");
}

}  // namespace parley::playbook
