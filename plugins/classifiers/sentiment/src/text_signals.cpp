#include "text_signals.hpp"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <cstdint>

#include "handle_span.hpp"
#include "quoted_spans.hpp"

namespace parley::sentiment {
namespace {

constexpr float kParenSmile = 1.5F;  // "спасибо)))": an unmatched ")" is a smile
constexpr float kParenFrown = -1.5F;
constexpr std::size_t kMaxQuotedBytes = 40;
constexpr std::size_t kMaxQuotedSpans = 4;
constexpr std::size_t kMaxEmoticonBytes = 12;
constexpr std::size_t kMaxShoutedSpans = 8;

/// Decodes one UTF-8 code point at `text[at]`; returns its length (1 for an
/// invalid byte, which decodes to U+FFFD).
std::size_t decode(std::string_view text, std::size_t at, UChar32& out) {
  const auto lead = static_cast<unsigned char>(text[at]);
  if (lead < 0x80) {
    out = lead;
    return 1;
  }
  std::size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0;
  if (length == 0 || at + length > text.size()) {
    out = 0xFFFD;
    return 1;
  }
  UChar32 code = lead & (0x7F >> length);
  for (std::size_t i = 1; i < length; ++i) {
    const auto next = static_cast<unsigned char>(text[at + i]);
    if ((next & 0xC0) != 0x80) {
      out = 0xFFFD;
      return 1;
    }
    code = (code << 6) | (next & 0x3F);
  }
  out = code;
  return length;
}

bool is_space(char ch) { return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r'; }

bool is_emoticon_eye(char ch) { return ch == ':' || ch == ';' || ch == '=' || ch == '-' || ch == '^' || ch == '8'; }

/// u_charType of U+0000-U+07FF (Latin accents, Greek, Cyrillic, Arabic: most
/// of the non-ASCII letters here), computed once.
const std::array<std::int8_t, 0x800>& two_byte_char_types() {
  static const auto table = [] {
    std::array<std::int8_t, 0x800> types{};
    for (UChar32 code = 0; code < 0x800; ++code) types[static_cast<std::size_t>(code)] = u_charType(code);
    return types;
  }();
  return table;
}

std::int8_t char_type(UChar32 c) {
  return c >= 0 && c < 0x800 ? two_byte_char_types()[static_cast<std::size_t>(c)] : u_charType(c);
}

bool is_letter_type(int type) { return type >= U_UPPERCASE_LETTER && type <= U_OTHER_LETTER; }

}  // namespace

void blank_handles_and_links(std::string_view text, std::string& out) {
  out.assign(text);
  // Most texts have neither: skip the byte-by-byte pass.
  if (text.find('@') == std::string_view::npos && text.find("http") == std::string_view::npos &&
      text.find("www.") == std::string_view::npos) {
    return;
  }
  std::size_t at = 0;
  while (at < out.size()) {
    const bool word_start = at == 0 || is_space(out[at - 1]) || out[at - 1] == '(' || out[at - 1] == '"';
    std::size_t end = at;
    if (out[at] == '@' && !text::handle_char_before(out, at)) {
      end = text::handle_end(out, at + 1, true);  // any script: "@Игорь_К"
      if (end == at + 1) end = at;                // a lone '@'
    } else if (word_start &&
               (std::string_view(out).substr(at, 7) == "http://" || std::string_view(out).substr(at, 8) == "https://" ||
                std::string_view(out).substr(at, 4) == "www.")) {
      end = at;
      while (end < out.size() && !is_space(out[end])) ++end;
    }
    if (end > at) {
      std::fill(out.begin() + static_cast<std::ptrdiff_t>(at), out.begin() + static_cast<std::ptrdiff_t>(end), ' ');
      at = end;
    } else {
      ++at;
    }
  }
}

void read_signals(std::string_view text, const EmoticonTable& emoticons, TextSignals& out) {
  out.clear();
  int paren_depth = 0;
  std::size_t word_letters = 0;
  bool word_all_upper = true;
  bool word_cased = false;
  std::size_t chunk_start = 0;

  std::size_t word_start = 0;
  const auto end_word = [&](std::size_t end) {
    if (word_cased) {
      ++out.words;
      if (word_all_upper && word_letters >= 2) {
        ++out.shouted_words;
        if (out.shouted.size() < kMaxShoutedSpans) out.shouted.push_back(text.substr(word_start, end - word_start));
      }
    }
    word_letters = 0;
    word_all_upper = true;
    word_cased = false;
  };
  const auto end_chunk = [&](std::size_t end) {
    const std::size_t length = end - chunk_start;
    if (length >= 2 && length <= kMaxEmoticonBytes) {
      out.emoticon_valence += emoticons.valence(text.substr(chunk_start, length));
    }
  };

  const auto& two_byte_types = two_byte_char_types();
  std::size_t at = 0;
  while (at < text.size()) {
    const char ch = text[at];
    // ASCII letters and digits, most of the bytes, are only word content.
    if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z')) {
      if (!word_cased && word_letters == 0) word_start = at;
      word_cased = true;
      ++word_letters;
      if (ch >= 'a') {
        word_all_upper = false;
        out.has_lowercase = true;
      }
      ++at;
      continue;
    }
    if (ch >= '0' && ch <= '9') {
      ++at;
      continue;
    }
    // A two-byte letter (Greek, Cyrillic, Arabic...) likewise.
    const auto lead = static_cast<unsigned char>(ch);
    if (lead >= 0xC2 && lead <= 0xDF && at + 1 < text.size() &&
        (static_cast<unsigned char>(text[at + 1]) & 0xC0) == 0x80) {
      const auto code =
          static_cast<std::size_t>((lead & 0x1F) << 6 | (static_cast<unsigned char>(text[at + 1]) & 0x3F));
      const int type = two_byte_types[code];
      if (is_letter_type(type)) {
        if (type == U_LOWERCASE_LETTER || type == U_UPPERCASE_LETTER) {
          if (!word_cased && word_letters == 0) word_start = at;
          word_cased = true;
          ++word_letters;
          if (type == U_LOWERCASE_LETTER) {
            word_all_upper = false;
            out.has_lowercase = true;
          }
        }
        at += 2;
        continue;
      }
    }
    UChar32 c = 0;
    const std::size_t length = decode(text, at, c);
    if (is_space(ch)) {
      end_word(at);
      end_chunk(at);
      chunk_start = at + 1;
    } else if (ch == '!') {
      ++out.exclamations;
    } else if (ch == '?') {
      ++out.questions;
    } else if (ch == '(') {
      const bool eyes = at > 0 && is_emoticon_eye(text[at - 1]);
      std::size_t run = at;
      while (run < text.size() && text[run] == '(') ++run;
      const bool closes_nothing = run == text.size() || is_space(text[run]) || text[run] == '.' || text[run] == '!';
      if (!eyes && closes_nothing) {
        out.emoticon_valence += kParenFrown;  // "жаль((" / "sad ("
        at = run;
        continue;
      }
      ++paren_depth;
    } else if (ch == ')') {
      const bool eyes = at > 0 && is_emoticon_eye(text[at - 1]);
      if (paren_depth > 0) {
        --paren_depth;
      } else if (!eyes) {
        std::size_t run = at;
        while (run < text.size() && text[run] == ')') ++run;
        out.emoticon_valence += kParenSmile;  // "спасибо)))"
        at = run;
        continue;
      }
    }
    // u_isalpha, u_islower and u_isupper are the categories L*, Ll and Lu:
    // one property lookup answers all three.
    const int category = c < 0x80 ? 0 : char_type(c);
    if (c < 0x80 ? ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) : is_letter_type(category)) {
      const bool lower = c < 0x80 ? (c >= 'a' && c <= 'z') : category == U_LOWERCASE_LETTER;
      const bool upper = c < 0x80 ? (c >= 'A' && c <= 'Z') : category == U_UPPERCASE_LETTER;
      if (lower || upper) {
        if (!word_cased && word_letters == 0) word_start = at;
        word_cased = true;
        ++word_letters;
        if (lower) {
          word_all_upper = false;
          out.has_lowercase = true;
        }
      }
    } else if (c >= 0x80 || !(c >= '0' && c <= '9')) {
      if (ch != '\'' && !is_space(ch)) end_word(at);
    }
    at += length;
  }
  end_word(text.size());
  end_chunk(text.size());
  text::find_quoted_spans(text, out.quoted, kMaxQuotedSpans, kMaxQuotedBytes);
}

}  // namespace parley::sentiment
