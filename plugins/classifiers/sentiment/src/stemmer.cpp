#include "stemmer.hpp"

#include <array>
#include <cstddef>
#include <initializer_list>

namespace parley::sentiment {
std::size_t code_points(std::string_view text) {
  std::size_t count = 0;
  for (char ch : text) count += (static_cast<unsigned char>(ch) & 0xC0) != 0x80;
  return count;
}

namespace {

/// Removes the longest suffix of `suffixes` that leaves at least `min_stem`
/// code points.
std::string_view strip_suffix(std::string_view word, std::initializer_list<std::string_view> suffixes,
                              std::size_t min_stem) {
  std::string_view best;
  for (auto suffix : suffixes) {
    if (suffix.size() > best.size() && word.size() > suffix.size() && word.ends_with(suffix) &&
        code_points(word.substr(0, word.size() - suffix.size())) >= min_stem) {
      best = suffix;
    }
  }
  return word.substr(0, word.size() - best.size());
}

/// Removes trailing vowels (each a code point from `vowels`) down to `min_stem`.
std::string_view strip_vowels(std::string_view word, std::initializer_list<std::string_view> vowels,
                              std::size_t min_stem) {
  bool stripped = true;
  while (stripped && code_points(word) > min_stem) {
    stripped = false;
    for (auto vowel : vowels) {
      if (word.ends_with(vowel)) {
        word.remove_suffix(vowel.size());
        stripped = true;
        break;
      }
    }
  }
  return word;
}

std::string_view stem_russian(std::string_view word) {
  word = strip_suffix(word, {"ся", "сь"}, 3);  // reflexive verbs
  word = strip_suffix(word,
                      {"иями", "ями", "ами", "ием", "иях",  "ого",  "его",   "ому", "ему", "ыми", "ими", "ешь", "ишь",
                       "ете",  "ите", "ует", "уют", "ость", "ости", "остью", "ых",  "их",  "ые",  "ие",  "ыи",  "ии",
                       "ои",   "еи",  "ая",  "яя",  "ое",   "ее",   "ую",    "юю",  "ым",  "им",  "ом",  "ем",  "ам",
                       "ям",   "ах",  "ях",  "ов",  "ев",   "ть",   "ла",    "ло",  "ли",  "ет",  "ит",  "ут",  "ют",
                       "ат",   "ят",  "ал",  "ил",  "а",    "я",    "о",     "е",   "и",   "ы",   "у",   "ю",   "ь"},
                      3);
  return strip_vowels(word, {"а", "е", "и", "о", "у", "ы", "ь", "ю", "я"}, 3);
}

std::string_view stem_polish(std::string_view word) {
  word = strip_suffix(word,
                      {"owania", "owanie", "aniem", "eniem", "anie", "enie", "ania", "enia", "ami", "ach", "ego", "emu",
                       "ymi",    "imi",    "ych",   "ich",   "owi",  "ow",   "om",   "em",   "ej",  "ym",  "im",  "ał",
                       "ała",    "ało",    "ali",   "ły",    "ła",   "ło",   "li",   "cie",  "esz", "isz", "ysz", "emy",
                       "imy",    "amy",    "ecie",  "icie",  "acie", "aja",  "eja",  "ia",   "ie",  "iu",  "io"},
                      3);
  return strip_vowels(word, {"a", "e", "i", "o", "u", "y"}, 3);
}

std::string_view stem_finnish(std::string_view word) {
  word = strip_suffix(word, {"kin", "kaan", "kaan", "han", "ko", "pa"}, 4);  // clitics
  word = strip_suffix(word, {"nsa", "mme", "nne", "ni", "si"}, 4);           // possessives
  word = strip_suffix(word, {"issa", "ista", "illa", "ilta", "ille",  "iksi", "ssa", "sta", "lla", "lta",
                             "lle",  "ksi",  "tta",  "iden", "itten", "ihin", "ina", "ita", "den", "ten",
                             "na",   "ta",   "an",   "en",   "in",    "on",   "un",  "yn",  "n",   "t"},
                      3);
  return strip_vowels(word, {"a", "e", "i", "o", "u", "y"}, 3);
}

std::string_view stem_greek(std::string_view word) {
  word = strip_suffix(
      word, {"ουμε", "ουσα", "ουσε", "ησαν", "ηκαν", "οντασ", "ομαστε", "ειτε", "εστε", "ατε", "ετε", "ουν", "εισ",
             "ικοσ", "ικη",  "ικο",  "ικα",  "ιου",  "ιων",   "ιεσ",    "ει",   "οσ",   "ου",  "ον",  "οι",  "ων",
             "ουσ",  "ασ",   "εσ",   "ησ",   "ια",   "ιο",    "ω",      "ο",    "α",    "η",   "ε",   "ι",   "υ"},
      3);
  return strip_vowels(word, {"α", "ε", "η", "ι", "ο", "υ", "ω"}, 3);
}

std::string_view stem_arabic(std::string_view word) {
  // Light10 (Larkey et al.): article and conjunction prefixes, then suffixes.
  for (std::string_view prefix : {"وال", "بال", "كال", "فال", "لل", "ال"}) {
    if (word.starts_with(prefix) && code_points(word) - code_points(prefix) >= 3) {
      word.remove_prefix(prefix.size());
      break;
    }
  }
  if (word.starts_with("و") && code_points(word) > 3) word.remove_prefix(std::string_view("و").size());
  return strip_suffix(word, {"ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي"}, 3);
}

bool is_vowel(char letter) { return std::string_view("aeiou").find(letter) != std::string_view::npos; }

/// "hop" in "hoping": consonant, vowel, consonant at the end, where English
/// drops an "e" before -ing ("hope"); "crash" in "crashing" has none.
bool ends_consonant_vowel_consonant(std::string_view base) {
  const std::size_t n = base.size();
  return n >= 3 && !is_vowel(base[n - 1]) && is_vowel(base[n - 2]) && !is_vowel(base[n - 3]);
}

}  // namespace

EnglishBaseForms english_base_forms(std::string_view token) {
  constexpr std::size_t kMinBase = 3;
  EnglishBaseForms result;
  for (char letter : token) {
    if (letter < 'a' || letter > 'z') return result;
  }
  // The letters kept from the token are at least kMinBase: "thing" is not "the".
  const auto add = [&](std::string_view base, std::string_view ending = {}) {
    if (base.size() < kMinBase || result.count == result.forms.size()) return;
    std::string& form = result.forms[result.count++];
    form.assign(base);
    form.append(ending);
  };
  const auto without = [&](std::size_t letters) { return token.substr(0, token.size() - letters); };
  if (token.ends_with("ies")) add(without(3), "y");  // worries -> worry
  if (token.ends_with("ied")) add(without(3), "y");  // worried -> worry
  if (token.ends_with("ing")) {
    const std::string_view base = without(3);
    if (ends_consonant_vowel_consonant(base)) {
      add(base, "e");  // hoping -> hope
      add(base);
    } else {
      add(base);  // crashing -> crash
      add(base, "e");
    }
  } else if (token.ends_with("ed")) {
    add(without(1));  // hated -> hate
    add(without(2));  // crashed -> crash
  } else if (token.ends_with("es")) {
    // Only after a hissing sound: a bare plural -s is left alone ("odds" is
    // not "odd", "fans" not "fan"; it made results worse).
    const std::string_view base = without(2);
    if (base.ends_with('s') || base.ends_with('x') || base.ends_with('z') || base.ends_with("ch") ||
        base.ends_with("sh")) {
      add(base);  // crashes -> crash
    }
  }
  return result;
}

std::string_view stem(Language language, std::string_view token) {
  switch (language) {
    case Language::en: return token;
    case Language::ru: return stem_russian(token);
    case Language::pl: return stem_polish(token);
    case Language::fi: return stem_finnish(token);
    case Language::el: return stem_greek(token);
    case Language::ar: return stem_arabic(token);
  }
  return token;
}

}  // namespace parley::sentiment
