#include "hashtag_words.hpp"

#include "code_point.hpp"
#include "handle_span.hpp"

namespace parley::text {

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
    if (handle_char_before(text, hash)) {  // inside a word: "C#Sharp"
      out.append(text.substr(hash, name_end - hash));
      at = name_end;
      continue;
    }
    // Copy the name, a space before each upper-case letter that follows a
    // lower-case one; with none, the tag was in one case and keeps its '#'.
    const std::size_t tag = out.size();
    out.push_back('#');
    bool after_lower = false;
    for (std::size_t from = hash + 1; from < name_end;) {
      std::size_t next = from;
      const UChar32 c = code_point_at(text, from, next);
      if (after_lower && u_isupper(c)) {
        out.push_back(' ');
        out[tag] = ' ';
      }
      after_lower = u_islower(c);
      out.append(text.substr(from, next - from));
      from = next;
    }
    at = name_end;
  }
  out.append(text.substr(at));
}

}  // namespace parley::text
