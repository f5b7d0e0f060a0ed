#include "obfuscation.hpp"

#include <algorithm>

#include "byte_search.hpp"
#include "handle_key.hpp"
#include "handle_span.hpp"

namespace parley::toxicity {
namespace {

bool is_ascii_letter(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_ascii_alnum(unsigned char c) { return is_ascii_letter(c) || (c >= '0' && c <= '9'); }
// Non-ASCII bytes are treated as parts of letters: the only question here is
// whether a symbol sits inside a word.
bool is_word_byte(unsigned char c) { return is_ascii_alnum(c) || c >= 0x80; }

unsigned char byte_at(std::string_view text, std::size_t i) {
  return i < text.size() ? static_cast<unsigned char>(text[i]) : 0;
}

// Length in bytes of the UTF-8 sequence starting with `lead`.
std::size_t sequence_length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead & 0xE0) == 0xC0) return 2;
  if ((lead & 0xF0) == 0xE0) return 3;
  if ((lead & 0xF8) == 0xF0) return 4;
  return 1;
}

char leet_letter(char digit, char for_one) {
  switch (digit) {
    case '0': return 'o';
    case '1': return for_one;
    case '3': return 'e';
    case '4': return 'a';
    case '5': return 's';
    case '7': return 't';
    default: return digit;
  }
}

// Runs of 3+ identical characters collapsed to `keep` copies; empty when the
// token has no such run.
std::string collapse_stretches(std::string_view token, std::size_t keep) {
  std::string out;
  bool changed = false;
  std::size_t i = 0;
  while (i < token.size()) {
    const std::size_t length = std::min(sequence_length(static_cast<unsigned char>(token[i])), token.size() - i);
    const std::string_view unit = token.substr(i, length);
    std::size_t repeats = 1;
    while (token.substr(i + repeats * length, length) == unit) ++repeats;
    const std::size_t copies = repeats >= 3 ? keep : repeats;
    changed |= repeats >= 3;
    for (std::size_t k = 0; k < copies; ++k) out.append(unit);
    i += repeats * length;
  }
  return changed ? out : std::string();
}

bool has_stretch(std::string_view token) {
  for (std::size_t i = 2; i < token.size(); ++i) {
    if (token[i] == token[i - 1] && token[i] == token[i - 2]) return true;
  }
  // Two-byte letters (Greek, Cyrillic, Arabic) repeat every other byte.
  for (std::size_t i = 5; i < token.size(); ++i) {
    if (token[i] == token[i - 2] && token[i] == token[i - 4] && token[i - 1] == token[i - 3] &&
        token[i - 1] == token[i - 5]) {
      return true;
    }
  }
  return false;
}

void add_stretch_variants(std::string_view token, std::uint32_t index, std::vector<TokenVariant>& variants) {
  if (!has_stretch(token)) return;
  for (std::size_t keep : {1, 2}) {
    std::string collapsed = collapse_stretches(token, keep);
    if (!collapsed.empty()) variants.push_back({index, 1, std::move(collapsed)});
  }
}

// A token split into literal bytes and mask runs, for glob matching.
bool starts_with_mask(std::string_view text) { return text.substr(0, kMaskLetter.size()) == kMaskLetter; }

// How much of a word a masked token spells out.
struct Spelling {
  std::size_t shown = 0;   ///< word bytes written as such
  std::size_t hidden = 0;  ///< word bytes under a mask
  bool shows_first = false;

  // "f***" and "f*ck" show the first letter; "*ss" shows most of the word.
  // "*sigh*" (emphasis) shows one letter of "kutas" at best: no match.
  bool enough() const { return shown > 0 && (shows_first || shown >= hidden); }
};

