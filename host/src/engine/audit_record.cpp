#include "engine/audit_record.hpp"

#include <algorithm>

#include "engine/timer_event.hpp"
#include "json/json_writer.hpp"

namespace parley::host {

namespace {

void write_decisions(JsonWriter& out, const HandledEvent& item) {
  out.key("decisions").begin_array();
  for (const auto& decision : item.decisions) {
    // Texts and params live in the outbox under the same key; the audit
    // record says what was proposed by which rule and what the guard did.
    const auto& action = decision.action;
    out.begin_object()
        .field("key", action.idempotency_key)
        .field("kind", to_string(action.kind))
        .field("rule", action.rule_id)
        .field("verdict", to_string(decision.verdict));
    if (!decision.reason.empty()) out.field("guard_reason", decision.reason);
    if (auto routed = item.routed.find(action.idempotency_key); routed != item.routed.end()) {
      out.field("routed_to", routed->second);
    }
    if (auto replaced = action.params.find("fallback_for"); replaced != action.params.end()) {
      out.field("fallback_for", replaced->second);
    }
    out.end_object();
  }
  out.end_array();
}

void write_substitutions(JsonWriter& out, const HandledEvent& item) {
  out.key("substitutions").begin_array();
  for (const auto& substitution : item.substitutions) {
    out.begin_object()
        .field("key", substitution.key)
        .field("kind", to_string(substitution.kind))
        .field("rule", substitution.rule_id);
    out.key("replaced_by").begin_array();
    for (std::size_t index = 0; index < substitution.replacement_keys.size(); ++index) {
      out.begin_object()
          .field("key", substitution.replacement_keys[index])
          .field("kind", to_string(substitution.replacement_kinds[index]))
          .end_object();
    }
    out.end_array();
    if (substitution.connector_id != item.connector_id) out.field("connector", substitution.connector_id);
    if (!substitution.already_proposed.empty()) {
      out.key("already_proposed").begin_array();
      for (const auto kind : substitution.already_proposed) out.value(to_string(kind));
      out.end_array();
    }
    out.end_object();
  }
  out.end_array();
}

void write_labels(JsonWriter& out, const Labels& labels) {
  out.key("labels").begin_object();
  for (const auto& [name, score] : labels.scores()) out.field(name, score);
  out.end_object();
  out.key("attributes").begin_object();
  for (const auto& [name, value] : labels.attributes()) out.field(name, value);
  out.end_object();
}

}  // namespace

std::string audit_json(const HandledEvent& item) {
  JsonWriter out;
  const auto& transitions = item.outcome.transitions;
  out.begin_object()
      .field("event", item.event.id)
      .field("connector", item.connector_id)
      .field("author", item.event.author.id)
      .field("case", item.case_key)
      .field("at", item.handled_at)
      .field("case_status_before", item.case_before.status)
      .field("case_status_after", transitions.empty() ? item.case_before.status : transitions.back().to);
  out.key("transitions").begin_array();
  for (const auto& transition : transitions) {
    out.begin_object()
        .field("from", transition.from)
        .field("to", transition.to)
        .field("rule", transition.rule_id)
        .field("at", transition.at)
        .end_object();
  }
  out.end_array();
  write_labels(out, item.labels);
  write_decisions(out, item);
  if (!item.substitutions.empty()) write_substitutions(out, item);
  // The linked person whose history the event counted in (identities:).
  if (item.author.linked()) out.field("person", item.author.author_id);
  const bool parked = std::any_of(item.decisions.begin(), item.decisions.end(),
                                  [](const GuardDecision& decision) { return decision.verdict == Verdict::parked; });
  if (parked) {
    // What approving a parked action later needs of this event: its account
    // and author (whose state it changes) and a follow_up timer's fields.
    out.key("parked_event").raw(timer_event_json(item.event, item.labels));
    // What the customer wrote, for the person who decides (parley console).
    out.field("parked_event_text", item.event.text);
  }
  if (const auto& timer = item.timer) {
    out.key("timer")
        .begin_object()
        .field("key", timer->key)
        .field("purpose", timer->purpose)
        .field("rule", timer->rule_id)
        .field("set_at", timer->set_at)
        .field("due_at", timer->due_at);
    out.key("metadata").begin_object();
    for (const auto& [name, value] : item.event.metadata) out.field(name, value);
    out.end_object().end_object();
  }
  if (const auto& failure = item.failure) {
    out.key("failure")
        .begin_object()
        .field("stage", failure->stage)
        .field("plugin", failure->plugin)
        .field("error", failure->error)
        .end_object();
  }
  out.end_object();
  return out.take();
}

}  // namespace parley::host
