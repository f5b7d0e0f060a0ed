#include "engine/action_params.hpp"

#include <charconv>

#include "engine/case_lifecycle.hpp"

namespace parley::host {

std::optional<std::int64_t> parse_after(std::string_view text) {
  if (text.size() < 2) return std::nullopt;
  std::int64_t unit_ms = 0;
  switch (text.back()) {
    case 'm': unit_ms = 60'000; break;
    case 'h': unit_ms = 3'600'000; break;
    case 'd': unit_ms = 86'400'000; break;
    default: return std::nullopt;
  }
  std::int64_t count = 0;
  const auto* last = text.data() + text.size() - 1;
  const auto [end, error] = std::from_chars(text.data(), last, count);
  // At most ten years: a bigger number is a typo, and would overflow.
  if (error != std::errc() || end != last || count <= 0 || count * unit_ms > 3650 * 86'400'000LL) return std::nullopt;
  return count * unit_ms;
}

std::string params_refusal(const Action& action) {
  if (const auto status = action.params.find("case_status"); status != action.params.end()) {
    if (!is_case_status(status->second)) {
      std::string known;
      for (const auto& name : case_statuses()) known += (known.empty() ? "" : ", ") + name;
      return "params.case_status '" + status->second + "' is not a case status; expected one of " + known;
    }
  }
  if (action.kind == ActionKind::follow_up) {
    const auto after = action.params.find("after");
    if (after == action.params.end()) {
      return "follow_up needs params.after, e.g. 30m, 2h or 3d";
    }
    if (!parse_after(after->second)) {
      return "follow_up params.after '" + after->second +
             "' is not a duration; expected a positive whole number with m, h or d (30m, 2h, 3d)";
    }
  }
  return {};
}

std::string follow_up_purpose(const Action& action) {
  const auto purpose = action.params.find("purpose");
  return purpose == action.params.end() || purpose->second.empty() ? "follow_up" : purpose->second;
}

}  // namespace parley::host
