// "Did you mean ...?": finds the candidate closest to a misspelt word, so a
// typo in a key, a choice or a plugin name gets a useful suggestion.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace parley::host {

/// Edit distance (Levenshtein plus swapped neighbours, "optimal string
/// alignment"), ignoring ASCII case; counts bytes.
std::size_t edit_distance(std::string_view a, std::string_view b);

/// The candidate closest to `word`, or "" when none is close enough to be a
/// plausible typo: distance <= max(2, length/3) and smaller than both lengths
/// (so "ab" never suggests "id"). Ties go to the earliest candidate.
std::string nearest(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace parley::host
