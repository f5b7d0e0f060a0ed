#include "prepared_text.hpp"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include "append_utf8.hpp"

namespace parley::language {
namespace {

constexpr char32_t kInvalid = 0xFFFFFFFF;

/// Decodes one code point at `at` and advances it; kInvalid (one byte
/// consumed) for malformed, overlong, surrogate or truncated sequences.
char32_t decode_utf8(std::string_view text, std::size_t& at) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(at);
  if (lead < 0x80) {
    ++at;
    return lead;
  }
  std::size_t length = 0;
  char32_t code = 0;
  char32_t minimum = 0;
  if ((lead & 0xE0) == 0xC0) {
    length = 2, code = lead & 0x1F, minimum = 0x80;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3, code = lead & 0x0F, minimum = 0x800;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4, code = lead & 0x07, minimum = 0x10000;
  } else {
    ++at;
    return kInvalid;
  }
  if (at + length > text.size()) {
    ++at;
    return kInvalid;
  }
  for (std::size_t i = 1; i < length; ++i) {
    if ((byte(at + i) & 0xC0) != 0x80) {
      ++at;
      return kInvalid;
    }
    code = (code << 6) | (byte(at + i) & 0x3F);
  }
  if (code < minimum || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) {
    ++at;
    return kInvalid;
  }
  at += length;
  return code;
}

/// Characters that must not split a word: zero-width space and joiners, word
/// joiner, soft hyphen, BOM, bidi marks and embeddings, variation selectors.
bool ignorable(char32_t c) {
  return (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2060 && c <= 0x2069) || c == 0x00AD ||
         c == 0xFEFF || (c >= 0xFE00 && c <= 0xFE0F) || c == 0x061C;
}

bool apostrophe(char32_t c) { return c == '\'' || c == 0x2019 || c == '`'; }

/// What the word pass needs to know about a code point.
struct CodePointInfo {
  bool letter = false;
  bool non_spacing_mark = false;
  char32_t lower = 0;  ///< letters only
  Script script{};     ///< of `lower`, letters only
};

Script script_from_icu(char32_t c) {
  UErrorCode status = U_ZERO_ERROR;
  switch (uscript_getScript(static_cast<UChar32>(c), &status)) {
    case USCRIPT_LATIN: return Script::latin;
    case USCRIPT_GREEK: return Script::greek;
    case USCRIPT_CYRILLIC: return Script::cyrillic;
    case USCRIPT_ARABIC: return Script::arabic;
    default: return Script::other;
  }
}

CodePointInfo info_from_icu(char32_t c) {
  CodePointInfo info;
  const auto code = static_cast<UChar32>(c);
  info.letter = u_isalpha(code);
  if (info.letter) {
    info.lower = static_cast<char32_t>(u_tolower(code));
    info.script = info.lower < 0x80 ? Script::latin : script_from_icu(info.lower);
  } else {
    info.non_spacing_mark = c >= 0x80 && u_charType(code) == U_NON_SPACING_MARK;
  }
  return info;
}

/// ICU's answers for U+0000..U+07FF (Latin, Greek, Cyrillic, Arabic) asked
/// once: most letters of the six languages cost a table read, not three calls.
const CodePointInfo& info_of(char32_t c) {
  static constexpr char32_t kTableSize = 0x800;
  static const auto table = [] {
    std::array<CodePointInfo, kTableSize> entries{};
    for (char32_t each = 0; each < kTableSize; ++each) entries[each] = info_from_icu(each);
    return entries;
  }();
  if (c < kTableSize) return table[c];
  thread_local CodePointInfo beyond;
  beyond = info_from_icu(c);
  return beyond;
}

bool polish_letter(char32_t c) {
  switch (c) {
    case U'ą':
    case U'ć':
    case U'ę':
    case U'ł':
    case U'ń':
    case U'ó':
    case U'ś':
    case U'ź':
    case U'ż': return true;
    default: return false;
  }
}

/// A whitespace-separated chunk that is not language: a link, an @mention,
/// a #hashtag or an e-mail address.
bool skipped_chunk(std::string_view chunk) {
  if (chunk.empty()) return false;
  if (chunk.front() == '@' || chunk.front() == '#') return true;
  if (chunk.find("://") != std::string_view::npos) return true;
  if (chunk.starts_with("www.") || chunk.starts_with("WWW.")) return true;
  return chunk.find('@') != std::string_view::npos;
}

bool ascii_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }  // \t \n \v \f \r

}  // namespace

