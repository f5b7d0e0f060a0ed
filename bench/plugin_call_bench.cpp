// The cost of calling a plugin across the shared-library boundary (a virtual
// call into a dlopen'ed library) against the same kind of call in-process.
#include <benchmark/benchmark.h>

#include <filesystem>

#include "engine/pipeline_runtime.hpp"

using namespace parley;
using namespace parley::host;

namespace {

class InProcessClassifier final : public Classifier {
 public:
  void classify(const Event& event, Labels& labels) override {
    if (event.text.size() > 1000000) labels.set("never", 1.0);
  }
};

void BM_InProcessCall(benchmark::State& state) {
  std::unique_ptr<Classifier> classifier = std::make_unique<InProcessClassifier>();
  benchmark::DoNotOptimize(classifier.get());
  Event event;
  event.text = "hello";
  Labels labels;
  for (auto _ : state) {
    classifier->classify(event, labels);
    benchmark::ClobberMemory();
  }
}
BENCHMARK(BM_InProcessCall);

void BM_KeywordsPluginCall(benchmark::State& state) {
  PluginRegistry registry;
  registry.scan({std::filesystem::path(PARLEY_PLUGIN_DIR)});
  ConfigValue::Map labels_config{{"toxicity.insult", ConfigValue(ConfigValue::List{"idiot", "ηλίθιος", "идиот"})}};
  PluginRef ref{"keywords", "keywords", ConfigValue(ConfigValue::Map{{"labels", ConfigValue(labels_config)}}), "bench"};
  auto instance = create_instance<Classifier>(registry, ref, "classifiers[0]", {"bench", ".", true, nullptr, nullptr});
  Event event;
  event.text = state.range(0) ? "Where is my order? It has been two weeks, you idiot" : "";
  Labels labels;
  for (auto _ : state) {
    labels.clear();
    instance.object->classify(event, labels);
    benchmark::DoNotOptimize(labels);
  }
}
BENCHMARK(BM_KeywordsPluginCall)->Arg(0)->Arg(1);

}  // namespace

BENCHMARK_MAIN();
