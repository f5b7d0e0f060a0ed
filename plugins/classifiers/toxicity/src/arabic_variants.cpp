#include "arabic_variants.hpp"

#include <algorithm>
#include <string>

#include "language.hpp"

namespace parley::toxicity {
namespace {

// Folded Arabic letters are two UTF-8 bytes each.
constexpr std::size_t kArabicLetterBytes = 2;
constexpr std::size_t kMinLetters = 3;
// A run of at least this many identical long vowels is stretching, not spelling.
constexpr std::size_t kStretchRun = 3;

constexpr std::string_view kVocative = "\xD9\x8A\xD8\xA7";                          // يا
constexpr std::string_view kVocativeArticle = "\xD9\x8A\xD8\xA7\xD9\x84";           // يال (يا + ال, one alef)
constexpr std::string_view kArticle = "\xD8\xA7\xD9\x84";                           // ال
constexpr std::string_view kLamArticle = "\xD9\x84\xD9\x84";                        // لل (li + al)
constexpr std::string_view kConjunctions[] = {"\xD9\x88", "\xD9\x81"};              // و ف
constexpr std::string_view kPrepositions[] = {"\xD8\xA8", "\xD9\x84", "\xD9\x83"};  // ب ل ك
constexpr std::string_view kEndings[] = {"\xD9\x87", "\xD9\x8A\xD9\x86", "\xD9\x88\xD9\x86",
                                         "\xD8\xA7\xD8\xAA"};                     // ه ين ون ات
constexpr std::string_view kLongVowels[] = {"\xD8\xA7", "\xD9\x88", "\xD9\x8A"};  // ا و ي

bool long_enough(std::string_view form) { return form.size() >= kMinLetters * kArabicLetterBytes; }

bool is_long_vowel(std::string_view letter) {
  return std::find(std::begin(kLongVowels), std::end(kLongVowels), letter) != std::end(kLongVowels);
}

// The token with every run of a repeated letter cut to one letter, and with
// long-vowel runs of kStretchRun or more dropped; `drop_vowel_runs` picks the
// second. Empty when nothing changes.
std::string unstretched(std::string_view token, bool drop_vowel_runs) {
  std::string out;
  bool changed = false;
  for (std::size_t i = 0; i < token.size();) {
    const std::string_view letter = token.substr(i, kArabicLetterBytes);
    std::size_t run = 1;
    while (token.substr(i + run * kArabicLetterBytes, kArabicLetterBytes) == letter) ++run;
    const bool drop = drop_vowel_runs && run >= kStretchRun && is_long_vowel(letter);
    if (!drop) out.append(letter);
    changed |= run > 1;
    i += run * kArabicLetterBytes;
  }
  return changed ? out : std::string();
}

class FormCollector {
 public:
  FormCollector(std::uint32_t index, std::vector<TokenVariant>& variants) : index_(index), variants_(variants) {}

  // Adds `form` (and "يا" when a vocative came off) unless it is short or known.
  void add(std::string_view form, bool vocative) {
    if (!long_enough(form) || std::find(seen_.begin(), seen_.end(), form) != seen_.end()) return;
    seen_.emplace_back(form);
    variants_.push_back({index_, 1, std::string(form)});
    if (vocative && !said_vocative_) {
      variants_.push_back({index_, 1, std::string(kVocative)});
      said_vocative_ = true;
    }
  }

  void mark_seen(std::string_view form) { seen_.emplace_back(form); }

  // The feminine or plural ending off every form so far ("وسخه", "حقيرين",
  // "منافقون", "ساقطات"), so a bare entry covers them. Not the pronoun
  // endings: "كلبك" is "your dog".
  void strip_endings() {
    const std::vector<std::string> forms = seen_;
    for (const auto& form : forms) {
      for (const auto ending : kEndings) {
        const std::string_view view = form;
        if (view.ends_with(ending)) add(view.substr(0, view.size() - ending.size()), false);
      }
    }
  }

  // Optional conjunction, then "يا", a preposition or nothing, then "ال",
  // "لل" or nothing; "يال" is "يا" + "ال" sharing one alef.
  void strip_particles(std::string_view word) {
    strip_after_conjunction(word);
    for (const auto conjunction : kConjunctions) {
      if (word.starts_with(conjunction)) strip_after_conjunction(word.substr(conjunction.size()));
    }
  }

 private:
  void strip_article(std::string_view rest, bool vocative) {
    add(rest, vocative);
    if (rest.starts_with(kArticle)) add(rest.substr(kArticle.size()), vocative);
  }

  void strip_after_conjunction(std::string_view word) {
    strip_article(word, false);
    if (word.starts_with(kVocative)) strip_article(word.substr(kVocative.size()), true);
    if (word.starts_with(kVocativeArticle)) add(word.substr(kVocativeArticle.size()), true);
    if (word.starts_with(kLamArticle)) add(word.substr(kLamArticle.size()), false);
    for (const auto preposition : kPrepositions) {
      if (word.starts_with(preposition)) strip_article(word.substr(preposition.size()), false);
    }
  }

  std::uint32_t index_;
  std::vector<TokenVariant>& variants_;
  std::vector<std::string> seen_;
  bool said_vocative_ = false;
};

}  // namespace

void add_arabic_variants(std::string_view token, std::uint32_t index, std::vector<TokenVariant>& variants) {
  if (token.size() < kMinLetters * kArabicLetterBytes || !all_in_script(token, Script::arabic)) return;
  FormCollector forms(index, variants);
  forms.mark_seen(token);  // in the stream already
  forms.strip_particles(token);
  for (const bool drop_vowel_runs : {false, true}) {
    const std::string form = unstretched(token, drop_vowel_runs);
    if (form.empty()) continue;
    forms.add(form, false);
    forms.strip_particles(form);
  }
  forms.strip_endings();
}

}  // namespace parley::toxicity
