// quoted_spans: short phrases in quote marks. In a comment to a business
// they are most often its own words held up against what happened: the
// 'fresh' bread, the «10 minute» delivery, a "service fee" nobody agreed to.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace parley::text {

/// Appends to `out` the insides of up to `max_spans` quoted spans of `text`
/// of at most `max_bytes` each, in order. Double marks (" « » “ ” „) pair
/// with double marks; single marks (' ‘ ’ ‚) with single marks, and only at
/// the edges of words, so the apostrophes of "don't" and "O'Brien" quote
/// nothing. An unclosed mark quotes nothing.
void find_quoted_spans(std::string_view text, std::vector<std::string_view>& out, std::size_t max_spans = 4,
                       std::size_t max_bytes = 48);

/// Whether the first letter of `span` is a capital ("Family Box": a name,
/// not a scare quote). Scripts without case (Arabic) have no capitals.
bool starts_with_capital(std::string_view span);

}  // namespace parley::text
