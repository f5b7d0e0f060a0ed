#include "hashtag_words.hpp"

#include "code_point.hpp"
#include "handle_span.hpp"

namespace parley::text {
namespace {

/// Whether the tag's name in [start, end) changes from a lower-case to an
/// upper-case letter somewhere: "BestDayEver" does, "Fail" and "NBA" do not.
bool is_camel_case(std::string_view text, std::size_t start, std::size_t end) {
  bool after_lower = false;
  for (std::size_t at = start; at < end;) {
    std::size_t next = at;
    const UChar32 c = code_point_at(text, at, next);
    if (after_lower && u_isupper(c)) return true;
    after_lower = u_islower(c);
    at = next;
  }
  return false;
}

}  // namespace

void split_camel_case_hashtags(std::string_view text, std::string& out) {
  out.clear();
  if (text.find('#') == std::string_view::npos) {
    out.assign(text);
    return;
  }
  out.reserve(text.size() + 8);
  std::size_t at = 0;
  while (at < text.size()) {
    const std::size_t hash = text.find('#', at);
    if (hash == std::string_view::npos) break;
    out.append(text.substr(at, hash - at));
    const std::size_t name_end = handle_end(text, hash + 1);
    if (handle_char_before(text, hash) || !is_camel_case(text, hash + 1, name_end)) {
      out.append(text.substr(hash, name_end - hash));  // a lone '#' too: the name is empty
      at = name_end;
      continue;
    }
    out.push_back(' ');
    bool after_lower = false;
    for (std::size_t from = hash + 1; from < name_end;) {
      std::size_t next = from;
      const UChar32 c = code_point_at(text, from, next);
      if (after_lower && u_isupper(c)) out.push_back(' ');
      after_lower = u_islower(c);
      out.append(text.substr(from, next - from));
      from = next;
    }
    at = name_end;
  }
  out.append(text.substr(at));
}

}  // namespace parley::text