// Does `token` (mask runs stand for one or more bytes) match `word`? With
// `prefix`, `word` only has to match a leading part of the token.
bool glob_match(std::string_view token, std::string_view word, bool prefix, Spelling spelling) {
  if (word.empty()) return spelling.enough() && (prefix || token.empty());
  if (token.empty()) return false;
  if (starts_with_mask(token)) {
    std::string_view rest = token;
    while (starts_with_mask(rest)) rest.remove_prefix(kMaskLetter.size());
    for (std::size_t taken = 1; taken <= word.size(); ++taken) {
      Spelling masked = spelling;
      masked.hidden += taken;
      if (glob_match(rest, word.substr(taken), prefix, masked)) return true;
    }
    return false;
  }
  if (token.front() != word.front()) return false;
  Spelling shown = spelling;
  shown.shows_first |= shown.shown == 0 && shown.hidden == 0;
  ++shown.shown;
  return glob_match(token.substr(1), word.substr(1), prefix, shown);
}

// Like glob_match, but each mask letter stands for exactly one letter of
// `word`, the usual way of masking ("f***" has four letters, "f*g" three).
bool letter_for_letter_match(std::string_view token, std::string_view word, bool prefix) {
  Spelling spelling;
  while (!word.empty()) {
    if (token.empty()) return false;
    const std::size_t letter = std::min(sequence_length(static_cast<unsigned char>(word.front())), word.size());
    if (starts_with_mask(token)) {
      token.remove_prefix(kMaskLetter.size());
      spelling.hidden += letter;
    } else {
      if (token.substr(0, letter) != word.substr(0, letter)) return false;
      token.remove_prefix(letter);
      spelling.shows_first |= spelling.shown == 0 && spelling.hidden == 0;
      spelling.shown += letter;
    }
    word.remove_prefix(letter);
  }
  return spelling.enough() && (prefix || token.empty());
}

// Length of the "#tag" at `start` ('#' included), and whether it joins
// several words with '_'.
struct Hashtag {
  std::size_t length = 0;
  bool joins_words = false;
};

Hashtag hashtag_at(std::string_view text, std::size_t start) {
  Hashtag tag;
  std::size_t end = start + 1;
  while (end < text.size() && (is_word_byte(byte_at(text, end)) || text[end] == '_')) {
    tag.joins_words |= text[end] == '_' && is_word_byte(byte_at(text, end + 1)) && end > start + 1;
    ++end;
  }
  tag.length = end - start;
  return tag;
}

}  // namespace

std::string_view prepare_raw_text(std::string_view raw, std::string& buffer, RawTextFacts& facts,
                                  std::span<const std::string> brand_handles) {
  if (text::find_first_byte(raw, 0, {'@', '$', '*', '#'}) == std::string_view::npos) return raw;
  buffer.clear();
  buffer.reserve(raw.size() + raw.size() / 2);
  bool previous_is_word = false;  // the last byte written belongs to a word
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const auto c = static_cast<unsigned char>(raw[i]);
    const auto next = byte_at(raw, i + 1);
    const auto mention_end = c == '@' && !previous_is_word ? text::handle_end(raw, i + 1) : i + 1;
    if (mention_end > i + 1) {
      // "@handle" (any script: "@Игорь_К"): a reply to someone, not words to judge.
      const auto start = i + 1;
      i = mention_end - 1;
      const auto key = brand_handles.empty() ? std::string() : text::handle_key(raw.substr(start, i + 1 - start));
      const bool brand = std::any_of(brand_handles.begin(), brand_handles.end(), [&](const std::string& brand_key) {
        return text::is_brand_handle(key, brand_key);
      });
      ++(brand ? facts.brand_mentions : facts.mentions);
      buffer += ' ';
      previous_is_word = false;
      continue;
    }
    if (c == '#' && !previous_is_word) {
      // "#word_word" is a campaign or topic tag the author joins ("#ΝΔ_ξεφτίλες",
      // "#έρχεται_ΠΟΥΤΣΑ"), not words aimed at anyone: left out, like mentions.
      // A one-word tag ("#idiot") is the author's own word and stays.
      const Hashtag tag = hashtag_at(raw, i);
      if (tag.joins_words) {
        ++facts.topic_tags;
        i += tag.length - 1;
        buffer += ' ';
        previous_is_word = false;
        continue;
      }
    }
    if (c == '@' && previous_is_word) {
      buffer += 'a';  // "f@ck", "b@stard"
      continue;
    }
    if (c == '$' && (previous_is_word || is_ascii_letter(next))) {
      buffer += 's';  // "a$$", "$hit" (but not "$5")
      previous_is_word = true;
      continue;
    }
    if (c == '*') {
      std::size_t run_end = i;
      while (byte_at(raw, run_end) == '*') ++run_end;
      if (previous_is_word || is_word_byte(byte_at(raw, run_end))) {
        for (; i < run_end; ++i) buffer.append(kMaskLetter);  // "f**k", "*ss"
        --i;
        previous_is_word = true;
        continue;
      }
    }
    buffer += static_cast<char>(c);
    previous_is_word = is_word_byte(c);
  }
  return buffer;
}

