// Unicode simple case folding of UTF-8 text, for the case-insensitive
// `contains` of rule conditions ("ΚΑΦΈΣ" contains "καφές", "Straße" contains
// "STRASSE" does not: simple folding maps one code point to one).
#pragma once

#include <string>
#include <string_view>

namespace parley::rules {

/// Replaces `out` with the case-folded `text`. ASCII-only text takes a fast
/// path; bytes that are not valid UTF-8 are copied unchanged. Reuses `out`'s
/// capacity (no allocation once it is large enough). Thread-safe.
void fold_case(std::string_view text, std::string& out);

/// Convenience form that allocates.
std::string fold_case(std::string_view text);

}  // namespace parley::rules
