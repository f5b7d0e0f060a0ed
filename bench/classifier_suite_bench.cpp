// Classification speed on one core: each classifier of a pipeline alone, and
// the whole suite in order, over three kinds of text:
//   samples         the demo's 61 short comments in en, el, ru, pl, fi, ar,
//                   cycled: every word seen before, the classifiers' caches warm
//   brand_comments  bench/brand-comments, its first three sets (1,440
//                   comments in the six languages): mostly words met once per pass
//   file            the "text" of each line of $PARLEY_SUITE_TEXTS, when set
//                   (e.g. the development sets of ../shared/data/dev)
// The plugins are the real shared libraries, created by the host's own
// runtime builder with the pipeline's configs.
//   classifier_suite_bench [--benchmark_filter=...]   (PIPELINE env: default
//   configs/classifiers.yaml)
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "engine/batch_heap.hpp"
#include "engine/pipeline_runtime.hpp"

using namespace parley;
using namespace parley::host;
namespace fs = std::filesystem;

namespace {

/// Events from the "text" of each JSONL line of `files`.
std::vector<Event> events_from(const std::vector<fs::path>& files) {
  std::vector<Event> events;
  for (const auto& file : files) {
    std::ifstream in(file);
    if (!in) {
      std::fprintf(stderr, "cannot read %s\n", file.string().c_str());
      std::exit(2);
    }
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
  }
  return events;
}

// The first three sets only: later sets (fourth/, ...) are for quality, and
// leaving them out keeps this corpus, and its figures, comparable over time.
std::vector<fs::path> brand_comment_files() {
  std::vector<fs::path> files;
  const fs::path root = fs::path(PARLEY_SOURCE_DIR) / "bench/brand-comments";
  for (const fs::path& folder : {root, root / "second", root / "third"}) {
    for (const auto& entry : fs::directory_iterator(folder)) {
      if (entry.path().extension() == ".jsonl") files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());  // a fixed order, whatever the file system's
  return files;
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

/// Classifiers [first, last) of the pipeline on every event in turn.
void classify_range(benchmark::State& state, const std::vector<Event>& events, std::size_t first, std::size_t last) {
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

void register_corpus(const std::string& name, std::vector<Event> corpus) {
  if (corpus.empty()) return;
  static std::vector<std::unique_ptr<const std::vector<Event>>> corpora;  // alive while benchmarks run
  corpora.push_back(std::make_unique<const std::vector<Event>>(std::move(corpus)));
  const auto* events = corpora.back().get();
  const auto& classifiers = runtime().classifiers;
  for (std::size_t i = 0; i < classifiers.size(); ++i) {
    // Alone: without the labels of the classifiers before it.
    benchmark::RegisterBenchmark(("classifier/" + classifiers[i].plugin + "/" + name).c_str(),
                                 [events, i](benchmark::State& state) { classify_range(state, *events, i, i + 1); })
        ->MinTime(0.5);
  }
  benchmark::RegisterBenchmark(("suite/" + name).c_str(), [events](benchmark::State& state) {
    classify_range(state, *events, 0, runtime().classifiers.size());
  })->MinTime(1.0);
}

void register_benchmarks() {
  register_corpus("samples", events_from({fs::path(PARLEY_SOURCE_DIR) / "configs/samples/events.jsonl"}));
  register_corpus("brand_comments", events_from(brand_comment_files()));
  if (const char* file = std::getenv("PARLEY_SUITE_TEXTS")) register_corpus("file", events_from({fs::path(file)}));
}

}  // namespace

int main(int argc, char** argv) {
  parley::host::set_up_allocator();  // as `parley classify` runs
  benchmark::Initialize(&argc, argv);
  register_benchmarks();
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
