// parley dead-letters list|show|retry|discard PIPELINE.yaml [ID] [--by NAME] [--note TEXT] [--all] [--json]
//                     [--state DIR]
//
// What failed for good, for the operator: an event a plugin could not handle,
// an action the platform refused on every attempt, an input the connector
// could not read. Nothing is lost: a letter stays until a person deals with
// it. `retry` executes a failed action again now (the connector is told it
// may have run before) or requeues a failed event for the next run; `discard`
// records that it was dealt with outside Parley. Both are compare-and-set from
// `open` and recorded with who and why.
#include <fmt/format.h>

#include <algorithm>

#include "cli/approval_report.hpp"
#include "cli/cli.hpp"
#include "cli/pipeline_setup.hpp"
#include "cli/queue_command.hpp"
#include "cli/redacted_output.hpp"
#include "engine/action_executor.hpp"
#include "engine/engine_clock.hpp"
#include "store/sqlite_store.hpp"

namespace parley::host {

namespace {

const QueueCommand kDeadLetters{
    .name = "dead-letters",
    .usage =
        "parley dead-letters list|show|retry|discard PIPELINE.yaml [ID] [--by NAME] [--note TEXT] [--all] "
        "[--json] [--state DIR]",
    .item = "a dead letter",
    .decisions = {"retry", "discard"},
    .note_needed = "WHY (what was done about it)",
    .subcommand_help = "list (open letters), show ID, retry ID, discard ID",
    .id_help = "the dead letter's ID, as list prints it (#ID)",
    .by_help = "who retries or discards (required for both; recorded)",
    .note_help = "why, or what was done (required for discard; recorded)",
    .all_help = "list also the letters already retried, requeued or discarded",
};

/// What `retry` does for a letter of this stage, in words; empty when it cannot.
std::string retry_effect(const DeadLetter& letter) {
  if (letter.stage == "execute") return "executes the action again now";
  if (letter.stage == "classify" || letter.stage == "respond") {
    return letter.event_json.empty() ? "" : "requeues the event for the next run";
  }
  return "";
}

/// Why `retry` cannot help, for the stages where it cannot.
std::string why_not_retried(const DeadLetter& letter) {
  if (letter.stage == "input") {
    return "the connector could not read this input; Parley cannot re-read it. Fix it at the source and "
           "deliver it again, then discard this letter";
  }
  if (letter.stage == "poll") {
    return "the connector failed to fetch events; the next run fetches again from its saved position. Discard "
           "this letter once the cause is fixed";
  }
  return "this letter was recorded before Parley kept the event with its dead letters (state schema 5); "
         "discard it once handled";
}

nlohmann::json letter_json(const DeadLetter& letter) {
  nlohmann::json json = {{"id", letter.id},
                         {"stage", letter.stage},
                         {"plugin", letter.plugin},
                         {"event_id", letter.event_id},
                         {"location", letter.location},
                         {"error", letter.error},
                         {"created_at", utc_time(letter.created_at)},
                         {"status", std::string(to_string(letter.status))},
                         {"retry", retry_effect(letter)}};
  if (!letter.connector_id.empty()) json["connector"] = letter.connector_id;
  if (letter.status != DeadLetterStatus::open) {
    json["resolved_by"] = letter.resolved_by;
    json["resolution_note"] = letter.resolution_note;
    json["resolved_at"] = utc_time(letter.resolved_at);
  }
  return json;
}

/// "#4  classify  throwing  event it-5  (12m ago)".
std::string letter_heading(const DeadLetter& letter, std::int64_t now) {
  auto subject = letter.stage == "execute" ? "action " + letter.location
                 : letter.event_id.empty() ? std::string("(no event)")
                                           : "event " + letter.event_id;
  if (letter.stage == "poll") subject = "connector " + letter.location;
  return fmt::format("#{}  {:<8}  {}  {}  ({} ago)", letter.id, letter.stage, letter.plugin, subject,
                     age(letter.created_at, now));
}

std::string resolution_text(const DeadLetter& letter) {
  return fmt::format("{} by {} at {}{}", to_string(letter.status), letter.resolved_by, utc_time(letter.resolved_at),
                     letter.resolution_note.empty() ? "" : " (note: " + letter.resolution_note + ")");
}

class DeadLetters {
 public:
  DeadLetters(QueueOptions options, CommonOptions common, LoadedPipeline loaded, std::filesystem::path database)
      : options_(std::move(options)),
        common_(std::move(common)),
        loaded_(std::move(loaded)),
        database_(std::move(database)),
        store_(SqliteStore::open(database_)) {}

