#include "edit_distance.hpp"

#include <algorithm>
#include <array>

namespace parley::mention {

bool decode_utf8(std::string_view text, std::u32string& out, std::size_t max_length) {
  std::size_t at = 0;
  while (at < text.size()) {
    if (out.size() == max_length) return false;
    const auto lead = static_cast<unsigned char>(text[at]);
    std::size_t length = lead < 0x80           ? 1
                         : (lead >> 5) == 0x6  ? 2
                         : (lead >> 4) == 0xE  ? 3
                         : (lead >> 3) == 0x1E ? 4
                                               : 0;
    char32_t code = length == 1 ? lead : length == 2 ? (lead & 0x1F) : length == 3 ? (lead & 0x0F) : (lead & 0x07);
    bool valid = length != 0 && at + length <= text.size();
    for (std::size_t i = 1; valid && i < length; ++i) {
      const auto next = static_cast<unsigned char>(text[at + i]);
      if ((next & 0xC0) != 0x80) valid = false;
      code = (code << 6) | (next & 0x3F);
    }
    out.push_back(valid ? code : U'\uFFFD');
    at += valid ? length : 1;
  }
  return true;
}

std::size_t bounded_osa_distance(std::u32string_view a, std::u32string_view b, std::size_t limit) {
  const std::size_t too_far = limit + 1;
  if (a.size() > b.size() + limit || b.size() > a.size() + limit) return too_far;
  if (a.size() > 62 || b.size() > 62) return a == b ? 0 : too_far;  // names are short; keep rows on the stack
  // Three rows of the dynamic programme: the one before last (for swaps), last, current.
  std::array<std::array<std::size_t, 64>, 3> rows{};
  std::size_t* before = rows[0].data();
  std::size_t* last = rows[1].data();
  std::size_t* current = rows[2].data();
  for (std::size_t j = 0; j <= b.size(); ++j) last[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    std::size_t row_min = current[0];
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      std::size_t best = std::min({last[j] + 1, current[j - 1] + 1, last[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) best = std::min(best, before[j - 2] + 1);
      current[j] = best;
      row_min = std::min(row_min, best);
    }
    if (row_min > limit) return too_far;  // every path is already too long
    std::swap(before, last);              // rotate: last becomes before, current becomes last
    std::swap(last, current);
  }
  return std::min(last[b.size()], too_far);
}

}  // namespace parley::mention
