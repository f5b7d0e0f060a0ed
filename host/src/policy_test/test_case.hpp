// A brand's policy test cases, as read from a cases file: events to feed the
// real pipeline, and what the guard must (or must not) let through for each.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <parley/action.hpp>
#include <parley/event.hpp>
#include <parley/labels.hpp>
#include <string>
#include <vector>

#include "engine/policy_guard.hpp"

namespace parley::host {

/// One entry of `expect:` or `forbid:`. Unset fields match anything.
struct ActionPattern {
  ActionKind kind = ActionKind::ignore;
  std::string rule;  ///< exact rule id, or a prefix ending before a '.' ("P16" matches "P16.rip-off")
  std::string text_contains;
  std::map<std::string, std::string> params;          ///< each must be equal
  std::optional<Verdict> verdict = Verdict::allowed;  ///< nullopt: `verdict: any`
  std::string reason_contains;                        ///< in the responder's reason or the guard's
  std::string lang;
  std::string location;  ///< where it was written, "file:line:col"
};

/// What must hold for the actions one step produced.
struct StepChecks {
  std::vector<ActionPattern> expect;  ///< each matched by a different action
  std::vector<ActionPattern> forbid;  ///< none may match any action
  bool expect_only = false;           ///< no allowed action beyond those matching `expect`

  bool empty() const { return expect.empty() && forbid.empty() && !expect_only; }
};

/// An event of a case. `at_ms`/`after_ms` unset: one minute after the
/// previous step (the first event: kDefaultStartMs).
struct TestEvent {
  std::string text;
  std::string author = "customer";
  std::string author_name;
  std::string author_handle;
  bool brand = false;
  std::string thread;  ///< empty: the case's own thread
  EventKind kind = EventKind::comment;
  std::string lang;
  std::optional<std::int64_t> at_ms;
  std::optional<std::int64_t> after_ms;
  std::map<std::string, std::string> metadata;
  Labels injected;        ///< `labels:` and `attributes:`
  std::string connector;  ///< empty: the pipeline's first connector
  std::string connector_location;
};

/// `- wait: 3d`: lets time pass so that timers fire (needs engine timers).
struct TestWait {
  std::int64_t duration_ms = 0;
};

struct TestStep {
  std::optional<TestEvent> event;  ///< exactly one of event and wait is set
  std::optional<TestWait> wait;
  StepChecks checks;
  std::string location;
};

struct TestCase {
  std::string name;
  std::vector<TestStep> steps;
  std::string location;
};

struct CasesFile {
  std::string file;
  std::vector<TestCase> cases;
};

/// Where a case's time line starts when its first event gives no `at:`:
/// Monday 2026-01-05 09:00 UTC, the same on every run.
inline constexpr std::int64_t kDefaultStartMs = 1'767'603'600'000;
/// The gap before an event that gives neither `at:` nor `after:`.
inline constexpr std::int64_t kDefaultGapMs = 60'000;

}  // namespace parley::host
