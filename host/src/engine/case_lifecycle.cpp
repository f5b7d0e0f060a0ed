#include "engine/case_lifecycle.hpp"

#include <algorithm>

namespace parley::host {

const std::vector<std::string>& case_statuses() {
  static const std::vector<std::string> statuses{"new",      "acknowledged", "private", "awaiting_customer",
                                                 "resolved", "followed_up",  "closed",  "escalated",
                                                 "banned"};
  return statuses;
}

bool is_case_status(std::string_view status) {
  const auto& all = case_statuses();
  return std::find(all.begin(), all.end(), status) != all.end();
}

std::optional<std::string> status_after(const Action& action, const std::string& current) {
  std::optional<std::string> next;
  if (const auto wanted = action.params.find("case_status"); wanted != action.params.end()) {
    next = wanted->second;  // the guard has refused anything that is not a status
  } else {
    switch (action.kind) {
      case ActionKind::reply_public:
        if (current == "new") next = "acknowledged";
        break;
      case ActionKind::reply_private:
        if (current == "new" || current == "acknowledged") next = "private";
        break;
      case ActionKind::escalate: next = "escalated"; break;
      case ActionKind::ban: next = "banned"; break;
      default: break;
    }
  }
  if (next && *next == current) return std::nullopt;
  return next;
}

}  // namespace parley::host