void add_token_variants(std::string_view token, std::uint32_t index, std::vector<TokenVariant>& variants) {
  bool has_letter = false;
  bool has_leet_digit = false;
  bool all_ascii_alnum = true;
  bool has_one = false;
  for (char ch : token) {
    const auto c = static_cast<unsigned char>(ch);
    has_letter |= is_ascii_letter(c);
    has_leet_digit |= ch == '0' || ch == '1' || ch == '3' || ch == '4' || ch == '5' || ch == '7';
    has_one |= ch == '1';
    all_ascii_alnum &= is_ascii_alnum(c);
  }
  if (has_letter && has_leet_digit && all_ascii_alnum) {
    for (char for_one : {'i', 'l'}) {
      if (for_one == 'l' && !has_one) break;
      std::string letters(token);
      for (char& ch : letters) ch = leet_letter(ch, for_one);
      add_stretch_variants(letters, index, variants);
      variants.push_back({index, 1, std::move(letters)});
    }
  }
  add_stretch_variants(token, index, variants);
}

std::string_view resolve_masked_token(std::string_view token, std::span<const MaskCandidate> candidates,
                                      LanguageMask allowed) {
  std::size_t literal_bytes = 0;
  std::size_t masks = 0;
  for (std::size_t i = 0; i < token.size();) {
    if (starts_with_mask(token.substr(i))) {
      ++masks;
      i += kMaskLetter.size();
    } else {
      ++literal_bytes;
      ++i;
    }
  }
  // "*" alone or "**" hides too much to guess.
  if (masks == 0 || literal_bytes == 0 || literal_bytes + masks < 3) return {};
  // A word with as many letters as the mask shows and hides first ("f***" is
  // "fuck", not "faggot"); then any word the mask runs can stand for.
  const auto usable = [allowed](const MaskCandidate& candidate) {
    return (candidate.languages & allowed) != 0 && candidate.word.size() >= 3;
  };
  for (const auto& candidate : candidates) {  // mildest category first, then strongest
    if (usable(candidate) && letter_for_letter_match(token, candidate.word, candidate.prefix)) return candidate.word;
  }
  for (const auto& candidate : candidates) {
    if (usable(candidate) && glob_match(token, candidate.word, candidate.prefix, {})) return candidate.word;
  }
  return {};
}

void add_spaced_letter_variants(const std::vector<std::string_view>& tokens, std::vector<TokenVariant>& variants) {
  const auto is_single_letter = [](std::string_view token) {
    return !token.empty() && sequence_length(static_cast<unsigned char>(token[0])) == token.size() &&
           !(token.size() == 1 && token[0] >= '0' && token[0] <= '9');
  };
  std::size_t i = 0;
  while (i < tokens.size()) {
    std::size_t end = i;
    while (end < tokens.size() && is_single_letter(tokens[end])) ++end;
    if (end - i >= 3) {
      std::string joined;
      for (std::size_t k = i; k < end; ++k) joined.append(tokens[k]);
      variants.push_back({static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(end - i), std::move(joined)});
    }
    i = end == i ? i + 1 : end;
  }
}

}  // namespace parley::toxicity
