// Recorded backtest runs built by hand for the counting, comparing and
// report tests: no plugins, no engine.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "backtest/backtest_record.hpp"

namespace parley::host::backtest_test {

inline RecordedAction allowed(ActionKind kind, std::string rule, std::string text = "", std::string department = "") {
  return {kind,
          std::move(rule),
          Verdict::allowed,
          "",
          "because " + std::string(to_string(kind)),
          std::move(text),
          std::move(department)};
}

inline RecordedAction refused(ActionKind kind, std::string rule, Verdict verdict, std::string guard_reason) {
  return {kind, std::move(rule), verdict, std::move(guard_reason), "the responder's reason", "", ""};
}

inline RecordedEvent event(std::string id, std::string text, std::int64_t at_ms, std::string lang,
                           std::vector<RecordedAction> actions, std::string theme = "", double complaint = 0) {
  RecordedEvent recorded;
  recorded.id = std::move(id);
  recorded.text = std::move(text);
  recorded.at_ms = at_ms;
  recorded.lang = std::move(lang);
  recorded.theme = std::move(theme);
  recorded.complaint = complaint;
  recorded.actions = std::move(actions);
  return recorded;
}

inline RecordedEvent timer_event(std::string id, std::int64_t at_ms, std::vector<RecordedAction> actions) {
  auto recorded = event(std::move(id), "(timer 'follow_up' set by P14)", at_ms, "", std::move(actions));
  recorded.timer = true;
  return recorded;
}

}  // namespace parley::host::backtest_test