  int run() {
    if (options_.subcommand == "list") return list();
    auto letter = store_->dead_letter(options_.id);
    if (!letter) return fail("no dead letter #" + options_.id_text + " in " + database_.string());
    if (options_.subcommand == "show") return show(*letter);
    if (letter->status != DeadLetterStatus::open) {
      return fail(fmt::format("dead letter #{} was already {}", letter->id, resolution_text(*letter)));
    }
    if (options_.subcommand == "discard") return discard(*letter);
    return retry(*letter);
  }

 private:
  int list() {
    std::vector<DeadLetter> shown;
    std::size_t total = 0;
    for (auto& letter : store_->dead_letters()) {
      ++total;
      if (options_.all || letter.status == DeadLetterStatus::open) shown.push_back(std::move(letter));
    }
    if (options_.json) {
      auto json = nlohmann::json::array();
      for (const auto& letter : shown) json.push_back(letter_json(letter));
      print_json(json);
      return kExitOk;
    }
    const auto now = EngineClock::system_ms();
    auto text = fmt::format("Pipeline {} ({})\nState    {}\n\n", loaded_.config.client, loaded_.config.file,
                            database_.string());
    for (const auto& letter : shown) {
      text += letter_heading(letter, now) + "\n    " + letter.error + "\n";
      if (letter.status != DeadLetterStatus::open) {
        text += "    " + resolution_text(letter) + "\n";
      } else if (const auto effect = retry_effect(letter); !effect.empty()) {
        text += "    retry " + std::to_string(letter.id) + ": " + effect + "\n";
      }
    }
    const auto open = static_cast<std::size_t>(std::count_if(
        shown.begin(), shown.end(), [](const DeadLetter& letter) { return letter.status == DeadLetterStatus::open; }));
    text += fmt::format("{}{} open dead letter(s) of {} recorded{}.\n", shown.empty() ? "" : "\n", open, total,
                        options_.all || open == total ? "" : " (--all shows the others)");
    print(text);
    return kExitOk;
  }

  int show(const DeadLetter& letter) {
    if (options_.json) {
      auto json = letter_json(letter);
      json["raw"] = letter.raw;
      if (!letter.event_json.empty()) json["event"] = nlohmann::json::parse(letter.event_json, nullptr, false);
      print_json(json);
      return kExitOk;
    }
    auto text = letter_heading(letter, EngineClock::system_ms()) + "\n";
    text += fmt::format("  stage      {}\n  plugin     {}\n  recorded   {}\n  error      {}\n", letter.stage,
                        letter.plugin, utc_time(letter.created_at), letter.error);
    if (!letter.connector_id.empty()) text += "  connector  " + letter.connector_id + "\n";
    if (!letter.location.empty()) text += "  location   " + letter.location + "\n";
    if (!letter.raw.empty()) text += "  raw        " + letter.raw + "\n";
    if (letter.status != DeadLetterStatus::open) {
      text += "  status     " + resolution_text(letter) + "\n";
    } else {
      const auto effect = retry_effect(letter);
      text += "  status     open; " + (effect.empty() ? why_not_retried(letter) : "retry " + effect) + "\n";
    }
    print(text);
    return kExitOk;
  }

  int discard(const DeadLetter& letter) {
    if (!store_->resolve_dead_letter(letter.id, {DeadLetterStatus::discarded, options_.by, options_.note})) {
      return already_resolved(letter.id);
    }
    return report(letter.id, "discarded: it stays recorded, and is no longer listed as open.");
  }

