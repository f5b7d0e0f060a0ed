// parley run PIPELINE.yaml... [--dry-run] [--state DIR] [--now TIME] [--listen HOST:PORT]
//
// Several pipelines run side by side in one process, each with its own
// plugin instances, store and engine: they share nothing but loaded libraries
// and the HTTP rate limiters and, when a connector receives webhooks, the one
// webhook listener.
#include <spdlog/spdlog.h>
#include <stdio.h>

#include <csignal>
#include <cstdio>
#include <iostream>
#include <thread>

#include "cli/cli.hpp"
#include "cli/decision_table.hpp"
#include "cli/pipeline_setup.hpp"
#include "cli/port_file.hpp"
#include "engine/engine.hpp"
#include "ingress/webhook_listener.hpp"
#include "ingress/webhook_router.hpp"
#include "store/sqlite_store.hpp"

namespace parley::host {

namespace po = boost::program_options;

namespace {

std::atomic<bool> stop_requested{false};
extern "C" void request_stop(int) { stop_requested.store(true); }

/// One pipeline ready to run, and what it printed.
struct PreparedPipeline {
  LoadedPipeline loaded;
  PluginRegistry registry;
  std::optional<PipelineRuntime> runtime;
  std::filesystem::path database;
  std::unique_ptr<SqliteStore> store;
  /// Where webhook deliveries are stored: a connection of their own when the
  /// state has one, so the engine's reads of a batch (one read transaction)
  /// never hold one of their inserts. Else `store`.
  std::unique_ptr<Store> ingress_store;
  RunSummary summary;
  std::string error;  ///< a failure of the work (e.g. the database), redacted
};

/// Runs one pipeline, printing its table to `out`.
void run_pipeline(PreparedPipeline& pipeline, std::FILE* out, bool dry_run, bool quiet,
                  std::optional<std::int64_t> start_ms) {
  DecisionTable table(out, dry_run);
  RunOptions options;
  options.dry_run = dry_run;
  options.stop = &stop_requested;
  options.start_ms = start_ms;
  if (!quiet) {
    options.on_event = [&](const HandledEvent& item) { table.print_event(item); };
    options.on_dead_letter = [&](const DeadLetter& letter) { table.print_dead_letter(letter); };
    table.print_header(pipeline.loaded.config, pipeline.database.string());
  }
  try {
    Engine engine(*pipeline.runtime, *pipeline.store, options);
    // What `workers: 0` came to, for the operator who wonders.
    const auto& config = pipeline.loaded.config;
    const auto workers = engine.workers();
    spdlog::info("[{}] engine: {} worker{} ({}), batches of {}", config.client, workers, workers == 1 ? "" : "s",
                 config.engine.workers > 0     ? "engine.workers"
                 : engine.commits_overlapped() ? "one per core, less one for the commit thread"
                                               : "one per core",
                 config.engine.batch_size);
    pipeline.summary = engine.run();
    table.print_summary(pipeline.summary);
  } catch (const std::exception& error) {
    pipeline.error = pipeline.loaded.secrets->redact(error.what());
  }
}

/// The webhook routes of every pipeline (none when no connector receives
/// webhooks). Throws std::invalid_argument when two would share a route.
WebhookRouter webhook_routes(const std::vector<std::unique_ptr<PreparedPipeline>>& pipelines) {
  WebhookRouter router;
  for (const auto& pipeline : pipelines) {
    for (const auto& connector : pipeline->runtime->connectors) {
      if (!receives_webhooks(connector)) continue;
      if (!pipeline->ingress_store) pipeline->ingress_store = pipeline->store->open_another_connection();
      Store& store = pipeline->ingress_store ? *pipeline->ingress_store : *pipeline->store;
      router.add_route(pipeline->loaded.config.client, connector, store, pipeline->loaded.secrets);
    }
  }
  return router;
}

}  // namespace

int run_command(const std::vector<std::string>& arguments) {
  CommonOptions common;
  std::vector<std::string> pipeline_files;
  std::optional<std::string> state_dir;
  bool dry_run = false;
  bool quiet = false;
  std::optional<std::string> now_text;
  std::string listen_text = "127.0.0.1:8787";
  std::string port_file;
  std::size_t webhook_max_bytes = 1024 * 1024;
  po::options_description options("parley run options");
  options.add_options()("pipeline", po::value(&pipeline_files)->required()->multitoken(),
                        "pipeline YAML files (several run side by side, sharing nothing)")(
      "dry-run", po::bool_switch(&dry_run), "decide everything, execute nothing, change no state")(
      "state", po::value<std::string>()->notifier([&](const std::string& dir) { state_dir = dir; }),
      "folder for the state databases (DIR/<client>.db)")("quiet,q", po::bool_switch(&quiet), "print only the summary")(
      "now", po::value<std::string>()->notifier([&](const std::string& text) { now_text = text; }),
      "start the engine clock at TIME: ISO-8601 UTC (2026-12-04T10:00:00Z) or ms since the epoch")(
      "listen", po::value(&listen_text),
      "HOST:PORT of the webhook listener, started when a connector receives webhooks (default 127.0.0.1:8787; "
      "port 0 picks a free one)")("listen-port-file", po::value(&port_file),
                                  "write the webhook listener's port to this file once it listens")(
      "webhook-max-bytes", po::value(&webhook_max_bytes), "largest webhook body accepted (default 1 MiB); larger: 413");
  add_common_options(options, common);
  po::positional_options_description positional;
  positional.add("pipeline", -1);
  if (auto exit = parse_command_line(
          arguments, "parley run PIPELINE.yaml... [--dry-run] [--state DIR] [--now TIME] [--listen HOST:PORT]", options,
          positional, common)) {
    return *exit;
  }
  const auto listen_address = parse_listen_address(listen_text);
  if (!listen_address) {
    std::cerr << "parley run: --listen '" << listen_text
              << "' is not an address; expected IP:PORT, e.g. 127.0.0.1:8787 or [::1]:8787\n";
    return kExitBadUsage;
  }
  std::optional<std::int64_t> start_ms;
  if (now_text) {
    start_ms = parse_clock_time(*now_text);
    if (!start_ms) {
      std::cerr << "parley run: --now '" << *now_text
                << "' is not a time; expected ISO-8601 UTC, e.g. 2026-12-04T10:00:00Z, or ms since the epoch\n";
      return kExitBadUsage;
    }
  }

  // Everything is checked before anything runs: a bad file stops them all.
  std::vector<std::unique_ptr<PreparedPipeline>> pipelines;
  bool configuration_ok = true;
  // One set of HTTP rate limiters for all: two brands on one platform account share its limits.
  const auto rate_limits = std::make_shared<RateLimiterRegistry>();
  for (const auto& file : pipeline_files) {
    auto loaded = load_pipeline_reporting(file);
    if (!loaded) {
      configuration_ok = false;
      continue;
    }
    auto pipeline = std::make_unique<PreparedPipeline>();
    pipeline->loaded = std::move(*loaded);
    const auto& config = pipeline->loaded.config;
    pipeline->registry = discover_plugins(common, config.plugin_path);
    try {
      pipeline->runtime.emplace(build_runtime(config, pipeline->registry, dry_run, pipeline->loaded.secrets,
                                              RuntimeParts::everything, rate_limits));
      if (!report_capabilities(*pipeline->runtime, *pipeline->loaded.secrets, /*with_notes=*/false)) {
        configuration_ok = false;
      }
      pipeline->database = state_file(config, state_dir);
    } catch (const ConfigurationError& error) {
      print_diagnostics(error.diagnostics, *pipeline->loaded.secrets);
      configuration_ok = false;
    } catch (const std::invalid_argument& error) {
      std::cerr << "parley: " << pipeline->loaded.secrets->redact(error.what()) << "\n";
      configuration_ok = false;
    }
    pipelines.push_back(std::move(pipeline));
  }
  if (!configuration_ok) return kExitBadUsage;
  for (std::size_t index = 0; index < pipelines.size(); ++index) {
    for (std::size_t other = 0; other < index; ++other) {
      if (pipelines[index]->database == pipelines[other]->database) {
        std::cerr << "parley: " << pipeline_files[index] << " and " << pipeline_files[other]
                  << " would share the state database " << pipelines[index]->database
                  << "; give each client its own name or store\n";
        return kExitBadUsage;
      }
    }
  }
  try {
    for (auto& pipeline : pipelines) {
      pipeline->store =
          dry_run ? SqliteStore::open_snapshot(pipeline->database) : SqliteStore::open(pipeline->database);
      // Webhooks may arrive before the engine starts: checkpoints readable now.
      pipeline->runtime->store->bind(pipeline->store.get());
    }
  } catch (const std::exception& error) {
    spdlog::error("{}", error.what());
    return kExitWorkFailed;
  }

  std::signal(SIGINT, request_stop);
  std::signal(SIGTERM, request_stop);
  std::optional<WebhookRouter> router;
  try {
    router.emplace(webhook_routes(pipelines));
  } catch (const std::invalid_argument& error) {
    std::cerr << "parley: " << error.what() << "\n";
    return kExitBadUsage;
  }
  // One listener for every pipeline of the run; it stops (before the stores
  // close) once every engine has returned.
  std::unique_ptr<WebhookListener> listener;
  if (!router->empty()) {
    try {
      listener = std::make_unique<WebhookListener>(
          ListenerOptions{*listen_address, webhook_max_bytes, std::chrono::seconds(10)}, *router);
      spdlog::info("webhooks listening on {}", listener->url());
      if (!port_file.empty()) write_port_file(port_file, listener->port());
    } catch (const std::exception& error) {
      spdlog::error("{}", error.what());
      return kExitWorkFailed;
    }
  }
  if (pipelines.size() == 1) {
    run_pipeline(*pipelines[0], stdout, dry_run, quiet, start_ms);
  } else {
    // Side by side; each table is kept apart and printed whole, in file order.
    std::vector<char*> buffers(pipelines.size(), nullptr);
    std::vector<std::size_t> sizes(pipelines.size(), 0);
    std::vector<std::thread> threads;
    for (std::size_t index = 0; index < pipelines.size(); ++index) {
      threads.emplace_back([&, index] {
        std::FILE* out = open_memstream(&buffers[index], &sizes[index]);
        run_pipeline(*pipelines[index], out, dry_run, quiet, start_ms);
        std::fclose(out);
      });
    }
    for (auto& thread : threads) thread.join();
    for (std::size_t index = 0; index < pipelines.size(); ++index) {
      std::fwrite(buffers[index], 1, sizes[index], stdout);
      std::fputs("\n", stdout);
      std::free(buffers[index]);
    }
  }
  std::fflush(stdout);
  listener.reset();

  bool work_failed = false;
  for (const auto& pipeline : pipelines) {
    if (!pipeline->error.empty()) spdlog::error("{}: {}", pipeline->loaded.config.file, pipeline->error);
    work_failed =
        work_failed || !pipeline->error.empty() || pipeline->summary.dead_letters > 0 || pipeline->summary.failed > 0;
  }
  return work_failed ? kExitWorkFailed : kExitOk;
}

}  // namespace parley::host
