#include "engine/event_handler.hpp"

#include <chrono>
#include <nlohmann/json.hpp>

#include "engine/author_memory.hpp"
#include "plugins/host_plugin_context.hpp"

namespace parley::host {

std::string shard_key(const Event& event) { return event.account + "/" + event.author.id; }

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

CaseState& EventHandler::case_state(const std::string& key) {
  auto found = cases_.find(key);
  if (found == cases_.end()) found = cases_.emplace(key, store_.load_case(key)).first;
  return found->second;
}

AuthorState& EventHandler::author_state(const Event& event) {
  const auto key = shard_key(event);
  auto found = authors_.find(key);
  if (found == authors_.end()) found = authors_.emplace(key, store_.load_author(event.account, event.author.id)).first;
  return found->second;
}

void EventHandler::handle(HandledEvent& item) {
  const auto& event = item.event;
  item.case_key = case_key(event);
  auto& case_now = case_state(item.case_key);
  auto& author_now = author_state(event);
  // The API 1.2 members keep their defaults until the engine tracks them.
  item.case_before = CaseView{};
  item.case_before.key = item.case_key;
  item.case_before.status = case_now.status;
  item.case_before.case_events = case_now.events;
  item.case_before.author_events = author_now.events;
  item.case_before.author_warnings = author_now.warnings;
  item.case_before.author_banned = author_now.banned;
  item.case_before.last_actions = case_now.last_actions;

  remember_customer_tier(author_now, event);
  const auto now =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
          .count();
  const auto at = event_time(event, now);
  {
    const auto history = author_history(author_now, at);
    AuthorHistoryScope scope(event, history);
    item.failure = classify(runtime_, event, item.labels, retry_);
  }
  if (!item.failure) apply_injected(item.injected, item.labels);
  if (!item.failure) remember_complaint(author_now, item.labels, at);
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
  }

  // Fill what responders may leave out, and give each action its key.
  std::unordered_map<std::string, int> key_uses;
  for (auto& action : proposals) {
    if (action.target_event_id.empty()) action.target_event_id = event.id;
    if (action.target_author_id.empty()) action.target_author_id = event.author.id;
    auto key =
        runtime_.config.client + "/" + event.id + "/" + action.rule_id + "/" + std::string(to_string(action.kind));
    if (const int uses = key_uses[key]++; uses > 0) key += "#" + std::to_string(uses);
    action.idempotency_key = std::move(key);
  }
  item.decisions = runtime_.guard.review(proposals, item.labels, author_now);
  record(item, case_now, author_now);
}

namespace {
const char* status_after(ActionKind kind, const std::string& current) {
  switch (kind) {
    case ActionKind::reply_public: return current == "new" ? "acknowledged" : nullptr;
    case ActionKind::reply_private: return "private";
    case ActionKind::escalate: return "escalated";
    case ActionKind::ban: return "banned";
    default: return nullptr;
  }
}
}  // namespace

void EventHandler::record(HandledEvent& item, CaseState& case_now, AuthorState& author_now) {
  auto& outcome = item.outcome;
  outcome.event_id = item.event.id;
  outcome.connector_id = item.connector_id;
  outcome.case_key = item.case_key;
  outcome.account = item.event.account;
  outcome.author_id = item.event.author.id;
  if (!item.failure) {
    ++case_now.events;
    ++author_now.events;
    for (const auto& decision : item.decisions) {
      OutboxEntry entry;
      entry.connector_id = item.connector_id;
      entry.event_id = item.event.id;
      entry.action = decision.action;
      entry.note = decision.reason;
      switch (decision.verdict) {
        case Verdict::blocked: entry.status = OutboxStatus::blocked; break;
        case Verdict::parked: entry.status = OutboxStatus::pending_approval; break;
        case Verdict::allowed: entry.status = dry_run_ ? OutboxStatus::dry_run : OutboxStatus::pending; break;
      }
      if (decision.verdict == Verdict::allowed) {
        const auto kind = decision.action.kind;
        if (kind == ActionKind::warn) ++author_now.warnings;
        if (kind == ActionKind::ban) author_now.banned = true;
        if (const char* next = status_after(kind, case_now.status)) case_now.status = next;
        case_now.last_actions.emplace_back(to_string(kind));
        if (case_now.last_actions.size() > CaseState::kMaxLastActions) {
          case_now.last_actions.erase(case_now.last_actions.begin());
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

std::string audit_json(const HandledEvent& item) {
  nlohmann::json decisions = nlohmann::json::array();
  for (const auto& decision : item.decisions) {
    // Texts and params live in the outbox under the same key; the audit
    // record says what was proposed by which rule and what the guard did.
    nlohmann::json entry = {{"key", decision.action.idempotency_key},
                            {"kind", to_string(decision.action.kind)},
                            {"rule", decision.action.rule_id},
                            {"verdict", to_string(decision.verdict)}};
    if (!decision.reason.empty()) entry["guard_reason"] = decision.reason;
    decisions.push_back(std::move(entry));
  }
  nlohmann::json record = {{"event", item.event.id},
                           {"connector", item.connector_id},
                           {"author", item.event.author.id},
                           {"case", item.case_key},
                           {"case_status_before", item.case_before.status},
                           {"labels", labels_json(item.labels)},
                           {"attributes", attributes_json(item.labels)},
                           {"decisions", decisions}};
  if (item.failure)
    record["failure"] = {
        {"stage", item.failure->stage}, {"plugin", item.failure->plugin}, {"error", item.failure->error}};
  return record.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace parley::host
