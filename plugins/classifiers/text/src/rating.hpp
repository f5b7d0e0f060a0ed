// rating: a mark out of 5 or 10 in the text ("10/10", "2/5", "4 out of 5"),
// which reviews and comments in every language write the same way.
#pragma once

#include <optional>
#include <string_view>

namespace parley::text {

/// The first such mark as a share of the top one (10/10 -> 1.0, 2/5 -> 0.4),
/// or nothing. Dates and other fractions ("12/05/2024", "3/4") are not marks.
std::optional<double> rating_share(std::string_view text);

}  // namespace parley::text
