// parley approvals list|show|approve|reject PIPELINE.yaml [ID] [--by NAME] [--note TEXT] [--json] [--state DIR]
//
// The approval queue: actions parked by policy.require_approval. A decision
// is a compare-and-set in the store (only from pending_approval), recorded
// with who, when and why; an approved action is then executed at once by the
// pipeline's connector, through the engine's own executor
// (engine/approval_decision.hpp, shared with `parley console`).
#include <fmt/format.h>

#include <filesystem>

#include "cli/approval_report.hpp"
#include "cli/cli.hpp"
#include "cli/pipeline_setup.hpp"
#include "cli/queue_command.hpp"
#include "cli/redacted_output.hpp"
#include "engine/approval_decision.hpp"
#include "engine/case_lifecycle.hpp"
#include "engine/engine_clock.hpp"
#include "engine/pipeline_runtime.hpp"
#include "store/sqlite_store.hpp"

namespace parley::host {

namespace {

const QueueCommand kApprovals{
    .name = "approvals",
    .usage =
        "parley approvals list|show|approve|reject PIPELINE.yaml [ID] [--by NAME] [--note TEXT] [--json] "
        "[--state DIR]",
    .item = "an action",
    .decisions = {"approve", "reject"},
    .note_needed = "WHY",
    .subcommand_help = "list (parked actions), show ID, approve ID, reject ID",
    .id_help = "the action's ID, as list prints it (#ID)",
    .by_help = "who decides (required for approve and reject; recorded)",
    .note_help = "why (required for reject; recorded)",
};

/// Everything that follows: the loaded pipeline, its state and what to print.
class Approvals {
 public:
  Approvals(QueueOptions options, CommonOptions common, LoadedPipeline loaded, std::filesystem::path database)
      : options_(std::move(options)),
        common_(std::move(common)),
        loaded_(std::move(loaded)),
        database_(std::move(database)),
        store_(SqliteStore::open(database_)) {}

  int run() {
    if (options_.subcommand == "list") return list();
    auto entry = store_->outbox_entry(options_.id);
    if (!entry) return fail("no action #" + options_.id_text + " in " + database_name());
    if (options_.subcommand == "show") return show(*entry);
    return decide(*entry);
  }

 private:
  std::string database_name() const { return database_.string(); }

  int list() {
    const auto parked = store_->outbox(OutboxStatus::pending_approval);
    if (options_.json) {
      print_json(list_json(parked, EngineClock::system_ms()));
    } else {
      print(fmt::format("Pipeline {} ({})\nState    {}\n\n", loaded_.config.client, loaded_.config.file,
                        database_name()) +
            list_text(parked, EngineClock::system_ms()));
    }
    return kExitOk;
  }

  int show(const OutboxEntry& entry) {
    ApprovalDetails details{
        entry, store_->approval_decisions(entry.id), store_->audit_of_event(entry.event_id), {}, {}};
    if (details.audit) {
      // The case moves this action made (when allowed, or approved): of its
      // rule on its event, and the move its kind and params make (a rule's
      // other actions may have moved the case too).
      for (auto& transition : store_->case_transitions(details.audit->case_key)) {
        if (transition.event_id == entry.event_id && transition.rule_id == entry.action.rule_id &&
            status_after(entry.action, transition.from) == transition.to) {
          details.transitions.push_back(std::move(transition));
        }
      }
    }
    for (auto& timer : store_->timers()) {
      if (timer.key == entry.action.idempotency_key) details.timer = std::move(timer);
    }
    if (options_.json) {
      print_json(show_json(details));
    } else {
      print(show_text(details, EngineClock::system_ms()));
    }
    return kExitOk;
  }

  int decide(const OutboxEntry& entry) {
    const bool approve = options_.subcommand == "approve";
    // Checked first for a clear message; the compare-and-set below is what
    // makes a concurrent second decision fail.
    if (entry.status != OutboxStatus::pending_approval) return already_decided(entry);
    std::optional<PipelineRuntime> runtime;
    if (approve) {
      // The connector must exist before anything is decided: an approval
      // that cannot be carried out is a configuration problem, not a decision.
      auto registry = discover_plugins(common_, loaded_.config.plugin_path);
      try {
        runtime.emplace(build_runtime(loaded_.config, registry, false, loaded_.secrets, RuntimeParts::connectors_only));
      } catch (const ConfigurationError& error) {
        print_diagnostics(error.diagnostics, *loaded_.secrets);
        return kExitBadUsage;
      }
    }
    auto result = decide_parked_action(*store_, loaded_.config.engine, runtime ? &*runtime : nullptr,
                                       {entry.id, approve, options_.by, options_.note, 0});
    if (result.outcome == DecideResult::Outcome::unknown_id) {
      return fail("no action #" + options_.id_text + " in " + database_name());
    }
    if (result.outcome == DecideResult::Outcome::not_parked) return already_decided(*result.entry, result.decision);
    report_decision(*result.entry, *result.decision, result.execution_failed, result.effects);
    return result.execution_failed ? kExitWorkFailed : kExitOk;
  }

  void report_decision(const OutboxEntry& entry, const ApprovalDecision& decision, bool failed,
                       const std::optional<EventOutcome>& effects) {
    if (options_.json) {
      auto json = decision_json(decision);
      json["id"] = entry.id;
      json["key"] = entry.action.idempotency_key;
      json["status"] = to_string(entry.status);
      if (failed) json["error"] = entry.note;
      if (effects) json["effects"] = effects_json(*effects);
      print_json(json);
      return;
    }
    auto text = fmt::format("Action #{} ({} for event {}) {}.\n", entry.id, to_string(entry.action.kind),
                            entry.event_id, decision_text(decision));
    if (effects) text += effects_text(*effects);
    if (!decision.approve) {
      text += "It will never be executed.\n";
    } else if (effects && !effects->timers_set.empty()) {
      text += "Carried out by the host (a timer; no connector call).\n";
    } else if (failed) {
      text += fmt::format("Executing it FAILED after {} attempt(s): {} (dead-lettered)\n", entry.attempts, entry.note);
    } else {
      text += fmt::format("Executed by connector '{}': done{}.\n", entry.connector_id,
                          entry.platform_id.empty() ? "" : " (platform id " + entry.platform_id + ")");
    }
    print(text);
  }

  int already_decided(const OutboxEntry& entry, std::optional<ApprovalDecision> earlier = std::nullopt) {
    if (!earlier) {
      const auto decisions = store_->approval_decisions(entry.id);
      if (!decisions.empty()) earlier = decisions.front();
    }
    if (earlier) {
      return fail(fmt::format("action #{} was already {}; it is now {}", entry.id, decision_text(*earlier),
                              to_string(entry.status)));
    }
    return fail(fmt::format("action #{} is not waiting for approval (status {}{})", entry.id, to_string(entry.status),
                            entry.note.empty() ? "" : ": " + entry.note));
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

int approvals_command(const std::vector<std::string>& arguments) {
  return run_queue_command(
      kApprovals, arguments,
      [](QueueOptions options, CommonOptions common, LoadedPipeline loaded, std::filesystem::path state) {
        return Approvals(std::move(options), std::move(common), std::move(loaded), state).run();
      });
}

}  // namespace parley::host