void PreparedText::clear() {
  words.clear();
  word_count = 0;
  letters.fill(0);
  total_letters = 0;
  polish_letters = 0;
  finnish_letters = 0;
}

void prepare_text(std::string_view raw, PreparedText& out) {
  out.clear();
  if (raw.size() > kMaxInputBytes) raw = raw.substr(0, kMaxInputBytes);  // a cut code point is just invalid

  // Written in place: no letter's lower case is longer than twice its UTF-8,
  // and each space or apostrophe stands for an input byte that wrote nothing
  // (the last space aside: the + 1).
  out.words.resize(raw.size() * 2 + 1);
  char* const words = out.words.data();
  std::size_t size = 0;
  // Counted in locals: stores through `words` could alias `out`'s fields.
  std::array<std::uint32_t, kScriptCount> letters{};
  std::uint32_t polish_letters = 0;
  std::uint32_t finnish_letters = 0;
  std::size_t word_count = 0;
  bool in_word = false;
  bool pending_apostrophe = false;
  const auto end_word = [&] {
    if (in_word) {
      words[size++] = ' ';
      ++word_count;
    }
    in_word = false;
    pending_apostrophe = false;
  };

  std::size_t at = 0;
  while (at < raw.size()) {
    if (ascii_space(raw[at])) {
      end_word();
      ++at;
      continue;
    }
    // Only a chunk with '@' or ':' in it, or starting with '#' or w, can be
    // skipped: the full test runs on those alone.
    bool maybe_skipped = raw[at] == '#' || raw[at] == 'w' || raw[at] == 'W';
    std::size_t chunk_end = at;
    for (; chunk_end < raw.size() && !ascii_space(raw[chunk_end]); ++chunk_end) {
      maybe_skipped |= raw[chunk_end] == '@' || raw[chunk_end] == ':';
    }
    if (maybe_skipped && skipped_chunk(raw.substr(at, chunk_end - at))) {
      end_word();
      at = chunk_end;
      continue;
    }
    while (at < chunk_end) {
      const char32_t c = decode_utf8(raw, at);
      if (c >= 0xAD && c != kInvalid && ignorable(c)) continue;  // all ignorables are >= U+00AD
      const CodePointInfo info = c != kInvalid ? info_of(c) : CodePointInfo{};
      const bool mark = in_word && info.non_spacing_mark;
      if (info.letter) {
        if (pending_apostrophe) words[size++] = '\'';
        pending_apostrophe = false;
        const char32_t lower = info.lower;
        size += text::append_utf8(words + size, lower);
        in_word = true;
        ++letters[static_cast<std::size_t>(info.script)];
        if (lower >= U'ä') {  // the first of ä ö ą ć ę ł ń ó ś ź ż
          if (polish_letter(lower)) ++polish_letters;
          if (lower == U'ä' || lower == U'ö') ++finnish_letters;
        }
      } else if (mark) {
        size += text::append_utf8(words + size, c);
      } else if (in_word && !pending_apostrophe && apostrophe(c)) {
        pending_apostrophe = true;
      } else {
        end_word();
      }
    }
    end_word();
  }
  end_word();
  out.word_count = word_count;
  out.letters = letters;
  for (const auto count : letters) out.total_letters += count;
  out.polish_letters = polish_letters;
  out.finnish_letters = finnish_letters;
  out.words.resize(size);
  if (!out.words.empty()) out.words.pop_back();  // the trailing space
}

}  // namespace parley::language
