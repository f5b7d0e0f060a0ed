// Cue lists: the text format of the built-in lists (cues/<lang>.txt) and of
// terms written in the config. One cue per line under a `[section]` header;
// `#` at the start of a line is a comment; a word ending in `*` is a stem.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace parley::intent {

struct CueLine {
  std::string section;  ///< e.g. "complaint", "theme.late_delivery", "about.late_delivery"
  std::string term;     ///< as written, e.g. "zwrot* pieniędz*"
};

/// Parses a cue file. Throws std::invalid_argument naming `file_name` and the
/// line when a cue comes before any section or a header is malformed.
std::vector<CueLine> parse_cue_file(std::string_view file_name, std::string_view content);

/// A term split at whitespace into words, each with its stem flag (a
/// trailing `*`, removed). Words are not folded here.
struct RawWord {
  std::string text;
  bool stem = false;
};
std::vector<RawWord> split_term(std::string_view term);

}  // namespace parley::intent
