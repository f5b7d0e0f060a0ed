// parley console PIPELINE.yaml [--listen HOST:PORT] [--state DIR]
//
// The approval queue of one pipeline as a web page, for a community
// manager: what waits, and a form to approve or reject each action with a
// name and a note. Decisions are the ones `parley approvals` makes
// (engine/approval_decision.hpp). It has no login and no TLS of its own: it
// listens on 127.0.0.1 and belongs behind the operator's TLS proxy with
// authentication (docs/operations.md).
#include <spdlog/spdlog.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <iostream>
#include <thread>

#include "cli/cli.hpp"
#include "cli/pipeline_setup.hpp"
#include "cli/port_file.hpp"
#include "console/console_handler.hpp"
#include "ingress/webhook_listener.hpp"
#include "store/sqlite_store.hpp"

namespace parley::host {

namespace po = boost::program_options;

namespace {

constexpr const char* kConsoleUsage = "parley console PIPELINE.yaml [--listen HOST:PORT] [--state DIR]";
constexpr std::size_t kFormMaxBytes = 64 * 1024;  // a name and a note

std::atomic<bool> console_stop_requested{false};
extern "C" void request_console_stop(int) { console_stop_requested.store(true); }

}  // namespace

int console_command(const std::vector<std::string>& arguments) {
  CommonOptions common;
  std::string pipeline_file;
  std::string listen_text = "127.0.0.1:8788";
  std::string port_file;
  std::optional<std::string> state_dir;
  po::options_description options("parley console options");
  options.add_options()("pipeline", po::value(&pipeline_file)->required(), "the pipeline YAML file")(
      "listen", po::value(&listen_text),
      "HOST:PORT to serve the page on (default 127.0.0.1:8788; port 0 picks a free one). It has no login and no "
      "TLS: keep it on 127.0.0.1 behind your TLS proxy with authentication (docs/operations.md)")(
      "listen-port-file", po::value(&port_file), "write the port to this file once it listens")(
      "state", po::value<std::string>()->notifier([&](const std::string& dir) { state_dir = dir; }),
      "folder of the state database (DIR/<client>.db), as given to parley run");
  add_common_options(options, common);
  po::positional_options_description positional;
  positional.add("pipeline", 1);
  if (auto exit = parse_command_line(arguments, kConsoleUsage, options, positional, common)) return *exit;
  const auto listen_address = parse_listen_address(listen_text);
  if (!listen_address) {
    std::cerr << "parley console: --listen '" << listen_text
              << "' is not an address; expected IP:PORT, e.g. 127.0.0.1:8788 or [::1]:8788\n";
    return kExitBadUsage;
  }

  auto loaded = load_pipeline_reporting(pipeline_file);
  if (!loaded) return kExitBadUsage;
  const auto state = existing_state_file(*loaded, state_dir);
  if (state.exit_code != kExitOk) return state.exit_code;
  // The connectors are built once, before anything is served: an approval
  // that could not be carried out is a configuration problem, found now.
  std::optional<PipelineRuntime> runtime;
  try {
    auto registry = discover_plugins(common, loaded->config.plugin_path);
    runtime.emplace(build_runtime(loaded->config, registry, false, loaded->secrets, RuntimeParts::connectors_only));
  } catch (const ConfigurationError& error) {
    print_diagnostics(error.diagnostics, *loaded->secrets);
    return kExitBadUsage;
  }

  std::signal(SIGINT, request_console_stop);
  std::signal(SIGTERM, request_console_stop);
  try {
    auto store = SqliteStore::open(state.file);
    ConsoleHandler handler({loaded->config, *store, *runtime, loaded->secrets}, random_form_token());
    WebhookListener listener(ListenerOptions{*listen_address, kFormMaxBytes, std::chrono::seconds(10)}, handler);
    spdlog::info("console for {} ({}) on {}; stop with Ctrl-C", loaded->config.client, state.file.string(),
                 listener.url());
    if (!port_file.empty()) write_port_file(port_file, listener.port());
    while (!console_stop_requested.load()) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    spdlog::info("console stopped");
  } catch (const std::exception& error) {
    spdlog::error("{}", loaded->secrets->redact(error.what()));
    return kExitWorkFailed;
  }
  return kExitOk;
}

}  // namespace parley::host
