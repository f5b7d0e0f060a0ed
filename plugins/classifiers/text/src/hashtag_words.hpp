// hashtag_words: a CamelCase hashtag read as the words it joins.
// "#BestDayEver", "#NeverAgain", "#ΠοτέΞανά" carry a verdict that no word
// list sees while the words are glued together.
#pragma once

#include <string>
#include <string_view>

namespace parley::text {

/// Writes `text` to `out` with every hashtag whose words are joined in
/// CamelCase split at its lower-to-upper case changes, and its '#' made a
/// space: "so happy #BestDayEver" -> "so happy  Best Day Ever". Tags in one
/// case ("#fail", "#NEVERAGAIN") and everything else are copied unchanged.
/// Any script with case (Latin, Greek, Cyrillic).
void split_camel_case_hashtags(std::string_view text, std::string& out);

}  // namespace parley::text
