#include "prepared_text.hpp"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

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

/// Encodes the code point in one append: a push_back per byte costs a call each.
void append_utf8(std::string& out, char32_t code) {
  char bytes[4];
  std::size_t length = 0;
  if (code < 0x80) {
    bytes[length++] = static_cast<char>(code);
  } else if (code < 0x800) {
    bytes[length++] = static_cast<char>(0xC0 | (code >> 6));
    bytes[length++] = static_cast<char>(0x80 | (code & 0x3F));
  } else if (code < 0x10000) {
    bytes[length++] = static_cast<char>(0xE0 | (code >> 12));
    bytes[length++] = static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    bytes[length++] = static_cast<char>(0x80 | (code & 0x3F));
  } else {
    bytes[length++] = static_cast<char>(0xF0 | (code >> 18));
    bytes[length++] = static_cast<char>(0x80 | ((code >> 12) & 0x3F));
    bytes[length++] = static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    bytes[length++] = static_cast<char>(0x80 | (code & 0x3F));
  }
  out.append(bytes, length);
}

/// Characters that must not split a word: zero-width space and joiners, word
/// joiner, soft hyphen, BOM, bidi marks and embeddings, variation selectors.
bool ignorable(char32_t c) {
  return (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2060 && c <= 0x2069) || c == 0x00AD ||
         c == 0xFEFF || (c >= 0xFE00 && c <= 0xFE0F) || c == 0x061C;
}

// ASCII's letters are A-Z and a-z in Unicode too: they need no ICU look-up.
bool is_letter(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  return u_isalpha(static_cast<UChar32>(c));
}

char32_t to_lower(char32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
  return static_cast<char32_t>(u_tolower(static_cast<UChar32>(c)));
}

bool is_non_spacing_mark(char32_t c) { return c >= 0x80 && u_charType(static_cast<UChar32>(c)) == U_NON_SPACING_MARK; }

bool apostrophe(char32_t c) { return c == '\'' || c == 0x2019 || c == '`'; }

Script script_of(char32_t c) {
  if (c < 0x80) return Script::latin;  // callers pass letters only
  UErrorCode status = U_ZERO_ERROR;
  switch (uscript_getScript(static_cast<UChar32>(c), &status)) {
    case USCRIPT_LATIN: return Script::latin;
    case USCRIPT_GREEK: return Script::greek;
    case USCRIPT_CYRILLIC: return Script::cyrillic;
    case USCRIPT_ARABIC: return Script::arabic;
    default: return Script::other;
  }
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

bool ascii_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

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

  bool in_word = false;
  bool pending_apostrophe = false;
  const auto end_word = [&] {
    if (in_word) {
      out.words.push_back(' ');
      ++out.word_count;
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
    std::size_t chunk_end = at;
    while (chunk_end < raw.size() && !ascii_space(raw[chunk_end])) ++chunk_end;
    if (skipped_chunk(raw.substr(at, chunk_end - at))) {
      end_word();
      at = chunk_end;
      continue;
    }
    while (at < chunk_end) {
      const char32_t c = decode_utf8(raw, at);
      if (c != kInvalid && ignorable(c)) continue;
      const bool letter = c != kInvalid && is_letter(c);
      const bool mark = c != kInvalid && !letter && in_word && is_non_spacing_mark(c);
      if (letter) {
        if (pending_apostrophe) out.words.push_back('\'');
        pending_apostrophe = false;
        const char32_t lower = to_lower(c);
        append_utf8(out.words, lower);
        in_word = true;
        const Script script = script_of(lower);
        ++out.letters[static_cast<std::size_t>(script)];
        ++out.total_letters;
        if (polish_letter(lower)) ++out.polish_letters;
        if (lower == U'ä' || lower == U'ö') ++out.finnish_letters;
      } else if (mark) {
        append_utf8(out.words, c);
      } else if (in_word && !pending_apostrophe && apostrophe(c)) {
        pending_apostrophe = true;
      } else {
        end_word();
      }
    }
    end_word();
  }
  end_word();
  if (!out.words.empty()) out.words.pop_back();  // the trailing space
}

}  // namespace parley::language
