// Engine: runs one pipeline. Polls connectors, handles events on the worker
// pool (one author's events in order, different authors in parallel),
// commits each batch to the store, then executes the allowed actions.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <future>
#include <memory>
#include <optional>
#include <unordered_set>

#include "engine/event_handler.hpp"
#include "engine/pipeline_runtime.hpp"
#include "engine/worker_pool.hpp"
#include "store/store.hpp"

namespace parley::host {

struct RunOptions {
  bool dry_run = false;
  /// Called on the engine's thread, in input order, once an event's actions ran.
  std::function<void(const HandledEvent&)> on_event;
  /// Called for each input a connector could not parse, and each dead letter.
  std::function<void(const DeadLetter&)> on_dead_letter;
  /// Set to true (e.g. from a signal handler) to stop after the current batch.
  const std::atomic<bool>* stop = nullptr;
  /// Where the engine clock starts (`parley run --now`), ms since the epoch.
  /// Wall: the clock starts there and ticks. Events: the later of this and
  /// the clock saved by earlier runs (the clock never goes back).
  std::optional<std::int64_t> start_ms;
  /// Overrides the pipeline's engine.clock (e.g. `parley test` forces events).
  std::optional<ClockMode> clock_mode;
};

struct RunSummary {
  std::size_t events = 0;        ///< handled in this run
  std::size_t already_seen = 0;  ///< skipped: handled by an earlier run
  std::size_t dead_letters = 0;  ///< unparseable inputs and events a plugin failed on
  std::size_t recovered = 0;     ///< actions left pending by an interrupted run, executed now
  std::size_t executed = 0;
  std::size_t dry_run = 0;
  std::size_t blocked = 0;
  std::size_t parked = 0;
  std::size_t failed = 0;
  std::size_t timers_set = 0;    ///< follow_up timers scheduled (allowed follow_ups)
  std::size_t timers_fired = 0;  ///< timer events handled (not counted in `events`)
};

class Engine {
 public:
  Engine(const PipelineRuntime& runtime, Store& store, RunOptions options);
  ~Engine();

  /// Worker threads, as `engine.workers` came to (worker_count).
  std::size_t workers() const { return pool_.size(); }
  /// Whether each batch's commit runs while the next is handled (a state file).
  bool commits_overlapped() const { return commit_store_ != nullptr; }

  /// Runs until every connector is exhausted or `options.stop` is set, then
  /// fires the timers due by the final clock. Later timers stay in the store.
  /// A pipeline with a connector that receives webhooks runs until stopped:
  /// each round also handles the events waiting in its inbox.
  RunSummary run();

  /// Handles events the caller supplies instead of polling the connectors
  /// (`parley test`, backtests): each item needs `event` and `connector_id`,
  /// and may carry `injected` labels. One batch, exactly as run() handles a
  /// polled one: same handlers and guard, one commit, allowed actions
  /// executed (recorded as dry-run in a dry run), `on_event` called in order.
  /// Events already handled are skipped. On the `events` clock the timers
  /// due before the earliest of them fire first, and those due by the
  /// latest after them. Returns the counts of this call.
  RunSummary handle_events(std::vector<HandledEvent> items);
  /// Moves the engine clock forward to `ms` (never back) and fires the timers
  /// then due, in due order, with the same callbacks as run(). Adds to the
  /// summary run() returned (see summary()).
  void advance_clock_to(std::int64_t ms);

  /// What this engine did so far (run() starts it afresh).
  const RunSummary& summary() const { return summary_; }

 private:
  void recover_pending_actions();
  void fire_due_timers();
  bool stopping() const { return options_.stop && options_.stop->load(); }
  /// A handled batch whose commit runs on another thread (commit_store_)
  /// while the engine polls and handles the next one.
  struct BatchInFlight {
    std::vector<HandledEvent> items;
    std::vector<DeadLetter> dead_letters;
    std::size_t polled_dead_letters = 0;  ///< dead_letters before handling added the failures
    std::vector<Checkpoint> checkpoints;
    std::vector<PluginStateValue> plugin_state;
    std::vector<EventOutcome> outcomes;
    std::unordered_set<std::string> event_ids;  ///< handled, not committed yet: seen for the next poll
    std::int64_t approval_id = 0;               ///< the latest approval the state it was handled from had
    std::future<bool> committed;                ///< false: an approval came first (nothing was written)

    /// Back to what was polled, to be handled again: each event's results
    /// and the dead letters handling added are dropped.
    void forget_handling() {
      for (auto& item : items) item.clear_results();
      dead_letters.erase(dead_letters.begin() + static_cast<std::ptrdiff_t>(polled_dead_letters), dead_letters.end());
    }
  };

  /// Handles and commits one batch, then executes its actions.
  void handle_batch(std::vector<HandledEvent>& items, std::vector<DeadLetter>& dead_letters,
                    const std::vector<Checkpoint>& checkpoints = {});
  /// Handles one batch and starts its commit on commit_store_, after the
  /// commit of the batch before it ended and that batch's actions ran.
  void handle_batch_overlapped(std::vector<HandledEvent> items, std::vector<DeadLetter> dead_letters,
                               std::vector<Checkpoint> checkpoints);
  /// Waits for the batch in flight, if any, and executes its actions; one
  /// whose commit was refused is handled again here. False in that case.
  bool finish_batch_in_flight();
  /// What follows a batch's commit: dead letters reported, allowed actions
  /// executed, the summary counted, on_event called.
  void finish_batch(std::vector<HandledEvent>& items, const std::vector<DeadLetter>& dead_letters);
  /// Shards the batch by author: one worker sees all of an author's events.
  std::vector<std::vector<std::size_t>> shard(std::vector<HandledEvent>& items);
  /// Whether the batch sets a timer due by `now_ms`.
  static bool sets_timer_due_by(const BatchInFlight& batch, std::int64_t now_ms);
  /// In the batch still being committed.
  bool in_flight(const std::string& event_id) const;
  /// Handled by this run or in the batch still being committed.
  bool seen(const std::string& event_id);
  void execute(OutboxEntry& entry, bool may_have_run_before = false);
  void count(const HandledEvent& item);

  const PipelineRuntime& runtime_;
  Store& store_;
  RunOptions options_;
  RetryPolicy retry_;
  /// A second connection to the state for overlapped commits; nullptr when the
  /// store has none, and each batch is committed before the next is handled.
  /// Declared before pool_: its size depends on it.
  std::unique_ptr<Store> commit_store_;
  WorkerPool pool_;
  std::vector<std::unique_ptr<EventHandler>> handlers_;  ///< one per worker
  RunSummary summary_;
  /// Declared after commit_store_: destroyed first, waiting for its commit.
  std::unique_ptr<BatchInFlight> in_flight_;
};

}  // namespace parley::host