  int retry(const DeadLetter& letter) {
    if (retry_effect(letter).empty())
      return fail(fmt::format("dead letter #{}: {}", letter.id, why_not_retried(letter)));
    if (letter.stage != "execute") {
      if (!store_->requeue_dead_letter(letter.id, options_.by, options_.note)) return already_resolved(letter.id);
      return report(letter.id, fmt::format("requeued: event {} waits for the next `parley run` of this pipeline "
                                           "(connector '{}').",
                                           letter.event_id, letter.connector_id));
    }
    return retry_action(letter);
  }

  int retry_action(const DeadLetter& letter) {
    std::optional<OutboxEntry> entry;
    for (auto& failed : store_->outbox(OutboxStatus::failed)) {
      if (failed.action.idempotency_key == letter.location) entry = std::move(failed);
    }
    if (!entry) {
      return fail(fmt::format("dead letter #{}: its action ({}) is no longer failed in the outbox; discard the letter",
                              letter.id, letter.location));
    }
    // The connector must exist before the letter is marked: a retry that
    // cannot be carried out is a configuration problem.
    auto registry = discover_plugins(common_, loaded_.config.plugin_path);
    std::optional<PipelineRuntime> runtime;
    try {
      runtime.emplace(build_runtime(loaded_.config, registry, false, loaded_.secrets, RuntimeParts::connectors_only));
    } catch (const ConfigurationError& error) {
      print_diagnostics(error.diagnostics, *loaded_.secrets);
      return kExitBadUsage;
    }
    // Marked first: of two operators retrying at once, one executes.
    if (!store_->resolve_dead_letter(letter.id, {DeadLetterStatus::retried, options_.by, options_.note})) {
      return already_resolved(letter.id);
    }
    const RetryPolicy retry{loaded_.config.engine.max_attempts, loaded_.config.engine.retry_backoff_ms};
    const bool failed = execute_action(*runtime, *store_, retry, *entry, /*may_have_run_before=*/true).has_value();
    if (options_.json) {
      print_json({{"id", letter.id},
                  {"status", "retried"},
                  {"action", entry->id},
                  {"result", std::string(to_string(entry->status))},
                  {"platform_id", entry->platform_id},
                  {"error", failed ? entry->note : ""}});
    } else if (failed) {
      print(
          fmt::format("Dead letter #{} retried by {}: action #{} ({}) FAILED again after {} attempt(s): {}\n"
                      "A new dead letter records it (parley dead-letters list).\n",
                      letter.id, options_.by, entry->id, to_string(entry->action.kind), entry->attempts, entry->note));
    } else {
      print(fmt::format("Dead letter #{} retried by {}: action #{} ({}) executed by connector '{}': done{}.\n",
                        letter.id, options_.by, entry->id, to_string(entry->action.kind), entry->connector_id,
                        entry->platform_id.empty() ? "" : " (platform id " + entry->platform_id + ")"));
    }
    return failed ? kExitWorkFailed : kExitOk;
  }

  int report(std::int64_t id, const std::string& what) {
    if (options_.json) {
      const auto letter = store_->dead_letter(id);
      print_json(letter ? letter_json(*letter) : nlohmann::json::object());
    } else {
      print(fmt::format("Dead letter #{} {}\n", id, what));
    }
    return kExitOk;
  }

  int already_resolved(std::int64_t id) {
    const auto letter = store_->dead_letter(id);
    return fail(fmt::format("dead letter #{} was already {}", id, letter ? resolution_text(*letter) : "removed"));
  }

  int fail(const std::string& message) const { return output_.fail(message); }
  void print(const std::string& text) const { output_.print(text); }
  void print_json(const nlohmann::json& json) const { output_.print_json(json); }

  QueueOptions options_;
  CommonOptions common_;
  LoadedPipeline loaded_;
  std::filesystem::path database_;
  std::unique_ptr<SqliteStore> store_;
  RedactedOutput output_{loaded_.secrets};
};

}  // namespace

int dead_letters_command(const std::vector<std::string>& arguments) {
  return run_queue_command(
      kDeadLetters, arguments,
      [](QueueOptions options, CommonOptions common, LoadedPipeline loaded, std::filesystem::path state) {
        return DeadLetters(std::move(options), std::move(common), std::move(loaded), state).run();
      });
}

}  // namespace parley::host
