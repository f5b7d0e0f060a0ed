// parley run PIPELINE.yaml [--dry-run] [--state DIR]
#include <csignal>
#include <cstdio>
#include <iostream>
#include <spdlog/spdlog.h>

#include "cli/cli.hpp"
#include "cli/decision_table.hpp"
#include "cli/pipeline_setup.hpp"
#include "engine/engine.hpp"
#include "store/sqlite_store.hpp"

namespace parley::host {

namespace po = boost::program_options;

namespace {
std::atomic<bool> stop_requested{false};
extern "C" void request_stop(int) { stop_requested.store(true); }
}  // namespace

int run_command(const std::vector<std::string>& arguments) {
  CommonOptions common;
  std::string pipeline_file;
  std::optional<std::string> state_dir;
  bool dry_run = false;
  bool quiet = false;
  po::options_description options("parley run options");
  options.add_options()("pipeline", po::value(&pipeline_file)->required(), "the pipeline YAML file")(
      "dry-run", po::bool_switch(&dry_run), "decide everything, execute nothing, change no state")(
      "state", po::value<std::string>()->notifier([&](const std::string& dir) { state_dir = dir; }),
      "folder for the state database (DIR/<client>.db)")("quiet,q", po::bool_switch(&quiet),
                                                         "print only the summary");
  add_common_options(options, common);
  po::positional_options_description positional;
  positional.add("pipeline", 1);
  if (auto exit = parse_command_line(arguments, "parley run PIPELINE.yaml [--dry-run] [--state DIR]", options,
                                     positional, common)) {
    return *exit;
  }

  auto loaded = load_pipeline_reporting(pipeline_file);
  if (!loaded) return kExitBadUsage;
  const auto& config = loaded->config;
  auto registry = discover_plugins(common, config.plugin_path);
  try {
    const auto runtime = build_runtime(config, registry, dry_run, loaded->secrets);
    const auto database = state_file(config, state_dir);
    auto store = dry_run ? SqliteStore::open_snapshot(database) : SqliteStore::open(database);

    DecisionTable table(stdout, dry_run);
    RunOptions run_options;
    run_options.dry_run = dry_run;
    run_options.stop = &stop_requested;
    if (!quiet) {
      run_options.on_event = [&](const HandledEvent& item) { table.print_event(item); };
      run_options.on_dead_letter = [&](const DeadLetter& letter) { table.print_dead_letter(letter); };
    }
    std::signal(SIGINT, request_stop);
    std::signal(SIGTERM, request_stop);
    if (!quiet) table.print_header(config, database.string());
    Engine engine(runtime, *store, run_options);
    const auto summary = engine.run();
    table.print_summary(summary);
    std::fflush(stdout);
    return summary.dead_letters + summary.failed > 0 ? kExitWorkFailed : kExitOk;
  } catch (const ConfigurationError& error) {
    print_diagnostics(error.diagnostics, *loaded->secrets);
    return kExitBadUsage;
  } catch (const std::invalid_argument& error) {
    std::cerr << "parley: " << loaded->secrets->redact(error.what()) << "\n";
    return kExitBadUsage;
  } catch (const std::exception& error) {
    spdlog::error("{}", loaded->secrets->redact(error.what()));
    return kExitWorkFailed;
  }
}

}  // namespace parley::host
