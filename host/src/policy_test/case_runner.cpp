#include "policy_test/case_runner.hpp"

#include "engine/engine.hpp"
#include "policy_test/time_text.hpp"
#include "store/sqlite_store.hpp"

namespace parley::host {
namespace {

ObservedAction observe(const GuardDecision& decision, const HandledEvent& item) {
  ObservedAction observed;
  const auto& action = decision.action;
  observed.kind = action.kind;
  observed.rule = action.rule_id;
  observed.text = action.text;
  observed.params = action.params;
  observed.verdict = decision.verdict;
  observed.reason = action.reason;
  observed.guard_reason = decision.reason;
  const auto lang_param = action.params.find("lang");
  observed.lang = lang_param != action.params.end()        ? lang_param->second
                  : !item.labels.attribute("lang").empty() ? item.labels.attribute("lang")
                                                           : item.event.lang;
  return observed;
}

Event make_event(const TestEvent& step, const std::string& id, const std::string& account, const std::string& thread,
                 std::int64_t at_ms) {
  Event event;
  event.id = id;
  event.platform = "test";
  event.account = account;
  event.kind = step.kind;
  event.thread_id = step.thread.empty() ? thread : step.thread;
  event.author = {step.author, step.author_handle, step.author_name, step.brand};
  event.text = step.text;
  event.lang = step.lang;
  event.created_at = at_ms;
  event.visibility = step.kind == EventKind::direct_message ? Visibility::private_message : Visibility::public_post;
  event.metadata = step.metadata;
  return event;
}

/// What the events a step handled produced, and any plugin failure.
void collect(const std::vector<HandledEvent>& handled, StepResult& result) {
  for (const auto& item : handled) {
    if (item.failure) {
      result.problems.push_back("plugin '" + item.failure->plugin + "' failed to " + item.failure->stage + " event " +
                                item.event.id + ": " + item.failure->error + " (a run would dead-letter it)");
    }
    for (const auto& decision : item.decisions) result.actions.push_back(observe(decision, item));
  }
}

}  // namespace

CaseResult CaseRunner::run(const TestCase& test, std::size_t number) const {
  CaseResult result{test.name, test.location, {}};
  auto store = SqliteStore::open(":memory:");
  std::vector<HandledEvent> handled;  // filled by the engine, per step
  RunOptions options;
  options.dry_run = true;
  options.clock_mode = ClockMode::events;  // the case's own time line, from its events and waits
  options.on_event = [&handled](const HandledEvent& item) { handled.push_back(item); };
  Engine engine(runtime_, *store, options);

  const std::string prefix = "case" + std::to_string(number);
  std::optional<std::int64_t> previous_ms;  // the case's time line
  std::size_t step_number = 0;
  for (const auto& step : test.steps) {
    StepResult step_result;
    step_result.number = ++step_number;
    step_result.location = step.location;
    step_result.checked = !step.checks.empty();
    handled.clear();
    if (step.event) {
      const auto& event = *step.event;
      const std::int64_t at_ms = event.at_ms               ? *event.at_ms
                                 : previous_ms.has_value() ? *previous_ms + event.after_ms.value_or(kDefaultGapMs)
                                                           : kDefaultStartMs + event.after_ms.value_or(0);
      previous_ms = at_ms;
      HandledEvent item;
      item.event = make_event(event, prefix + "-" + std::to_string(step_number), runtime_.config.client, prefix, at_ms);
      item.connector_id = event.connector.empty() ? runtime_.config.connectors.front().id : event.connector;
      item.injected = event.injected;
      step_result.summary = event.text;
      engine.handle_events({std::move(item)});
      if (handled.empty()) step_result.problems.push_back("the engine did not handle the event");
    } else {
      const std::int64_t until_ms = previous_ms.value_or(kDefaultStartMs) + step.wait->duration_ms;
      previous_ms = until_ms;
      step_result.summary = "wait until " + format_timestamp(until_ms);
      // The timers due by then fire through on_event into `handled`.
      engine.advance_clock_to(until_ms);
    }
    collect(handled, step_result);
    for (auto& problem : check_step(step.checks, step_result.actions))
      step_result.problems.push_back(std::move(problem));
    result.steps.push_back(std::move(step_result));
  }
  return result;
}

}  // namespace parley::host
