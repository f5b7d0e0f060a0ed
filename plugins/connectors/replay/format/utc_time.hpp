// UTC timestamps as the replay format writes them: ISO-8601 / RFC 3339
// ("2026-11-02T09:15:00Z", "2026-11-02T11:15:00.250+02:00") <-> epoch ms.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace parley::replay {

/// Milliseconds since the Unix epoch for an RFC 3339 date-time:
/// YYYY-MM-DDTHH:MM:SS[.fraction](Z|+HH:MM|-HH:MM). The fraction may have
/// 1 to 9 digits and is truncated to milliseconds. 'T' and 'Z' may be lower
/// case. Returns nullopt for anything else, including impossible dates
/// (2026-02-30) and a missing zone.
std::optional<std::int64_t> parse_utc_timestamp(std::string_view text);

/// "YYYY-MM-DDTHH:MM:SS.mmmZ" for epoch milliseconds (negative ones too).
std::string format_utc_timestamp(std::int64_t epoch_ms);

}  // namespace parley::replay
