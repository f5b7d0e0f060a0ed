// The IANA time zone names a pipeline's `timezone` may take: those ICU knows
// (the same ICU the playbook's opening hours are computed with).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace parley::host {

/// True for a zone ICU knows by this exact name ("Europe/Athens", "UTC").
bool is_known_time_zone(std::string_view name);

/// Every zone name ICU knows, for a "did you mean" suggestion.
const std::vector<std::string>& known_time_zones();

}  // namespace parley::host
