// Times as a community manager writes them in a cases file: durations
// ("10m", "3d", "1h30m") and UTC timestamps ("2026-11-30T09:00:00Z").
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace parley::host {

/// Milliseconds of one or more NUMBER UNIT pairs, units s, m, h, d, w
/// ("90s", "10m", "1h30m", "3d"). nullopt for anything else (no sign, no
/// spaces, no decimals, nothing above ten years).
std::optional<std::int64_t> parse_duration_ms(std::string_view text);

/// Milliseconds since the Unix epoch of YYYY-MM-DDTHH:MM[:SS](Z|+HH:MM|-HH:MM).
/// The zone is required so that a case means the same on every machine.
std::optional<std::int64_t> parse_timestamp_ms(std::string_view text);

/// "2026-11-30T09:00:00Z".
std::string format_timestamp(std::int64_t ms);

}  // namespace parley::host
