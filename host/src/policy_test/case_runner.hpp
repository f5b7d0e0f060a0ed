// Runs one test case through the real engine (classifiers, responders,
// guard) on a fresh in-memory state, in dry-run: nothing is executed and
// nothing is written to disk.
#pragma once

#include <string>
#include <vector>

#include "engine/pipeline_runtime.hpp"
#include "policy_test/action_matcher.hpp"
#include "policy_test/test_case.hpp"

namespace parley::host {

struct StepResult {
  std::size_t number = 0;  ///< 1-based position in the case's `events`
  std::string location;
  std::string summary;                  ///< the event's text, or "wait 3d"
  bool checked = false;                 ///< the step had expect, forbid or expect_only
  std::vector<std::string> problems;    ///< empty: passed
  std::vector<ObservedAction> actions;  ///< everything proposed, with the guard's verdicts

  bool passed() const { return problems.empty(); }
};

struct CaseResult {
  std::string name;
  std::string location;
  std::vector<StepResult> steps;

  bool passed() const {
    for (const auto& step : steps) {
      if (!step.passed()) return false;
    }
    return true;
  }
};

class CaseRunner {
 public:
  /// `runtime` needs no connectors; actions are attributed to the pipeline's
  /// first connector id unless an event names one.
  explicit CaseRunner(const PipelineRuntime& runtime) : runtime_(runtime) {}

  /// `number` (1-based) names the case's events: case<number>-<step>.
  CaseResult run(const TestCase& test, std::size_t number) const;

 private:
  const PipelineRuntime& runtime_;
};

}  // namespace parley::host
