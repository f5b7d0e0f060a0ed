// The word-list syntax shared by the shipped lists (lists/<lang>/<category>.txt)
// and the config's `add:` terms. One entry per line:
//   idiot              an inflected word: matches "idiot", "idiots", "idiotic"... via
//                      the language's Snowball stemmer (and the word as written)
//   fuck*              a prefix: matches words that start with it
//   =ass               an exact word: no stemming ("asses" still needs its own line)
//   i will kill you    a phrase: consecutive words, each stemmed
//   moron | 0.7        a weight in [0,1] (else the category's default)
//   # comment          ignored, as are blank lines
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace parley::toxicity {

enum class TermMatch {
  inflected,  ///< the stem of each word, or the words as written
  exact,      ///< the words as written
  prefix,     ///< the words as written, the last one as a prefix
};

struct ListEntry {
  std::string term;  ///< as written, without markers or weight
  TermMatch match = TermMatch::inflected;
  std::optional<double> weight;
};

/// Reads one entry; nullopt for blank and comment lines. Throws
/// std::invalid_argument (naming `where`) for a malformed weight.
std::optional<ListEntry> parse_list_line(std::string_view line, std::string_view where);

/// Reads a whole list file.
std::vector<ListEntry> parse_list(std::string_view content, std::string_view where);

}  // namespace parley::toxicity
