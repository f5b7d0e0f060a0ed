// Case-insensitive search in UTF-8 text for `text_contains`: a community
// manager writes "sorry" and means "Sorry" too, in Greek and Russian as well.
#pragma once

#include <string>
#include <string_view>

namespace parley::host {

/// Whether `text` contains `needle`, ignoring case (one-to-one Unicode case
/// mapping, e.g. Σ/σ/ς are not unified, ß is not ss). Invalid UTF-8 bytes
/// compare as themselves. An empty needle is found everywhere.
bool contains_ignoring_case(std::string_view text, std::string_view needle);

/// `text` as code points, each lower-cased.
std::u32string lower_code_points(std::string_view text);

}  // namespace parley::host
