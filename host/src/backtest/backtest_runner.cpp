#include "backtest/backtest_runner.hpp"

#include "engine/engine.hpp"
#include "store/sqlite_store.hpp"

namespace parley::host {
namespace {

RecordedAction record(const GuardDecision& decision) {
  const auto& action = decision.action;
  const auto department = action.params.find("department");
  return {action.kind,
          action.rule_id,
          decision.verdict,
          decision.reason,
          action.reason,
          action.text,
          department == action.params.end() ? std::string() : department->second};
}

RecordedEvent record(const HandledEvent& item) {
  RecordedEvent recorded;
  recorded.id = item.event.id;
  recorded.timer = item.timer.has_value();
  if (item.timer) {
    recorded.text = "(timer '" + item.timer->purpose + "' set by " + item.timer->rule_id + ")";
    recorded.at_ms = item.timer->due_at;
  } else {
    recorded.text = item.event.text;
    recorded.at_ms = item.event.created_at;
  }
  const auto& lang = item.labels.attribute("lang");
  recorded.lang = lang.empty() ? item.event.lang : lang;
  recorded.theme = item.labels.attribute("theme");
  recorded.complaint = item.labels.score("intent.complaint");
  for (const auto& decision : item.decisions) recorded.actions.push_back(record(decision));
  if (item.failure) {
    recorded.failure =
        "plugin '" + item.failure->plugin + "' failed to " + item.failure->stage + " it: " + item.failure->error;
  }
  return recorded;
}

}  // namespace

BacktestRun run_backtest(const PipelineRuntime& runtime, const History& history) {
  BacktestRun run;
  run.client = runtime.config.client;
  run.pipeline_file = runtime.config.file;
  run.input_file = history.file;
  run.bad_lines = history.bad_lines;
  run.input_error = history.read_error;

  auto store = SqliteStore::open(":memory:");
  RunOptions options;
  options.dry_run = true;
  options.clock_mode = ClockMode::events;
  options.on_event = [&run](const HandledEvent& item) { run.events.push_back(record(item)); };
  Engine engine(runtime, *store, options);
  const auto& connector_id = runtime.config.connectors.front().id;
  for (const auto& event : history.events) {
    HandledEvent item;
    item.event = event;
    item.connector_id = connector_id;
    // One event per batch: the timers due before it fire first (handle_events).
    run.duplicates += engine.handle_events({std::move(item)}).already_seen;
  }
  if (!history.events.empty()) engine.advance_clock_to(history.events.back().created_at);
  return run;
}

}  // namespace parley::host
