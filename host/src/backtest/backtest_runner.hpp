// Runs a pipeline over a history as `parley test` runs a case: the real
// classifiers, responders and guard (Engine::handle_events), dry-run, on a
// fresh in-memory state, on the events' own clock. Nothing is executed.
#pragma once

#include "backtest/backtest_record.hpp"
#include "backtest/history_reader.hpp"
#include "engine/pipeline_runtime.hpp"

namespace parley::host {

/// `runtime` needs no connectors; actions are attributed to the pipeline's
/// first connector id. Events are handled one at a time in created_at
/// order, so that the timers the policy sets fire between them as the
/// history's time passes; at the end, what is due by the last event fires.
BacktestRun run_backtest(const PipelineRuntime& runtime, const History& history);

}  // namespace parley::host
