// The case lifecycle (docs/plugin-authoring.md, "Case lifecycle"): which
// statuses exist and how an allowed action moves a case.
#pragma once

#include <optional>
#include <parley/action.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace parley::host {

/// new, acknowledged, private, awaiting_customer, resolved, followed_up,
/// closed, escalated, banned.
const std::vector<std::string>& case_statuses();
bool is_case_status(std::string_view status);

/// The status an allowed `action` moves a case in `current` to, or nullopt
/// when it does not move it. params["case_status"] wins over the kind's rule.
std::optional<std::string> status_after(const Action& action, const std::string& current);

}  // namespace parley::host
