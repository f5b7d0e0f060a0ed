#include "handle_span.hpp"

#include "code_point.hpp"

namespace parley::text {
namespace {

bool is_ascii_handle_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

}  // namespace

std::size_t handle_end(std::string_view text, std::size_t start, bool with_dots) {
  std::size_t at = start;
  while (at < text.size()) {
    const auto byte = static_cast<unsigned char>(text[at]);
    if (byte < 0x80) {
      if (!is_ascii_handle_byte(byte) && !(with_dots && byte == '.')) break;
      ++at;
      continue;
    }
    std::size_t next = at;
    if (!is_word_code_point(code_point_at(text, at, next))) break;
    at = next;
  }
  return at;
}

bool handle_char_before(std::string_view text, std::size_t at) {
  if (at == 0 || at > text.size()) return false;
  const auto byte = static_cast<unsigned char>(text[at - 1]);
  if (byte < 0x80) return is_ascii_handle_byte(byte);
  return is_word_code_point(code_point_before(text, at));
}

}  // namespace parley::text
