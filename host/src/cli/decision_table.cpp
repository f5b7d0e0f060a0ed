#include "cli/decision_table.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace parley::host {

namespace {

constexpr double kShownScore = 0.5;  // labels below this are noise in a table
constexpr std::size_t kShownLabels = 5;

const char* status_text(OutboxStatus status) {
  switch (status) {
    case OutboxStatus::done: return "done";
    case OutboxStatus::dry_run: return "dry-run";
    case OutboxStatus::blocked: return "BLOCKED";
    case OutboxStatus::pending_approval: return "PARKED";
    case OutboxStatus::failed: return "FAILED";
    case OutboxStatus::pending: return "pending";
    case OutboxStatus::rejected: return "REJECTED";
  }
  return "?";
}

std::string key_labels(const Labels& labels) {
  std::vector<Labels::Score> shown;
  for (const auto& score : labels.scores()) {
    if (score.second >= kShownScore) shown.push_back(score);
  }
  std::stable_sort(shown.begin(), shown.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  if (shown.size() > kShownLabels) shown.resize(kShownLabels);
  std::string text;
  for (const auto& [name, score] : shown) text += fmt::format("{}{} {:.2f}", text.empty() ? "" : ", ", name, score);
  for (const auto& [name, value] : labels.attributes()) {
    text += fmt::format("{}{}={}", text.empty() ? "" : ", ", name, value);
  }
  return text.empty() ? "(none)" : text;
}

/// "ban  FALLBACK  P8.ban: connector 'ig' cannot ban; instead: hide, reply_private"
void print_substitution(std::FILE* out, const HandledEvent& item, const Substitution& substitution) {
  std::string instead;
  for (const auto kind : substitution.replacement_kinds)
    instead += (instead.empty() ? "" : ", ") + std::string(to_string(kind));
  if (instead.empty()) instead = "nothing more";
  std::string already;
  for (const auto kind : substitution.already_proposed)
    already += (already.empty() ? "" : ", ") + std::string(to_string(kind));
  if (!already.empty()) already = " (already proposed: " + already + ")";
  fmt::print(out, "    {:<16} {:<8} {}: connector '{}' cannot {}; instead: {}{}\n", to_string(substitution.kind),
             "FALLBACK", substitution.rule_id,
             substitution.connector_id.empty() ? item.connector_id : substitution.connector_id,
             to_string(substitution.kind), instead, already);
}

}  // namespace

std::string preview(const std::string& text, std::size_t max_chars) {
  std::string result;
  std::size_t chars = 0;
  for (std::size_t index = 0; index < text.size(); ++index) {
    const auto byte = static_cast<unsigned char>(text[index]);
    const bool starts_char = (byte & 0xC0) != 0x80;
    if (starts_char && chars++ == max_chars) return result + "…";
    result += (byte == '\n' || byte == '\r' || byte == '\t') ? ' ' : text[index];
  }
  return result;
}

void DecisionTable::print_header(const PipelineConfig& config, const std::string& state) const {
  fmt::print(out_, "Pipeline {} ({}){}\nState    {}\n\n", config.client, config.file,
             dry_run_ ? "  [dry run: nothing is executed]" : "", state);
}

void DecisionTable::print_event(const HandledEvent& item) const {
  const auto& event = item.event;
  auto author = event.author.handle.empty() ? event.author.id : "@" + event.author.handle;
  // Their history counts across platforms (identities:): say whose it is.
  if (item.author.linked()) author += " (person " + item.author.author_id + ")";
  if (item.timer) {
    fmt::print(out_, "{}  {}  timer '{}' set by rule {} at {}, due {}\n", event.id, author, item.timer->purpose,
               item.timer->rule_id, format_clock_time(item.timer->set_at), format_clock_time(item.timer->due_at));
  } else {
    fmt::print(out_, "{}  {}  \"{}\"\n", event.id, author, preview(event.text, 70));
    fmt::print(out_, "    labels   {}\n", key_labels(item.labels));
  }
  if (item.failure) {
    fmt::print(out_, "    FAILED   plugin '{}' could not {} it: {} (dead-lettered)\n", item.failure->plugin,
               item.failure->stage, preview(item.failure->error, 100));
  } else if (item.outcome.actions.empty()) {
    fmt::print(out_, "    no rule matched: no action\n");
  }
  for (const auto& substitution : item.substitutions) print_substitution(out_, item, substitution);
  for (const auto& entry : item.outcome.actions) {
    const auto& action = entry.action;
    std::string why = action.rule_id + ": " + action.reason;
    // A routed action names where it goes: "escalate -> team".
    std::string kind(to_string(action.kind));
    if (entry.connector_id != item.connector_id) kind += " -> " + entry.connector_id;
    fmt::print(out_, "    {:<16} {:<8} {}\n", kind, status_text(entry.status), preview(why, 90));
    if (!entry.note.empty()) fmt::print(out_, "    {:<16} {:<8} ↳ {}\n", "", "", preview(entry.note, 100));
    if (!action.text.empty() && entry.status != OutboxStatus::blocked) {
      fmt::print(out_, "    {:<16} {:<8} » {}\n", "", "", preview(action.text, 90));
    }
  }
  for (const auto& set : item.outcome.timers_set) {
    fmt::print(out_, "    timer    '{}' due {}\n", set.purpose, format_clock_time(set.due_at));
  }
  if (!item.outcome.transitions.empty()) {
    std::string path = item.outcome.transitions.front().from;
    for (const auto& transition : item.outcome.transitions) path += " → " + transition.to;
    fmt::print(out_, "    case     {}\n", path);
  }
  fmt::print(out_, "\n");
}

void DecisionTable::print_dead_letter(const DeadLetter& letter) const {
  if (letter.stage == "input") {
    fmt::print(out_, "REJECTED  {}: {} (dead-lettered)\n\n", letter.location, letter.error);
  } else if (letter.stage == "poll") {
    fmt::print(out_, "STOPPED   connector '{}' failed on every attempt: {} (dead-lettered)\n\n", letter.location,
               preview(letter.error, 100));
  }  // event and action failures are shown with their event
}

void DecisionTable::print_summary(const RunSummary& summary) const {
  fmt::print(out_,
             "Summary: {} events handled, {} already handled earlier, {} actions {}, {} blocked by policy, "
             "{} parked for approval, {} failed, {} dead letters",
             summary.events, summary.already_seen, dry_run_ ? summary.dry_run : summary.executed,
             dry_run_ ? "would run (dry run)" : "executed", summary.blocked, summary.parked, summary.failed,
             summary.dead_letters);
  if (summary.recovered) fmt::print(out_, ", {} recovered from an interrupted run", summary.recovered);
  if (summary.timers_set) fmt::print(out_, ", {} timers set", summary.timers_set);
  if (summary.timers_fired) fmt::print(out_, ", {} timers fired", summary.timers_fired);
  fmt::print(out_, "\n");
}

}  // namespace parley::host
