#include "engine/approval_effects.hpp"

#include <nlohmann/json.hpp>

#include "engine/allowed_action.hpp"
#include "engine/author_identity.hpp"

namespace parley::host {

namespace {

/// The account of a case key "account/author/thread", for audit records
/// written before parked events recorded it.
std::string account_of_case(const std::string& case_key, const std::string& author_id) {
  const auto at = case_key.find("/" + author_id + "/");
  return at == std::string::npos ? std::string() : case_key.substr(0, at);
}

}  // namespace

std::int64_t approval_time(ClockMode mode, Store& store) {
  EngineClock clock;
  clock.start(mode, std::nullopt, store.load_clock());
  const auto now = clock.now();
  if (now > 0) return now;
  clock.start(ClockMode::wall, std::nullopt, 0);
  return clock.now();
}

std::optional<EventOutcome> approval_outcome(Store& store, const OutboxEntry& approved, std::int64_t at) {
  const auto audit = store.audit_of_event(approved.event_id);
  if (!audit) return std::nullopt;
  auto record = nlohmann::json::parse(audit->record_json, nullptr, false);
  if (!record.is_object()) record = nlohmann::json::object();
  auto fields = record.value("parked_event", nlohmann::json::object());
  const auto author_id = record.value("author", approved.action.target_author_id);
  if (!fields.contains("account")) {
    // An older record: what a timer needs is rebuilt from what it kept.
    const auto attributes = record.value("attributes", nlohmann::json::object());
    fields = {{"id", approved.event_id},
              {"account", account_of_case(audit->case_key, author_id)},
              {"lang", attributes.value("lang", "")},
              {"author", {{"id", author_id}}}};
  }

  // The event's own connector: a routed action's entry names the one that carries it out.
  const auto event_connector_id = record.value("connector", approved.connector_id);

  EventOutcome outcome;
  outcome.event_id = approved.event_id;
  outcome.connector_id = event_connector_id;
  outcome.case_key = audit->case_key;
  outcome.account = fields.value("account", "");
  outcome.author_id = author_id;
  outcome.at = at;
  outcome.case_after = store.load_case(outcome.case_key);
  // A linked person's history, as when the action was parked (identities:).
  AuthorIdentity author{outcome.account, author_id, ""};
  if (const auto person = record.find("person"); person != record.end() && person->is_string()) {
    author = {kPersonAccount, person->get<std::string>(), event_connector_id + ":" + author_id};
  }
  outcome.memory_account = author.account;
  outcome.memory_author_id = author.author_id;
  outcome.author_after = store.load_author(author.account, author.author_id);
  see_ban_of(outcome.author_after, author);
  const ActionSite site{outcome.case_key,
                        approved.event_id,
                        event_connector_id,
                        at,
                        [&fields] { return fields.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace); },
                        author.linked_account};
  auto entry = approved;
  if (apply_allowed_action(entry.action, site, outcome.case_after, outcome.author_after, outcome)) {
    mark_done_by_host(entry);
  }
  outcome.actions.push_back(std::move(entry));
  return outcome;
}

ApprovalEffects approval_effects(Store& store, std::int64_t at) {
  return [&store, at](const OutboxEntry& approved) { return approval_outcome(store, approved, at); };
}

}  // namespace parley::host
