// parley backtest PIPELINE.yaml --input HISTORY.jsonl [--report OUT.md|OUT.html] [--compare OLD.yaml]
//
// What a policy would have done on past events (the replay connector's JSONL
// format): the pipeline's real classifiers, responders and guard, dry-run,
// on fresh in-memory state, no connector created. --compare runs a second
// policy on the same history and lists what changes.
#include <spdlog/spdlog.h>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>

#include "backtest/backtest_report.hpp"
#include "backtest/backtest_runner.hpp"
#include "cli/cli.hpp"
#include "cli/pipeline_setup.hpp"

namespace parley::host {

namespace po = boost::program_options;

namespace {

enum class ReportFormat { markdown, html };

std::optional<ReportFormat> format_of(const std::string& report_file) {
  if (report_file.empty()) return ReportFormat::markdown;  // stdout
  auto extension = std::filesystem::path(report_file).extension().string();
  for (auto& c : extension) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (extension == ".md" || extension == ".markdown") return ReportFormat::markdown;
  if (extension == ".html" || extension == ".htm") return ReportFormat::html;
  return std::nullopt;
}

/// A pipeline loaded and built without connectors; nullopt after printing its errors.
struct Policy {
  LoadedPipeline loaded;
  std::unique_ptr<PluginRegistry> registry;  ///< the loaded libraries, kept as long as the runtime
  std::optional<PipelineRuntime> runtime;
};

std::optional<Policy> load_policy(const std::string& file, const CommonOptions& common) {
  auto loaded = load_pipeline_reporting(file);
  if (!loaded) return std::nullopt;
  Policy policy{std::move(*loaded), nullptr, std::nullopt};
  policy.registry = std::make_unique<PluginRegistry>(discover_plugins(common, policy.loaded.config.plugin_path));
  try {
    policy.runtime.emplace(build_runtime(policy.loaded.config, *policy.registry, true, policy.loaded.secrets,
                                         RuntimeParts::without_connectors));
  } catch (const ConfigurationError& error) {
    print_diagnostics(error.diagnostics, *policy.loaded.secrets);
    return std::nullopt;
  }
  return policy;
}

/// Why the command exits 1, for stderr (the report names each one).
void add_problem(std::string& problems, const std::string& problem) {
  problems += (problems.empty() ? "" : "; ") + problem;
}

void add_failures(std::string& problems, const BacktestRun& run, const BacktestSummary& summary) {
  if (summary.failed) {
    add_problem(problems, std::to_string(summary.failed) + " event(s) a plugin failed on with " + run.pipeline_file);
  }
}

}  // namespace

int backtest_command(const std::vector<std::string>& arguments) {
  CommonOptions common;
  std::string pipeline_file, input_file, report_file, old_file;
  po::options_description options("parley backtest options");
  options.add_options()("pipeline", po::value(&pipeline_file)->required(), "the pipeline YAML file")(
      "input", po::value(&input_file)->required(),
      "past events as JSONL, the replay connector's format (id, author, text, created_at, ...); - for stdin")(
      "report", po::value(&report_file),
      "write the report to this file: .md for Markdown, .html for a self-contained page (default: Markdown "
      "to stdout)")("compare", po::value(&old_file),
                    "also run this (older) pipeline on the same history and list what changes");
  add_common_options(options, common);
  po::positional_options_description positional;
  positional.add("pipeline", 1);
  if (auto exit = parse_command_line(
          arguments,
          "parley backtest PIPELINE.yaml --input HISTORY.jsonl [--report OUT.md|OUT.html] [--compare OLD.yaml]",
          options, positional, common)) {
    return *exit;
  }
  const auto format = format_of(report_file);
  if (!format) {
    std::cerr << "parley: --report " << report_file << ": the file must end in .md or .html (the report's format)\n";
    return kExitBadUsage;
  }

  // Both policies are checked before anything runs.
  auto policy = load_policy(pipeline_file, common);
  std::optional<Policy> old_policy;
  if (!old_file.empty()) old_policy = load_policy(old_file, common);
  if (!policy || (!old_file.empty() && !old_policy)) return kExitBadUsage;

  const auto history = read_history(input_file, policy->loaded.config.client);
  std::string problems;
  std::optional<BacktestComparison> comparison;
  BacktestRun run;
  BacktestSummary summary;
  try {
    run = run_backtest(*policy->runtime, history);
    summary = summarize(run);
    if (!history.read_error.empty()) add_problem(problems, history.read_error);
    if (!history.bad_lines.empty()) {
      add_problem(problems, std::to_string(history.bad_lines.size()) + " line(s) of " + input_file + " not read");
    }
    add_failures(problems, run, summary);
    if (old_policy) {
      const auto old_run = run_backtest(*old_policy->runtime, history);
      const auto old_summary = summarize(old_run);
      comparison = compare_runs(old_run, old_summary, run, summary);
      add_failures(problems, old_run, old_summary);
    }
  } catch (const std::exception& error) {
    spdlog::error("{}", policy->loaded.secrets->redact(error.what()));
    return kExitWorkFailed;
  }

  const auto document = backtest_report(run, summary, comparison);
  const auto text = *format == ReportFormat::html ? render_html(document) : render_markdown(document);
  if (report_file.empty()) {
    std::cout << text;
    std::cout.flush();
  } else {
    std::ofstream out(report_file, std::ios::binary);
    out << text;
    out.close();
    if (!out) {
      std::cerr << "parley: cannot write the report to " << report_file << "\n";
      return kExitWorkFailed;
    }
    std::cerr << "parley: report written to " << report_file << "\n";
  }
  if (!problems.empty()) {
    std::cerr << "parley: " << problems << " (listed in the report)\n";
    return kExitWorkFailed;
  }
  return kExitOk;
}

}  // namespace parley::host
