// parley test PIPELINE.yaml [CASES.yaml...]
//
// A brand's policy tests: each case's events go through the pipeline's real
// classifiers, responders and guard (Engine::handle_events), dry-run, on a
// fresh in-memory state per case. Connectors are not created: nothing is
// polled or executed, and a platform connector needs no credentials.
#include <spdlog/spdlog.h>

#include <algorithm>
#include <iostream>

#include "cli/cli.hpp"
#include "cli/pipeline_setup.hpp"
#include "cli/test_report.hpp"
#include "policy_test/case_runner.hpp"
#include "policy_test/cases_parser.hpp"

namespace parley::host {

namespace po = boost::program_options;
namespace fs = std::filesystem;

namespace {

/// PIPELINE's cases when none are named: <stem>.cases.yaml, else cases.yaml, next to it.
std::optional<std::string> default_cases_file(const std::string& pipeline_file, std::string& looked_at) {
  const fs::path pipeline(pipeline_file);
  const fs::path candidates[] = {pipeline.parent_path() / (pipeline.stem().string() + ".cases.yaml"),
                                 pipeline.parent_path() / "cases.yaml"};
  for (const auto& candidate : candidates) {
    looked_at += (looked_at.empty() ? "" : " and ") + candidate.string();
    std::error_code error;
    if (fs::is_regular_file(candidate, error)) return candidate.string();
  }
  return std::nullopt;
}

/// Events may name a connector; it must be one of the pipeline's.
void check_connectors(const CasesFile& cases, const PipelineConfig& config, Diagnostics& errors) {
  std::vector<std::string> ids;
  for (const auto& connector : config.connectors) ids.push_back(connector.id);
  std::size_t case_index = 0;
  for (const auto& test : cases.cases) {
    std::size_t step_index = 0;
    for (const auto& step : test.steps) {
      if (step.event && !step.event->connector.empty() &&
          std::find(ids.begin(), ids.end(), step.event->connector) == ids.end()) {
        std::string expected;
        for (const auto& id : ids) expected += (expected.empty() ? "one of '" : ", '") + id + "'";
        errors.push_back(
            {step.event->connector_location,
             "cases[" + std::to_string(case_index) + "].events[" + std::to_string(step_index) + "].connector",
             "no connector '" + step.event->connector + "' in " + config.file, expected, ""});
      }
      ++step_index;
    }
    ++case_index;
  }
}

}  // namespace

int test_command(const std::vector<std::string>& arguments) {
  CommonOptions common;
  std::vector<std::string> files;
  po::options_description options("parley test options");
  options.add_options()("files", po::value(&files)->required()->multitoken(),
                        "the pipeline YAML file, then its cases files (default: PIPELINE.cases.yaml or cases.yaml "
                        "next to it)");
  add_common_options(options, common);
  po::positional_options_description positional;
  positional.add("files", -1);
  if (auto exit =
          parse_command_line(arguments, "parley test PIPELINE.yaml [CASES.yaml...]", options, positional, common)) {
    return *exit;
  }

  const std::string pipeline_file = files.front();
  std::vector<std::string> cases_files(files.begin() + 1, files.end());
  auto loaded = load_pipeline_reporting(pipeline_file);
  if (!loaded) return kExitBadUsage;
  const auto& config = loaded->config;
  if (cases_files.empty()) {
    std::string looked_at;
    auto found = default_cases_file(pipeline_file, looked_at);
    if (!found) {
      std::cerr << "parley: no test cases for " << pipeline_file << ": looked for " << looked_at
                << "; write one (see docs/policy-tests.md) or name it: parley test " << pipeline_file
                << " CASES.yaml\n";
      return kExitBadUsage;
    }
    cases_files.push_back(*found);
  }

  // Every file is checked before any case runs; all mistakes are listed.
  std::vector<CasesFile> all_cases;
  Diagnostics errors;
  for (const auto& file : cases_files) {
    auto load = load_cases_file(file);
    errors.insert(errors.end(), load.errors.begin(), load.errors.end());
    if (load.cases) {
      check_connectors(*load.cases, config, errors);
      all_cases.push_back(std::move(*load.cases));
    }
  }
  if (!errors.empty()) {
    print_diagnostics(errors, *loaded->secrets);
    return kExitBadUsage;
  }

  const auto registry = discover_plugins(common, config.plugin_path);
  std::optional<PipelineRuntime> runtime;
  try {
    runtime.emplace(build_runtime(config, registry, true, loaded->secrets, RuntimeParts::without_connectors));
  } catch (const ConfigurationError& error) {
    print_diagnostics(error.diagnostics, *loaded->secrets);
    return kExitBadUsage;
  }

  TestReport report(stdout);
  report.print_header(config.client, pipeline_file);
  const CaseRunner runner(*runtime);
  try {
    for (const auto& cases : all_cases) {
      report.print_file(cases.file);
      std::size_t number = 0;
      for (const auto& test : cases.cases) report.print_case(runner.run(test, ++number));
    }
  } catch (const std::exception& error) {
    std::fflush(stdout);
    spdlog::error("{}", loaded->secrets->redact(error.what()));
    return kExitWorkFailed;
  }
  report.print_summary();
  std::fflush(stdout);
  return report.all_passed() ? kExitOk : kExitWorkFailed;
}

}  // namespace parley::host
