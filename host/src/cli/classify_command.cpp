// parley classify PIPELINE.yaml --input EVENTS.jsonl
//
// Contract (used to measure classifiers; keep it stable): one output line per
// input line, in input order:
//   {"id": "...", "labels": {"name": score, ...}, "attributes": {"name": "value", ...}}
// An input line that cannot be used gives {"line": N, "error": "..."} instead
// (with "id" when it has one) and the command exits 1 at the end.
#include <spdlog/spdlog.h>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/cli.hpp"
#include "cli/pipeline_setup.hpp"
#include "engine/event_handler.hpp"
#include "engine/worker_pool.hpp"
#include "event_line.hpp"

namespace parley::host {

namespace po = boost::program_options;

namespace {

constexpr std::size_t kChunkLines = 8192;

struct ClassifyItem {
  std::size_t line = 0;
  std::string input;
  Event event;
  std::string error;  ///< parse or plugin error; empty when labelled
  Labels labels;
};

/// Reads the fields classifiers use (the replay format's parser, text_only); other fields are ignored.
void parse_event(ClassifyItem& item) {
  auto parsed = replay::parse_event_line(item.input, {"classify", "", true});
  if (parsed.event) {
    item.event = std::move(*parsed.event);
  } else {
    item.event.id = parsed.id;
    item.error = parsed.error;
  }
}

std::string output_line(const ClassifyItem& item) {
  nlohmann::json out;
  if (!item.event.id.empty()) out["id"] = item.event.id;
  if (!item.error.empty()) {
    out["line"] = item.line;
    out["error"] = item.error;
  } else {
    out["labels"] = labels_json(item.labels);
    out["attributes"] = attributes_json(item.labels);
  }
  return out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

int classify_command(const std::vector<std::string>& arguments) {
  CommonOptions common;
  std::string pipeline_file;
  std::string input_file;
  int workers = -1;
  po::options_description options("parley classify options");
  options.add_options()("pipeline", po::value(&pipeline_file)->required(), "the pipeline YAML file")(
      "input", po::value(&input_file)->required(), "events as JSONL (id, text; other fields ignored); - for stdin")(
      "workers", po::value(&workers), "threads (default: the pipeline's engine.workers)");
  add_common_options(options, common);
  po::positional_options_description positional;
  positional.add("pipeline", 1);
  if (auto exit = parse_command_line(arguments, "parley classify PIPELINE.yaml --input EVENTS.jsonl", options,
                                     positional, common)) {
    return *exit;
  }

  auto loaded = load_pipeline_reporting(pipeline_file);
  if (!loaded) return kExitBadUsage;
  std::ifstream file;
  if (input_file != "-") {
    file.open(input_file);
    if (!file) {
      std::cerr << "parley: cannot read " << input_file << "\n";
      return kExitBadUsage;
    }
  }
  std::istream& input = input_file == "-" ? std::cin : file;
  const auto registry = discover_plugins(common, loaded->config.plugin_path);
  std::optional<PipelineRuntime> runtime;
  try {
    runtime.emplace(build_runtime(loaded->config, registry, true, loaded->secrets, RuntimeParts::classifiers_only));
  } catch (const ConfigurationError& error) {
    print_diagnostics(error.diagnostics, *loaded->secrets);
    return kExitBadUsage;
  }

  WorkerPool pool(static_cast<std::size_t>(workers >= 0 ? workers : loaded->config.engine.workers));
  const RetryPolicy retry{loaded->config.engine.max_attempts, loaded->config.engine.retry_backoff_ms};
  std::vector<ClassifyItem> chunk;
  std::size_t line_number = 0;
  bool any_error = false;
  std::string output;
  for (bool more = true; more;) {
    chunk.clear();
    std::string line;
    while (chunk.size() < kChunkLines && (more = static_cast<bool>(std::getline(input, line)))) {
      ++line_number;
      if (line.empty()) continue;
      chunk.push_back({line_number, std::move(line), {}, {}, {}});
    }
    pool.run_each([&](std::size_t worker) {
      // Contiguous slices keep each worker's output in input order.
      const auto per_worker = (chunk.size() + pool.size() - 1) / pool.size();
      const auto end = std::min(chunk.size(), (worker + 1) * per_worker);
      for (auto index = worker * per_worker; index < end; ++index) {
        auto& item = chunk[index];
        parse_event(item);
        if (!item.error.empty()) continue;
        if (auto failure = classify(*runtime, item.event, item.labels, retry)) {
          item.error = "plugin '" + failure->plugin + "' failed: " + failure->error;
        }
      }
    });
    output.clear();
    for (const auto& item : chunk) {
      any_error = any_error || !item.error.empty();
      output += output_line(item);
      output += '\n';
    }
    std::cout << output;
  }
  std::cout.flush();
  return any_error ? kExitWorkFailed : kExitOk;
}

}  // namespace parley::host
