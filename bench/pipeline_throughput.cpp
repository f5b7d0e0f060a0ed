// Events per second through replay -> classifiers -> rules -> guard -> dry
// run, on a generated corpus, with and without the SQLite store
// (docs/performance.md).
//
//   pipeline_throughput [--events N] [--repeats R] [--workers W] [--only no-store|sqlite]
//                       [--classifiers demo|keywords]
//
// Prints one line per run and the median per configuration. The corpus is
// the demo's sample events repeated with fresh ids and 10,000 authors.
#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "config/pipeline_config.hpp"
#include "engine/batch_heap.hpp"
#include "engine/engine.hpp"
#include "null_store.hpp"
#include "store/sqlite_store.hpp"

namespace fs = std::filesystem;
using namespace parley;
using namespace parley::host;

namespace {

fs::path generate_corpus(const fs::path& dir, std::size_t events) {
  const fs::path samples = fs::path(PARLEY_SOURCE_DIR) / "configs/samples/events.jsonl";
  std::vector<nlohmann::json> templates;
  std::ifstream in(samples);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line[0] != '#') templates.push_back(nlohmann::json::parse(line));
  }
  const auto corpus = dir / "corpus.jsonl";
  std::ofstream out(corpus);
  for (std::size_t index = 0; index < events; ++index) {
    auto event = templates[index % templates.size()];
    event["id"] = "b-" + std::to_string(index);
    event["author"] = {{"id", "a-" + std::to_string(index % 10000)},
                       {"handle", "user" + std::to_string(index % 10000)}};
    event["thread_id"] = "t-" + std::to_string(index % 25000);
    out << event.dump() << '\n';
  }
  return corpus;
}

/// The demo's classifiers, responders and policy with the corpus as input.
/// `keywords_only`: the pipeline the core issue names (replay -> keywords ->
/// rules -> guard), without the demo's `language` and `persona`, which its
/// rules do not read.
fs::path write_pipeline(const fs::path& dir, const fs::path& corpus, int workers, bool keywords_only) {
  auto pipeline = YAML::LoadFile((fs::path(PARLEY_SOURCE_DIR) / "configs/rules-demo.yaml").string());
  YAML::Node replay;
  replay["id"] = "replay";
  replay["plugin"] = "replay";
  replay["config"]["input"] = corpus.string();
  pipeline["connectors"] = YAML::Node(YAML::NodeType::Sequence);
  pipeline["connectors"].push_back(replay);
  if (keywords_only) {
    YAML::Node kept(YAML::NodeType::Sequence);
    for (const auto& classifier : pipeline["classifiers"]) {
      if (classifier["plugin"].as<std::string>() == "keywords") kept.push_back(classifier);
    }
    pipeline["classifiers"] = kept;
  }
  pipeline["engine"]["workers"] = workers;
  pipeline["engine"]["batch_size"] = 1024;
  const auto file = dir / (keywords_only ? "bench-keywords.yaml" : "bench-demo.yaml");
  std::ofstream(file) << YAML::Dump(pipeline) << '\n';
  return file;
}

double run_once(const fs::path& pipeline_file, bool with_store, const fs::path& dir, std::size_t& handled) {
  SecretRegistry secrets;
  auto loaded = load_pipeline(pipeline_file, secrets);
  if (!loaded.pipeline) {
    for (const auto& error : loaded.errors) std::fprintf(stderr, "%s\n", error.to_string().c_str());
    std::exit(2);
  }
  PluginRegistry registry;
  registry.scan({fs::path(PARLEY_PLUGIN_DIR)});
  auto runtime = build_runtime(*loaded.pipeline, registry, true, nullptr);
  std::unique_ptr<Store> store;
  if (with_store) {
    fs::remove(dir / "bench.db");
    store = SqliteStore::open(dir / "bench.db");
  } else {
    store = std::make_unique<bench::NullStore>();
  }
  RunOptions options;
  options.dry_run = true;
  Engine engine(runtime, *store, options);
  const auto start = std::chrono::steady_clock::now();
  const auto summary = engine.run();
  const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
  handled = summary.events;
  return static_cast<double>(summary.events) / elapsed.count();
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t events = 1'000'000;
  int repeats = 5;
  int workers = 1;
  std::string only;
  std::string classifiers = "demo";
  for (int index = 1; index < argc; index += 2) {
    const std::string flag = argv[index];
    if (index + 1 >= argc || (flag != "--events" && flag != "--repeats" && flag != "--workers" && flag != "--only" &&
                              flag != "--classifiers")) {
      std::fprintf(stderr,
                   "usage: pipeline_throughput [--events N] [--repeats R] [--workers W] [--only no-store|sqlite] "
                   "[--classifiers demo|keywords]\n");
      return 2;
    }
    if (flag == "--events") events = std::stoul(argv[index + 1]);
    if (flag == "--repeats") repeats = std::stoi(argv[index + 1]);
    if (flag == "--workers") workers = std::stoi(argv[index + 1]);
    if (flag == "--only") only = argv[index + 1];
    if (flag == "--classifiers") classifiers = argv[index + 1];
  }
  if ((classifiers != "demo" && classifiers != "keywords") ||
      (!only.empty() && only != "no-store" && only != "sqlite")) {
    std::fprintf(stderr, "--classifiers is demo or keywords; --only is no-store or sqlite\n");
    return 2;
  }
  if (std::getenv("PARLEY_BENCH_DEFAULT_HEAP") == nullptr) set_up_allocator();  // as `parley` does
  spdlog::set_level(spdlog::level::warn);
  const auto dir = fs::temp_directory_path() / "parley-bench";
  fs::create_directories(dir);
  const auto corpus = generate_corpus(dir, events);
  const auto pipeline = write_pipeline(dir, corpus, workers, classifiers == "keywords");
  std::printf(
      "corpus: %zu events, workers: %d, repeats: %d, classifiers: %s\n", events, workers, repeats,
      classifiers == "keywords" ? "keywords (the core issue's pipeline)" : "demo (language, keywords, persona)");
  for (bool with_store : {false, true}) {
    if (!only.empty() && only != (with_store ? "sqlite" : "no-store")) continue;
    std::vector<double> rates;
    for (int repeat = 0; repeat < repeats; ++repeat) {
      std::size_t handled = 0;
      rates.push_back(run_once(pipeline, with_store, dir, handled));
      std::printf("  %-14s run %d: %zu events, %.0f events/s\n", with_store ? "sqlite store" : "no store", repeat + 1,
                  handled, rates.back());
    }
    std::sort(rates.begin(), rates.end());
    std::printf("%-14s median %.0f events/s\n", with_store ? "sqlite store" : "no store", rates[rates.size() / 2]);
  }
}
