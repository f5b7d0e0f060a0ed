#include "rating.hpp"

namespace parley::text {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// The whole number of at most two digits that ends just before `end`, or -1.
int number_before(std::string_view text, std::size_t end) {
  std::size_t start = end;
  while (start > 0 && is_digit(text[start - 1]) && end - start < 3) --start;
  if (start == end || end - start > 2) return -1;
  if (start > 0 && (text[start - 1] == '/' || text[start - 1] == '.' || text[start - 1] == ',')) return -1;
  int value = 0;
  for (std::size_t i = start; i < end; ++i) value = value * 10 + (text[i] - '0');
  return value;
}

// The whole number of at most two digits that starts at `start` and is not
// followed by more of a date or a number, or -1.
int number_after(std::string_view text, std::size_t start) {
  std::size_t end = start;
  while (end < text.size() && is_digit(text[end]) && end - start < 3) ++end;
  if (end == start || end - start > 2) return -1;
  if (end < text.size() && (text[end] == '/' || ((text[end] == '.' || text[end] == ',') && end + 1 < text.size() &&
                                                 is_digit(text[end + 1])))) {
    return -1;
  }
  int value = 0;
  for (std::size_t i = start; i < end; ++i) value = value * 10 + (text[i] - '0');
  return value;
}

std::optional<double> share(int mark, int top) {
  if ((top != 5 && top != 10) || mark < 0 || mark > top) return std::nullopt;
  return static_cast<double>(mark) / top;
}

}  // namespace

std::optional<double> rating_share(std::string_view text) {
  for (std::size_t at = text.find('/'); at != std::string_view::npos; at = text.find('/', at + 1)) {
    if (auto mark = share(number_before(text, at), number_after(text, at + 1))) return mark;
  }
  constexpr std::string_view kOutOf = " out of ";
  for (std::size_t at = text.find(kOutOf); at != std::string_view::npos; at = text.find(kOutOf, at + 1)) {
    if (auto mark = share(number_before(text, at), number_after(text, at + kOutOf.size()))) return mark;
  }
  return std::nullopt;
}

}  // namespace parley::text
