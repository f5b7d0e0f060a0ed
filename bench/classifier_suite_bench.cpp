// Classification speed on one core: each classifier of a pipeline alone, and
// the whole suite in order, over the demo's sample comments (61 short texts in
// en, el, ru, pl, fi, ar, cycled). The plugins are the real shared libraries,
// created by the host's own runtime builder with the pipeline's configs.
//   classifier_suite_bench [--benchmark_filter=...]   (PIPELINE env: default
//   configs/classifiers.yaml)
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "engine/pipeline_runtime.hpp"

using namespace parley;
using namespace parley::host;
namespace fs = std::filesystem;

namespace {

std::vector<Event> sample_events() {
  std::ifstream in(fs::path(PARLEY_SOURCE_DIR) / "configs/samples/events.jsonl");
  std::vector<Event> events;
  std::string line;
  while (std::getline(in, line)) {
    const auto json = nlohmann::json::parse(line, nullptr, false);
    if (!json.is_object() || !json.contains("text")) continue;
    Event event;
    event.id = json.value("id", "");
    event.account = "bench";
    event.author.id = "someone";
    event.text = json.at("text").get<std::string>();
    events.push_back(std::move(event));
  }
  return events;
}

PipelineRuntime& runtime() {
  static PipelineRuntime instance = [] {
    const char* file = std::getenv("PIPELINE");
    const fs::path pipeline = file ? fs::path(file) : fs::path(PARLEY_SOURCE_DIR) / "configs/classifiers.yaml";
    SecretRegistry secrets;
    auto loaded = load_pipeline(pipeline, secrets);
    if (!loaded.pipeline) {
      for (const auto& error : loaded.errors) std::fprintf(stderr, "%s\n", error.to_string().c_str());
      std::exit(2);
    }
    PluginRegistry registry;
    registry.scan({fs::path(PARLEY_PLUGIN_DIR)});
    return build_runtime(*loaded.pipeline, registry, true, nullptr, RuntimeParts::classifiers_only);
  }();
  return instance;
}

/// Classifiers [first, last) of the pipeline on every sample in turn.
void classify_range(benchmark::State& state, std::size_t first, std::size_t last) {
  static const auto events = sample_events();
  auto& classifiers = runtime().classifiers;
  Labels labels;
  std::size_t next = 0;
  for (auto _ : state) {
    labels.clear();
    const auto& event = events[next];
    next = next + 1 == events.size() ? 0 : next + 1;
    for (auto i = first; i < last; ++i) classifiers[i].object->classify(event, labels);
    benchmark::DoNotOptimize(labels);
  }
  state.SetItemsProcessed(state.iterations());
}

void register_benchmarks() {
  const auto& classifiers = runtime().classifiers;
  for (std::size_t i = 0; i < classifiers.size(); ++i) {
    // Alone: without the labels of the classifiers before it.
    benchmark::RegisterBenchmark(("classifier/" + classifiers[i].plugin).c_str(), [i](benchmark::State& state) {
      classify_range(state, i, i + 1);
    })->MinTime(0.5);
  }
  benchmark::RegisterBenchmark("suite/all_in_order", [](benchmark::State& state) {
    classify_range(state, 0, runtime().classifiers.size());
  })->MinTime(1.0);
}

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  register_benchmarks();
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
