// parley approvals list|show|approve|reject PIPELINE.yaml [ID] [--by NAME] [--note TEXT] [--json] [--state DIR]
//
// The approval queue: actions parked by policy.require_approval. A decision
// is a compare-and-set in the store (only from pending_approval), recorded
// with who, when and why; an approved action is then executed at once by the
// pipeline's connector, through the engine's own executor
// (engine/approval_decision.hpp, shared with `parley console`).
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <charconv>
#include <filesystem>
#include <iostream>

#include "cli/approval_report.hpp"
#include "cli/cli.hpp"
#include "cli/pipeline_setup.hpp"
#include "cli/redacted_output.hpp"
#include "engine/approval_decision.hpp"
#include "engine/case_lifecycle.hpp"
#include "engine/engine_clock.hpp"
#include "engine/pipeline_runtime.hpp"
#include "store/sqlite_store.hpp"

namespace parley::host {

namespace po = boost::program_options;

namespace {

constexpr const char* kApprovalsUsage =
    "parley approvals list|show|approve|reject PIPELINE.yaml [ID] [--by NAME] [--note TEXT] [--json] [--state DIR]";

struct ApprovalsOptions {
  std::string subcommand;
  std::string pipeline;
  std::string id_text;
  std::int64_t id = 0;
  std::string by;
  std::string note;
  bool json = false;
  std::optional<std::string> state_dir;
};

/// What the command line alone can tell; an error message, empty when fine.
std::string usage_problem(ApprovalsOptions& options) {
  const auto& sub = options.subcommand;
  if (sub != "list" && sub != "show" && sub != "approve" && sub != "reject") {
    return "unknown approvals command '" + sub + "'; expected list, show, approve or reject";
  }
  if (options.pipeline.empty()) return "missing PIPELINE.yaml";
  if (sub == "list") {
    if (!options.id_text.empty()) return "list takes no ID";
  } else {
    if (options.id_text.empty()) return sub + " needs the ID of an action (see parley approvals list)";
    const auto* end = options.id_text.data() + options.id_text.size();
    auto [at, error] = std::from_chars(options.id_text.data(), end, options.id);
    if (error != std::errc() || at != end || options.id <= 0) {
      return "'" + options.id_text + "' is not an action ID; expected a positive number";
    }
  }
  const bool deciding = sub == "approve" || sub == "reject";
  if (!deciding && (!options.by.empty() || !options.note.empty())) return "--by and --note are for approve and reject";
  // Who decided is part of the audit; a rejection must say why.
  if (deciding && options.by.find_first_not_of(" \t") == std::string::npos) return sub + " needs --by NAME";
  if (sub == "reject" && options.note.find_first_not_of(" \t") == std::string::npos) {
    return "reject needs --note WHY";
  }
  return {};
}

/// Everything that follows: the loaded pipeline, its state and what to print.
class Approvals {
 public:
  Approvals(ApprovalsOptions options, CommonOptions common, LoadedPipeline loaded, std::filesystem::path database)
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

  ApprovalsOptions options_;
  CommonOptions common_;
  LoadedPipeline loaded_;
  std::filesystem::path database_;
  std::unique_ptr<SqliteStore> store_;
  RedactedOutput output_{loaded_.secrets};
};

}  // namespace

int approvals_command(const std::vector<std::string>& arguments) {
  CommonOptions common;
  ApprovalsOptions parsed;
  po::options_description options("parley approvals options");
  options.add_options()("subcommand", po::value(&parsed.subcommand)->required(),
                        "list (parked actions), show ID, approve ID, reject ID")(
      "pipeline", po::value(&parsed.pipeline)->required(), "the pipeline YAML file")(
      "id", po::value(&parsed.id_text), "the action's ID, as list prints it (#ID)")(
      "by", po::value(&parsed.by), "who decides (required for approve and reject; recorded)")(
      "note", po::value(&parsed.note), "why (required for reject; recorded)")(
      "json", po::bool_switch(&parsed.json), "one JSON document on standard output, for tools")(
      "state", po::value<std::string>()->notifier([&](const std::string& dir) { parsed.state_dir = dir; }),
      "folder of the state database (DIR/<client>.db), as given to parley run");
  add_common_options(options, common);
  po::positional_options_description positional;
  positional.add("subcommand", 1).add("pipeline", 1).add("id", 1);
  if (auto exit = parse_command_line(arguments, kApprovalsUsage, options, positional, common)) return *exit;
  if (auto problem = usage_problem(parsed); !problem.empty()) {
    std::cerr << "parley: " << problem << "\nUsage: " << kApprovalsUsage << "\n(see --help)\n";
    return kExitBadUsage;
  }

  auto loaded = load_pipeline_reporting(parsed.pipeline);
  if (!loaded) return kExitBadUsage;
  const auto state = existing_state_file(*loaded, parsed.state_dir);
  if (state.exit_code != kExitOk) return state.exit_code;
  try {
    return Approvals(std::move(parsed), std::move(common), std::move(*loaded), state.file).run();
  } catch (const std::exception& error) {
    spdlog::error("{}", error.what());
    return kExitWorkFailed;
  }
}

}  // namespace parley::host
