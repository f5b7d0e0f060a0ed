#include "quoted_spans.hpp"

#include <algorithm>

#include "byte_search.hpp"
#include "code_point.hpp"

namespace parley::text {
namespace {

enum class Mark { none, double_mark, single_mark };

Mark mark_of(UChar32 c) {
  switch (c) {
    case '"':
    case 0x00AB:  // «
    case 0x00BB:  // »
    case 0x201C:  // “
    case 0x201D:  // ”
    case 0x201E:  // „
    case 0x201F: return Mark::double_mark;
    case '\'':
    case 0x2018:  // ‘
    case 0x2019:  // ’
    case 0x201A:  // ‚
      return Mark::single_mark;
    default: return Mark::none;
  }
}

/// The next byte that may start a quote mark: ASCII quotes, 0xC2 (« ») or
/// 0xE2 (U+2018-U+201F). Most texts hold none.
std::size_t next_quote_lead(std::string_view text, std::size_t from) {
  return find_first_byte(text, from, {'"', '\'', 0xC2, 0xE2});
}

bool is_ascii_alnum(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/// Whether the code point before `at` / at `at` is part of a word; ASCII
/// without a call into ICU.
bool word_char_before(std::string_view text, std::size_t at) {
  if (at == 0) return false;
  const auto byte = static_cast<unsigned char>(text[at - 1]);
  if (byte < 0x80) return is_ascii_alnum(byte);
  return is_word_code_point(code_point_before(text, at));
}

bool word_char_at(std::string_view text, std::size_t at) {
  if (at >= text.size()) return false;
  const auto byte = static_cast<unsigned char>(text[at]);
  if (byte < 0x80) return is_ascii_alnum(byte);
  std::size_t next = at;
  return is_word_code_point(code_point_at(text, at, next));
}

}  // namespace

void find_quoted_spans(std::string_view text, std::vector<std::string_view>& out, std::size_t max_spans,
                       std::size_t max_bytes) {
  std::size_t found = 0;
  std::size_t open_at = std::string_view::npos;  // where the inside of an open quote starts
  Mark open_mark = Mark::none;
  std::size_t at = 0;
  while (found < max_spans && (at = next_quote_lead(text, at)) != std::string_view::npos) {
    std::size_t next = at + 1;
    const UChar32 c = code_point_at(text, at, next);
    const Mark mark = mark_of(c);
    if (mark == Mark::none) {
      at = std::max(next, at + 1);
      continue;
    }
    const bool word_before = word_char_before(text, at);
    const bool word_after = word_char_at(text, next);
    const bool closes = open_at != std::string_view::npos && mark == open_mark && at > open_at &&
                        (mark == Mark::double_mark || (word_before && !word_after));
    if (closes) {
      // A quote too long to be a scare quote still pairs its marks.
      if (at - open_at <= max_bytes) {
        out.push_back(text.substr(open_at, at - open_at));
        ++found;
      }
      open_at = std::string_view::npos;
      open_mark = Mark::none;
    } else if (mark == Mark::double_mark || (!word_before && word_after)) {
      open_at = next;
      open_mark = mark;
    }
    at = next;
  }
}

bool starts_with_capital(std::string_view span) {
  std::size_t at = 0;
  while (at < span.size()) {
    std::size_t next = at + 1;
    const UChar32 c = code_point_at(span, at, next);
    if (c >= 0 && u_isalpha(c)) return u_isupper(c) || u_istitle(c);
    at = std::max(next, at + 1);
  }
  return false;
}

}  // namespace parley::text
