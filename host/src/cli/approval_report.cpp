#include "cli/approval_report.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <ctime>

#include "cli/decision_table.hpp"

namespace parley::host {

namespace {

constexpr std::size_t kPreviewChars = 90;

nlohmann::json entry_json(const OutboxEntry& entry) {
  const auto& action = entry.action;
  return {{"id", entry.id},
          {"key", action.idempotency_key},
          {"status", to_string(entry.status)},
          {"event", entry.event_id},
          {"connector", entry.connector_id},
          {"kind", to_string(action.kind)},
          {"rule", action.rule_id},
          {"reason", action.reason},
          {"guard_note", entry.note},
          {"text", action.text},
          {"params", action.params},
          {"target_event", action.target_event_id},
          {"target_author", action.target_author_id},
          {"created_at", utc_time(entry.created_at)}};
}

/// What a person needs at a glance: the text, or for actions without one
/// (escalate, ban) the parameters.
std::string summary_line(const Action& action) {
  if (!action.text.empty()) return "» " + preview(action.text, kPreviewChars);
  if (!action.params.empty()) return "params " + preview(params_text(action.params), kPreviewChars);
  return "(no text)";
}

/// The audit record's labels, strongest first, and its attributes.
std::string labels_text(const nlohmann::json& record) {
  // Copies: iterating items() of a temporary would dangle.
  const auto labels = record.value("labels", nlohmann::json::object());
  const auto attributes = record.value("attributes", nlohmann::json::object());
  std::vector<std::pair<std::string, double>> scores;
  for (const auto& [name, score] : labels.items()) {
    if (score.is_number()) scores.emplace_back(name, score.get<double>());
  }
  std::stable_sort(scores.begin(), scores.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  std::string text;
  for (const auto& [name, score] : scores) text += fmt::format("{}{} {:.2f}", text.empty() ? "" : ", ", name, score);
  for (const auto& [name, value] : attributes.items()) {
    text += fmt::format("{}{}={}", text.empty() ? "" : ", ", name, value.is_string() ? value.get<std::string>() : "");
  }
  return text.empty() ? "(none)" : text;
}

std::string timer_text(const Timer& timer) {
  return fmt::format("'{}' due {}{}", timer.purpose, utc_time(timer.due_at), timer.fired ? " (fired)" : "");
}

nlohmann::json transition_json(const CaseTransition& transition) {
  return {{"case", transition.case_key},  {"from", transition.from},    {"to", transition.to},
          {"event", transition.event_id}, {"rule", transition.rule_id}, {"at", utc_time(transition.at)}};
}

}  // namespace

std::string params_text(const std::map<std::string, std::string>& params) {
  std::string text;
  for (const auto& [name, value] : params) text += fmt::format("{}{}={}", text.empty() ? "" : ", ", name, value);
  return text;
}

std::string utc_time(std::int64_t ms) {
  const std::time_t seconds = static_cast<std::time_t>(ms / 1000);
  std::tm parts{};
  gmtime_r(&seconds, &parts);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &parts);
  return buffer;
}

std::string age(std::int64_t ms, std::int64_t now_ms) {
  const auto seconds = std::max<std::int64_t>(0, (now_ms - ms) / 1000);
  if (seconds < 60) return fmt::format("{}s", seconds);
  if (seconds < 3600) return fmt::format("{}m", seconds / 60);
  if (seconds < 86400) return fmt::format("{}h", seconds / 3600);
  return fmt::format("{}d", seconds / 86400);
}

std::string list_text(const std::vector<OutboxEntry>& parked, std::int64_t now_ms) {
  if (parked.empty()) return "No actions waiting for approval.\n";
  std::string out;
  for (const auto& entry : parked) {
    const auto& action = entry.action;
    out += fmt::format("#{:<5} {:<16} event {}  {} ago  rule {}\n", entry.id, to_string(action.kind), entry.event_id,
                       age(entry.created_at, now_ms), action.rule_id);
    out += fmt::format("       why      {}\n", preview(action.reason, kPreviewChars));
    out += fmt::format("       parked   {}\n", preview(entry.note, kPreviewChars));
    out += fmt::format("       {}\n\n", summary_line(action));
  }
  out += fmt::format(
      "{} action(s) waiting. Details: parley approvals show FILE ID; decide: parley approvals approve FILE ID --by "
      "NAME, or reject FILE ID --by NAME --note WHY\n",
      parked.size());
  return out;
}

nlohmann::json list_json(const std::vector<OutboxEntry>& parked, std::int64_t now_ms) {
  auto list = nlohmann::json::array();
  for (const auto& entry : parked) {
    auto item = entry_json(entry);
    item["age_seconds"] = std::max<std::int64_t>(0, (now_ms - entry.created_at) / 1000);
    list.push_back(std::move(item));
  }
  return list;
}

std::string decision_text(const ApprovalDecision& decision) {
  auto text = fmt::format("{} by {} at {}", decision_name(decision), decision.by, utc_time(decision.decided_at));
  if (!decision.note.empty()) text += " (note: " + decision.note + ")";
  return text;
}

nlohmann::json decision_json(const ApprovalDecision& decision) {
  return {{"decision", decision_name(decision)},
          {"by", decision.by},
          {"note", decision.note},
          {"decided_at", utc_time(decision.decided_at)}};
}

std::string show_text(const ApprovalDetails& details, std::int64_t now_ms) {
  const auto& entry = details.entry;
  const auto& action = entry.action;
  std::string out =
      fmt::format("Action #{}  {}  status {}\n", entry.id, to_string(action.kind), to_string(entry.status));
  auto line = [&](const char* name, const std::string& value) { out += fmt::format("  {:<11} {}\n", name, value); };
  line("key", action.idempotency_key);
  line("event", entry.event_id + " (connector " + entry.connector_id + ")");
  line("target", "event " + action.target_event_id + ", author " + action.target_author_id);
  line("rule", action.rule_id + ": " + action.reason);
  if (!entry.note.empty()) line(entry.status == OutboxStatus::failed ? "error" : "guard", entry.note);
  line("params", action.params.empty() ? "(none)" : params_text(action.params));
  line("text", action.text.empty() ? "(none)" : action.text);
  line("created", utc_time(entry.created_at) + " (" + age(entry.created_at, now_ms) + " ago)");
  if (entry.attempts > 0) line("attempts", std::to_string(entry.attempts));
  if (!entry.platform_id.empty()) line("platform id", entry.platform_id);
  if (details.decisions.empty()) line("decision", "(none yet)");
  for (const auto& decision : details.decisions) line("decision", decision_text(decision));
  for (const auto& transition : details.transitions) {
    line("case move", fmt::format("{} → {} at {}", transition.from, transition.to, utc_time(transition.at)));
  }
  if (details.timer) line("timer", timer_text(*details.timer));
  if (!details.audit) {
    line("audit", "(no audit record for this event)");
    return out;
  }
  const auto record = nlohmann::json::parse(details.audit->record_json, nullptr, false);
  if (record.is_discarded()) {
    line("audit", "(unreadable audit record)");
    return out;
  }
  line("case", record.value("case", "") + " (status before the event: " + record.value("case_status_before", "") + ")");
  line("author", record.value("author", ""));
  line("labels", labels_text(record));
  return out;
}

nlohmann::json show_json(const ApprovalDetails& details) {
  auto json = entry_json(details.entry);
  json["attempts"] = details.entry.attempts;
  json["platform_id"] = details.entry.platform_id;
  json["decisions"] = nlohmann::json::array();
  for (const auto& decision : details.decisions) json["decisions"].push_back(decision_json(decision));
  json["transitions"] = nlohmann::json::array();
  for (const auto& transition : details.transitions) json["transitions"].push_back(transition_json(transition));
  json["timer"] = nullptr;
  if (details.timer) {
    json["timer"] = {{"purpose", details.timer->purpose},
                     {"due_at", utc_time(details.timer->due_at)},
                     {"fired", details.timer->fired}};
  }
  json["audit"] = nullptr;
  if (details.audit) {
    auto record = nlohmann::json::parse(details.audit->record_json, nullptr, false);
    json["audit"] = record.is_discarded() ? nlohmann::json(details.audit->record_json) : record;
  }
  return json;
}

std::string effects_text(const EventOutcome& effects) {
  std::string text;
  for (const auto& transition : effects.transitions) {
    text += fmt::format("Case {}: {} → {}.\n", transition.case_key, transition.from, transition.to);
  }
  const auto& author = effects.author_after;
  text += fmt::format("Author {}: {} warning(s), {}, {} concession(s).\n", effects.author_id, author.warnings,
                      author.banned ? "banned" : "not banned", author.concessions);
  for (const auto& timer : effects.timers_set) text += "Timer " + timer_text(timer) + ".\n";
  return text;
}

nlohmann::json effects_json(const EventOutcome& effects) {
  auto transitions = nlohmann::json::array();
  for (const auto& transition : effects.transitions) transitions.push_back(transition_json(transition));
  auto timers = nlohmann::json::array();
  for (const auto& timer : effects.timers_set) {
    timers.push_back({{"key", timer.key}, {"purpose", timer.purpose}, {"due_at", utc_time(timer.due_at)}});
  }
  return {{"case", effects.case_key},
          {"case_status", effects.case_after.status},
          {"transitions", transitions},
          {"author", effects.author_id},
          {"author_warnings", effects.author_after.warnings},
          {"author_banned", effects.author_after.banned},
          {"author_concessions", effects.author_after.concessions},
          {"timers", timers}};
}

nlohmann::json redact_json(const nlohmann::json& json, const SecretRegistry& secrets) {
  if (json.is_string()) return secrets.redact(json.get<std::string>());
  if (json.is_array()) {
    auto out = nlohmann::json::array();
    for (const auto& item : json) out.push_back(redact_json(item, secrets));
    return out;
  }
  if (json.is_object()) {
    auto out = nlohmann::json::object();
    for (const auto& [key, value] : json.items()) out[secrets.redact(key)] = redact_json(value, secrets);
    return out;
  }
  return json;
}

}  // namespace parley::host
