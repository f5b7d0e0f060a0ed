// Checks of the action params the host itself acts on (case_status, and
// follow_up's after/purpose): a malformed one is blocked with a reason
// instead of being half carried out.
#pragma once

#include <cstdint>
#include <optional>
#include <parley/action.hpp>
#include <string>
#include <string_view>

namespace parley::host {

/// "30m", "2h", "3d" (a positive whole number and a unit) in ms; nullopt otherwise.
std::optional<std::int64_t> parse_after(std::string_view text);

/// Why the host cannot carry out `action`'s params; empty when they are fine.
std::string params_refusal(const Action& action);

/// params["purpose"] of a follow_up, "follow_up" when absent or empty.
std::string follow_up_purpose(const Action& action);

}  // namespace parley::host
