#include "engine/engine.hpp"

#include "engine/action_executor.hpp"

#include <spdlog/spdlog.h>

#include <chrono>
#include <thread>
#include <unordered_set>

#include "engine/timer_event.hpp"

namespace parley::host {

namespace {
constexpr auto kIdlePause = std::chrono::milliseconds(100);
/// Passes over one batch while approvals keep changing its state.
constexpr int kMaxBatchPasses = 3;
}  // namespace

Engine::Engine(const PipelineRuntime& runtime, Store& store, RunOptions options)
    : runtime_(runtime),
      store_(store),
      options_(std::move(options)),
      retry_{runtime.config.engine.max_attempts, runtime.config.engine.retry_backoff_ms},
      // One batch's commit runs while the next is handled (docs/adr/0019).
      commit_store_(store.open_another_connection()),
      pool_(
          worker_count(runtime.config.engine.workers, std::thread::hardware_concurrency(), commit_store_ != nullptr)) {
  for (std::size_t index = 0; index < pool_.size(); ++index) {
    handlers_.push_back(std::make_unique<EventHandler>(runtime_, store_, retry_, options_.dry_run));
  }
  runtime_.clock->start(options_.clock_mode.value_or(runtime_.config.engine.clock), options_.start_ms,
                        store_.load_clock());
  runtime_.store->bind(&store_);  // checkpoints are read from this run's store (a dry run's snapshot)
}

Engine::~Engine() = default;

RunSummary Engine::run() {
  summary_ = {};
  if (!options_.dry_run) recover_pending_actions();
  fire_due_timers();  // due before anything new arrives
  std::vector<bool> exhausted(runtime_.connectors.size(), false);
  const auto batch_size = static_cast<std::size_t>(runtime_.config.engine.batch_size);
  // Webhooks can deliver at any time: such a run goes on until it is stopped.
  bool has_webhooks = false;
  for (const auto& connector : runtime_.connectors) has_webhooks = has_webhooks || receives_webhooks(connector);
  std::unordered_set<std::string> in_batch;
  while (!(options_.stop && options_.stop->load())) {
    std::vector<HandledEvent> items;
    items.reserve(batch_size);  // moving HandledEvents as the vector grows cost ~3% of a run
    std::vector<DeadLetter> dead_letters;
    std::vector<Checkpoint> checkpoints;
    in_batch.clear();
    bool all_exhausted = !has_webhooks;
    for (std::size_t index = 0; index < runtime_.connectors.size(); ++index) {
      const auto& connector = runtime_.connectors[index];
      // Delivered events (webhooks) and requeued dead letters wait in the
      // inbox; they go the same way as polled ones.
      auto waiting_events = store_.inbox(connector.id, batch_size);
      if (waiting_events.size() == batch_size) all_exhausted = false;  // more may wait
      for (auto& waiting : waiting_events) {
        // In flight: its inbox row goes with the commit still running.
        if (in_flight(waiting.event.id)) continue;
        if (!in_batch.insert(waiting.event.id).second) continue;
        HandledEvent item;
        item.event = std::move(waiting.event);
        item.connector_id = connector.id;
        items.push_back(std::move(item));
      }
      if (exhausted[index]) continue;
      PollBatch batch;
      auto error = call_plugin([&] { connector.object->poll(batch, batch_size); }, retry_, connector.plugin, "(poll)",
                               "poll", runtime_.secrets.get());
      if (error) {
        // A source that keeps failing is stopped, not spun on; what it gave is
        // kept, and the failure is a dead letter so the run reports it.
        spdlog::error("connector '{}' stopped: {}", connector.id, *error);
        dead_letters.push_back({"poll", connector.plugin, "", connector.id, *error, "", 0});
        batch.exhausted = true;
        batch.checkpoints.clear();  // a failed poll's cursor may be ahead of what it gave
      }
      exhausted[index] = batch.exhausted;
      all_exhausted = all_exhausted && batch.exhausted;
      // Committed with this round's events: a cursor is saved only with them.
      for (auto& [key, value] : batch.checkpoints) checkpoints.push_back({connector.id, key, std::move(value)});
      for (auto& rejected : batch.rejected) {
        // Named by source and position, so a re-run of the same file does not
        // dead-letter the same bad line again.
        auto input_id = "input:" + connector.id + ":" + rejected.where;
        if (seen(input_id)) continue;
        dead_letters.push_back({"input", connector.plugin, std::move(input_id), std::move(rejected.where),
                                std::move(rejected.error), std::move(rejected.raw), 0});
      }
      for (auto& event : batch.events) {
        if (!in_batch.insert(event.id).second || seen(event.id)) {
          ++summary_.already_seen;
          continue;
        }
        HandledEvent item;
        item.event = std::move(event);
        item.connector_id = connector.id;
        items.push_back(std::move(item));
      }
    }
    if (items.empty() && dead_letters.empty()) {
      finish_batch_in_flight();  // nothing to overlap it with
      if (!checkpoints.empty()) {
        std::vector<EventOutcome> no_outcomes;
        store_.commit(no_outcomes, dead_letters, checkpoints);
      }
      if (all_exhausted) break;
      fire_due_timers();
      std::this_thread::sleep_for(kIdlePause);
      continue;
    }
    if (commit_store_) {
      handle_batch_overlapped(std::move(items), std::move(dead_letters), std::move(checkpoints));
    } else {
      handle_batch(items, dead_letters, checkpoints);
    }
    if (all_exhausted) break;
    fire_due_timers();
  }
  finish_batch_in_flight();
  // Everything due by the final clock; later timers wait for a later run.
  if (!stopping()) fire_due_timers();
  return summary_;
}

RunSummary Engine::handle_events(std::vector<HandledEvent> items) {
  finish_batch_in_flight();
  summary_ = {};
  std::vector<HandledEvent> fresh;
  std::unordered_set<std::string> in_batch;
  for (auto& item : items) {
    if (!in_batch.insert(item.event.id).second || store_.seen(item.event.id)) {
      ++summary_.already_seen;
      continue;
    }
    fresh.push_back(std::move(item));
  }
  if (fresh.empty()) return summary_;
  // On the events time line, timers due before these events fire first.
  if (runtime_.clock->mode() == ClockMode::events) {
    auto earliest = fresh.front().event.created_at;
    for (const auto& item : fresh) earliest = std::min(earliest, item.event.created_at);
    if (earliest > 0) advance_clock_to(earliest);
  }
  std::vector<DeadLetter> dead_letters;
  handle_batch(fresh, dead_letters);
  fire_due_timers();
  return summary_;
}

void Engine::advance_clock_to(std::int64_t ms) {
  finish_batch_in_flight();
  runtime_.clock->advance_to(ms);
  if (runtime_.clock->mode() == ClockMode::events) store_.save_clock(runtime_.clock->now());
  fire_due_timers();
}

void Engine::fire_due_timers() {
  const auto limit = static_cast<std::size_t>(runtime_.config.engine.batch_size);
  // Each round commits its timers as fired, so the next round gets new ones
  // (e.g. a follow_up set by a timer event, due later than now: no spin).
  while (!stopping()) {
    // A timer the batch in flight set may be due already: it fires before
    // the next batch, as it would had that batch been committed first.
    if (in_flight_ && sets_timer_due_by(*in_flight_, runtime_.clock->now())) finish_batch_in_flight();
    auto due = store_.due_timers(runtime_.clock->now(), limit);
    if (due.empty()) return;
    // The batch in flight may also fire or cancel timers: read them again
    // once it is committed.
    if (in_flight_) {
      finish_batch_in_flight();
      continue;
    }
    std::vector<HandledEvent> items;
    for (auto& timer : due) {
      HandledEvent item;
      item.event = make_timer_event(timer);
      // From committed state: the thread's other authors are on other shards.
      set_thread_counts(item.event, store_.thread_counts(item.event.account, item.event.thread_id, item.event.author.id,
                                                         timer.set_at));
      item.connector_id = timer.connector_id;
      item.case_key = timer.case_key;
      item.timer = std::move(timer);
      items.push_back(std::move(item));
    }
    std::vector<DeadLetter> dead_letters;
    handle_batch(items, dead_letters);
  }
}

bool Engine::sets_timer_due_by(const BatchInFlight& batch, std::int64_t now_ms) {
  for (const auto& outcome : batch.outcomes) {
    for (const auto& timer : outcome.timers_set) {
      if (timer.due_at <= now_ms) return true;
    }
  }
  return false;
}

bool Engine::in_flight(const std::string& event_id) const {
  return in_flight_ && in_flight_->event_ids.count(event_id) > 0;
}

bool Engine::seen(const std::string& event_id) { return in_flight(event_id) || store_.seen(event_id); }

std::vector<std::vector<std::size_t>> Engine::shard(std::vector<HandledEvent>& items) {
  // By author (or linked person): one worker sees all of an author's events,
  // in order, and keeps their state between batches (carry_state_over).
  std::vector<std::vector<std::size_t>> shards(pool_.size());
  std::hash<std::string> hash;
  for (std::size_t index = 0; index < items.size(); ++index) {
    auto& item = items[index];
    item.author = author_identity(runtime_.config.identities, item.connector_id, item.event);
    shards[hash(item.author.shard_key()) % pool_.size()].push_back(index);
  }
  return shards;
}

void Engine::handle_batch(std::vector<HandledEvent>& items, std::vector<DeadLetter>& dead_letters,
                          const std::vector<Checkpoint>& checkpoints) {
  finish_batch_in_flight();  // its state must be committed before a pass reads the store
  const auto shards = shard(items);
  // Each pass starts from committed state. `parley approvals` may change a
  // case or author at any time: one decided between batches is
  // read by the next one; one decided while this batch is handled makes the
  // commit refuse, and the batch is handled again from the approved state.
  const auto letters_before = dead_letters.size();
  std::vector<EventOutcome> outcomes;
  for (int pass = 1;; ++pass) {
    const auto approval_id = store_.latest_approval_id();
    pool_.run_each([&](std::size_t worker) {
      handlers_[worker]->forget_state();
      for (auto index : shards[worker]) handlers_[worker]->handle(items[index]);
    });
    outcomes.clear();
    outcomes.reserve(items.size());
    for (auto& item : items) {
      if (item.failure) dead_letters.push_back(*item.failure);
      outcomes.push_back(std::move(item.outcome));
    }
    // What plugins saved while handling the batch goes with it (API 1.4).
    const auto plugin_state = runtime_.plugin_state->unsaved();
    if (store_.commit_unless_approved_after(approval_id, outcomes, dead_letters, checkpoints, plugin_state)) {
      runtime_.plugin_state->committed();
      break;
    }
    if (pass == kMaxBatchPasses) {
      // Approvals keep coming faster than a batch: commit what we have
      // (the decisions and their actions stay; a count may miss one).
      spdlog::warn("approvals were decided during {} passes of one batch; committing the last pass", pass);
      store_.commit(outcomes, dead_letters, checkpoints, plugin_state);
      runtime_.plugin_state->committed();
      break;
    }
    dead_letters.erase(dead_letters.begin() + static_cast<std::ptrdiff_t>(letters_before), dead_letters.end());
    for (auto& item : items) item.clear_results();
    runtime_.plugin_state->discard_unsaved();
  }
  for (std::size_t index = 0; index < items.size(); ++index) items[index].outcome = std::move(outcomes[index]);
  if (runtime_.clock->mode() == ClockMode::events) {
    for (const auto& item : items) runtime_.clock->observe(item.event.created_at);
    store_.save_clock(runtime_.clock->now());
  }
  finish_batch(items, dead_letters);
}

void Engine::handle_batch_overlapped(std::vector<HandledEvent> items, std::vector<DeadLetter> dead_letters,
                                     std::vector<Checkpoint> checkpoints) {
  auto batch = std::make_unique<BatchInFlight>();
  batch->items = std::move(items);
  batch->dead_letters = std::move(dead_letters);
  batch->polled_dead_letters = batch->dead_letters.size();
  batch->checkpoints = std::move(checkpoints);
  const auto shards = shard(batch->items);
  // With a batch in flight, this one starts from its state: the store as it
  // was at that batch's approval id, plus that batch. So an approval decided
  // since then makes this commit refuse too. Else from the store, as
  // handle_batch's passes do.
  const bool carry_over = in_flight_ != nullptr;
  batch->approval_id = carry_over ? in_flight_->approval_id : store_.latest_approval_id();
  // One read transaction for the batch's store reads, not one per read
  // (docs/performance.md): this connection writes nothing until the batch
  // in flight is finished.
  {
    store_.begin_reads();
    struct EndReads {
      Store& store;
      ~EndReads() { store.end_reads(); }
    } end_reads{store_};
    pool_.run_each([&](std::size_t worker) {
      if (carry_over) {
        handlers_[worker]->carry_state_over();
      } else {
        handlers_[worker]->forget_state();
      }
      for (auto index : shards[worker]) handlers_[worker]->handle(batch->items[index]);
    });
  }
  batch->outcomes.reserve(batch->items.size());
  for (auto& item : batch->items) {
    if (item.failure) batch->dead_letters.push_back(*item.failure);
    batch->event_ids.insert(item.event.id);
    batch->outcomes.push_back(std::move(item.outcome));
  }
  for (const auto& letter : batch->dead_letters) {
    if (!letter.event_id.empty()) batch->event_ids.insert(letter.event_id);
  }
  batch->plugin_state = runtime_.plugin_state->unsaved();
  // Early: the next batch's plugins read these values from the buffer until
  // the store has them. A refused commit discards them (discard_all).
  runtime_.plugin_state->committed();
  std::optional<std::int64_t> clock_to_save;
  if (runtime_.clock->mode() == ClockMode::events) {
    for (const auto& item : batch->items) runtime_.clock->observe(item.event.created_at);
    clock_to_save = runtime_.clock->now();
  }

  if (!finish_batch_in_flight()) {
    // The batch before was handled again from newer state than this one saw.
    batch->forget_handling();
    handle_batch(batch->items, batch->dead_letters, batch->checkpoints);
    return;
  }
  auto* writer = commit_store_.get();
  auto* pending = batch.get();
  batch->committed = std::async(std::launch::async, [writer, pending, clock_to_save] {
    if (!writer->commit_unless_approved_after(pending->approval_id, pending->outcomes, pending->dead_letters,
                                              pending->checkpoints, pending->plugin_state)) {
      return false;
    }
    if (clock_to_save) writer->save_clock(*clock_to_save);
    return true;
  });
  in_flight_ = std::move(batch);
}

bool Engine::finish_batch_in_flight() {
  if (!in_flight_) return true;
  auto batch = std::move(in_flight_);
  if (!batch->committed.get()) {
    // An approval was decided while it was handled: handle it again from
    // the approved state, and everything handled after it too.
    // (handle_batch's passes start from the store: the handlers forget the
    // state they carried.)
    runtime_.plugin_state->discard_all();
    batch->forget_handling();
    handle_batch(batch->items, batch->dead_letters, batch->checkpoints);
    return false;
  }
  for (std::size_t index = 0; index < batch->items.size(); ++index) {
    batch->items[index].outcome = std::move(batch->outcomes[index]);
  }
  finish_batch(batch->items, batch->dead_letters);
  return true;
}

void Engine::finish_batch(std::vector<HandledEvent>& items, const std::vector<DeadLetter>& dead_letters) {
  summary_.dead_letters += dead_letters.size();
  if (options_.on_dead_letter) {
    for (const auto& letter : dead_letters) options_.on_dead_letter(letter);
  }
  for (auto& item : items) {
    for (auto& entry : item.outcome.actions) {
      // id 0: the outbox already had this key (an earlier run recorded it).
      if (entry.status == OutboxStatus::pending && entry.id != 0) execute(entry);
    }
    count(item);
    if (options_.on_event) options_.on_event(item);
  }
}

void Engine::count(const HandledEvent& item) {
  ++(item.timer ? summary_.timers_fired : summary_.events);
  summary_.timers_set += item.outcome.timers_set.size();
  for (const auto& entry : item.outcome.actions) {
    switch (entry.status) {
      case OutboxStatus::done: ++summary_.executed; break;
      case OutboxStatus::dry_run: ++summary_.dry_run; break;
      case OutboxStatus::blocked: ++summary_.blocked; break;
      case OutboxStatus::pending_approval: ++summary_.parked; break;
      case OutboxStatus::failed: ++summary_.failed; break;
      case OutboxStatus::pending:
      case OutboxStatus::rejected: break;  // rejected: only by `parley approvals`, never during a run
    }
  }
}

void Engine::recover_pending_actions() {
  for (auto& entry : store_.outbox(OutboxStatus::pending)) {
    spdlog::info("executing action '{}' left pending by an interrupted run", entry.action.idempotency_key);
    execute(entry, /*may_have_run_before=*/true);
    ++summary_.recovered;
  }
}

void Engine::execute(OutboxEntry& entry, bool may_have_run_before) {
  if (auto letter = execute_action(runtime_, store_, retry_, entry, may_have_run_before)) {
    ++summary_.dead_letters;
    if (options_.on_dead_letter) options_.on_dead_letter(*letter);
  }
}

}  // namespace parley::host
