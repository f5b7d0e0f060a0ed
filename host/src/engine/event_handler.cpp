#include "engine/event_handler.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "engine/action_routes.hpp"
#include "engine/allowed_action.hpp"
#include "engine/audit_record.hpp"
#include "engine/author_memory.hpp"
#include "engine/timer_event.hpp"
#include "plugins/host_plugin_context.hpp"
#include "store/event_json.hpp"

namespace parley::host {

std::string case_key(const Event& event) {
  return event.account + "/" + event.author.id + "/" + (event.thread_id.empty() ? event.id : event.thread_id);
}

std::optional<DeadLetter> classify(const PipelineRuntime& runtime, const Event& event, Labels& labels,
                                   const RetryPolicy& retry) {
  for (const auto& classifier : runtime.classifiers) {
    // A retried classifier starts from the labels it was given, not half its own.
    const Labels before = labels;
    auto error = call_plugin(
        [&] {
          labels = before;
          classifier.object->classify(event, labels);
        },
        retry, classifier.plugin, event.id, "classify", runtime.secrets.get());
    if (error) return DeadLetter{"classify", classifier.plugin, event.id, "", *error, event.raw, 0};
  }
  return std::nullopt;
}

void apply_injected(const Labels& injected, Labels& labels) {
  for (const auto& [name, score] : injected.scores()) labels.set(name, score);
  for (const auto& [name, value] : injected.attributes()) labels.set_attribute(name, value);
}

EventHandler::EventHandler(const PipelineRuntime& runtime, Store& store, RetryPolicy retry, bool dry_run)
    : runtime_(runtime), store_(store), retry_(retry), dry_run_(dry_run) {}

void HandledEvent::clear_results() {
  labels = {};
  if (!timer) case_key.clear();  // a timer event's is its timer's
  handled_at = 0;
  case_before = {};
  substitutions.clear();
  decisions.clear();
  routed.clear();
  failure.reset();
  outcome = {};
}

void EventHandler::forget_state() {
  cases_.clear();
  authors_.clear();
  uncommitted_cases_.clear();
  uncommitted_authors_.clear();
}

void EventHandler::carry_state_over() {
  uncommitted_cases_ = std::move(cases_);
  uncommitted_authors_ = std::move(authors_);
  cases_.clear();
  authors_.clear();
}

namespace {
/// The uncommitted state of `key` if the batch before touched it (moved: each
/// key is looked up there once per batch), else the store's.
template <typename State, typename LoadFromStore>
State carried_or_loaded(std::unordered_map<std::string, State>& uncommitted, const std::string& key,
                        LoadFromStore load) {
  const auto carried = uncommitted.find(key);
  if (carried == uncommitted.end()) return load();
  return std::move(carried->second);
}
}  // namespace

CaseState& EventHandler::case_state(const std::string& key) {
  auto found = cases_.find(key);
  if (found == cases_.end()) {
    auto state = carried_or_loaded(uncommitted_cases_, key, [&] { return store_.load_case(key); });
    found = cases_.emplace(key, std::move(state)).first;
  }
  return found->second;
}

AuthorState& EventHandler::author_state(const AuthorIdentity& author) {
  const auto key = author.shard_key();
  auto found = authors_.find(key);
  if (found == authors_.end()) {
    auto state = carried_or_loaded(uncommitted_authors_, key,
                                   [&] { return store_.load_author(author.account, author.author_id); });
    found = authors_.emplace(key, std::move(state)).first;
  }
  see_ban_of(found->second, author);
  return found->second;
}

namespace {
CaseView case_view(const std::string& key, const CaseState& case_now, const AuthorState& author_now) {
  CaseView view;
  view.key = key;
  view.status = case_now.status;
  view.case_events = case_now.events;
  view.author_events = author_now.events;
  view.author_warnings = author_now.warnings;
  view.author_banned = author_now.banned;
  view.last_actions = case_now.last_actions;
  view.origin_event_id = case_now.origin_event_id;
  view.opened_at = case_now.opened_at;
  view.status_since = case_now.status_since;
  view.first_response_at = case_now.first_response_at;
  view.author_concessions = author_now.concessions;
  view.open_timers = case_now.open_timers;
  return view;
}
}  // namespace

void EventHandler::handle(HandledEvent& item) {
  const auto& event = item.event;
  const bool is_timer = item.timer.has_value();
  if (item.case_key.empty()) item.case_key = case_key(event);
  auto& case_now = case_state(item.case_key);
  // The engine sets it when it shards the batch; a caller of handle() alone may not.
  if (item.author.author_id.empty())
    item.author = author_identity(runtime_.config.identities, item.connector_id, event);
  auto& author_now = author_state(item.author);
  // Plugins called for this event read its time from PluginContext::now_ms().
  const auto& clock = *runtime_.clock;
  const auto now = clock.event_now(event.created_at);
  const EventTimeScope time_scope(clock, now);
  item.handled_at = now;
  const auto at = event_time(event, now);
  if (case_now.origin_event_id.empty() && !is_timer) {
    // The case opens with this event, so its view already names it.
    case_now.origin_event_id = event.id;
    case_now.opened_at = at;
    case_now.status_since = at;
  }
  item.case_before = case_view(item.case_key, case_now, author_now);

  if (!is_timer) {  // a timer event is the host's, not the author's: no classifiers, no history
    remember_customer_tier(author_now, event);
    {
      const auto history = author_history(author_now, at);
      AuthorHistoryScope scope(event, history);
      item.failure = classify(runtime_, event, item.labels, retry_);
    }
    if (!item.failure) apply_injected(item.injected, item.labels);
    if (!item.failure) remember_complaint(author_now, item.labels, at);
  }
  std::vector<Action> proposals;
  for (const auto& responder : runtime_.responders) {
    if (item.failure) break;
    const auto proposed_before = proposals.size();
    auto error = call_plugin(
        [&] {
          proposals.resize(proposed_before);
          responder.object->respond(event, item.labels, item.case_before, proposals);
        },
        retry_, responder.plugin, event.id, "respond", runtime_.secrets.get());
    if (error) item.failure = DeadLetter{"respond", responder.plugin, event.id, "", *error, event.raw, 0};
  }
  if (item.failure) {
    proposals.clear();
    item.failure->location = item.connector_id;
    // The whole event, so `parley dead-letters retry` can requeue it once
    // the plugin is fixed.
    item.failure->connector_id = item.connector_id;
    item.failure->event_json = event_to_json(event).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  }

  // Fill what responders may leave out, and give each action its key.
  std::unordered_map<std::string, int> key_uses;
  for (auto& action : proposals) {
    if (action.target_event_id.empty()) action.target_event_id = event.id;
    // A timer event is not on the platform: act on the event it was set for.
    if (is_timer && action.target_event_id == event.id) action.target_event_id = event.parent_id;
    if (action.target_author_id.empty()) action.target_author_id = event.author.id;
    drop_source_event_params(action);  // the host's to set (record())
    auto key =
        runtime_.config.client + "/" + event.id + "/" + action.rule_id + "/" + std::string(to_string(action.kind));
    if (const int uses = key_uses[key]++; uses > 0) key += "#" + std::to_string(uses);
    action.idempotency_key = std::move(key);
  }
  // Fallbacks first, so the guard decides on what would really be done, each
  // action by the connector that carries it out (`routes:` may name another).
  const CapabilitiesOf capabilities_of = [this, &item](const Action& action) {
    return runtime_.capabilities_of(carrier_of(runtime_.config, action, item.connector_id));
  };
  item.substitutions = substitute_fallbacks(proposals, capabilities_of, runtime_.config.policy.never);
  item.decisions = runtime_.guard.review(proposals, item.labels, author_now, capabilities_of);
  record(item, case_now, author_now);
}

void EventHandler::record(HandledEvent& item, CaseState& case_now, AuthorState& author_now) {
  auto& outcome = item.outcome;
  outcome.event_id = item.event.id;
  outcome.connector_id = item.connector_id;
  outcome.case_key = item.case_key;
  outcome.account = item.event.account;
  outcome.author_id = item.event.author.id;
  outcome.memory_account = item.author.account;
  outcome.memory_author_id = item.author.author_id;
  outcome.at = item.handled_at;
  if (item.timer) {
    // Fired even when a responder failed on it: the dead letter says so,
    // and a timer never fires twice.
    outcome.timer_fired = item.timer->key;
    if (case_now.open_timers > 0) --case_now.open_timers;
  } else {
    outcome.activity = {item.event.thread_id, item.event.author.is_brand, event_time(item.event, item.handled_at)};
  }
  if (!item.failure) {
    if (!item.timer) {
      ++case_now.events;
      ++author_now.events;
    }
    for (const auto& decision : item.decisions) {
      OutboxEntry entry;
      entry.connector_id = carrier_of(runtime_.config, decision.action, item.connector_id);
      entry.event_id = item.event.id;
      entry.action = decision.action;
      if (entry.connector_id != item.connector_id) {
        // The carrying connector never saw the event: the entry keeps what it needs.
        add_source_event_params(entry.action, item.event, item.connector_id);
        item.routed[entry.action.idempotency_key] = entry.connector_id;
      }
      entry.note = decision.reason;
      switch (decision.verdict) {
        case Verdict::blocked: entry.status = OutboxStatus::blocked; break;
        case Verdict::parked: entry.status = OutboxStatus::pending_approval; break;
        case Verdict::allowed: entry.status = dry_run_ ? OutboxStatus::dry_run : OutboxStatus::pending; break;
      }
      if (decision.verdict == Verdict::allowed) {
        const ActionSite site{item.case_key,
                              item.event.id,
                              item.connector_id,
                              item.handled_at,
                              [&item] { return timer_event_json(item.event, item.labels); },
                              item.author.linked_account};
        // A dry run keeps the timer in its in-memory state, so it can still
        // fire within the run, but its outbox entry stays dry_run.
        if (apply_allowed_action(entry.action, site, case_now, author_now, outcome) && !dry_run_) {
          mark_done_by_host(entry);
        }
      }
      outcome.actions.push_back(std::move(entry));
    }
  }
  outcome.case_after = case_now;
  outcome.author_after = author_now;
  outcome.audit_json = audit_json(item);
}

nlohmann::json labels_json(const Labels& labels) {
  nlohmann::json scores = nlohmann::json::object();
  for (const auto& [name, score] : labels.scores()) scores[name] = score;
  return scores;
}

nlohmann::json attributes_json(const Labels& labels) {
  nlohmann::json attributes = nlohmann::json::object();
  for (const auto& [name, value] : labels.attributes()) attributes[name] = value;
  return attributes;
}

}  // namespace parley::host
