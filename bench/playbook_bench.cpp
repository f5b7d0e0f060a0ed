// The playbook path, one event at a time on one core: classify -> playbook ->
// guard -> dry run (EventHandler::handle, the engine's per-event step), with
// a brand's real pipeline (default configs/brands/bazaar/pipeline.yaml: six
// classifiers, the playbook in six languages). Reports events/s, the median
// and p99 latency per event, and what writing one reply costs (variant
// choice, rendering, tone check) next to classification.
//
//   playbook_bench [--events N] [--repeats R] [--pipeline FILE]
#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <parley/testing.hpp>
#include <string>
#include <vector>

#include "config/pipeline_config.hpp"
#include "engine/event_handler.hpp"
#include "null_store.hpp"
#include "playbook_config.hpp"
#include "reply_writer.hpp"

namespace fs = std::filesystem;
using namespace parley;
using namespace parley::host;
using Clock = std::chrono::steady_clock;

namespace {

/// The demo's sample comments as events, cycled to `count`, 5,000 authors.
std::vector<Event> corpus(std::size_t count) {
  std::ifstream in(fs::path(PARLEY_SOURCE_DIR) / "configs/samples/events.jsonl");
  std::vector<nlohmann::json> samples;
  for (std::string line; std::getline(in, line);) {
    auto json = nlohmann::json::parse(line, nullptr, false);
    if (json.is_object() && json.contains("text")) samples.push_back(std::move(json));
  }
  std::vector<Event> events;
  for (std::size_t index = 0; index < count; ++index) {
    const auto& sample = samples[index % samples.size()];
    Event event;
    event.id = "b-" + std::to_string(index);
    event.account = "bench";
    event.author.id = "a-" + std::to_string(index % 5000);
    event.author.display_name = sample.value("author", nlohmann::json::object()).value("display_name", "");
    event.thread_id = "t-" + std::to_string(index % 12000);
    event.text = sample.at("text").get<std::string>();
    event.created_at = 1795000000000 + static_cast<std::int64_t>(index) * 1000;
    events.push_back(std::move(event));
  }
  return events;
}

double percentile(std::vector<double> values, double share) {
  std::sort(values.begin(), values.end());
  return values[std::min(values.size() - 1, static_cast<std::size_t>(share * static_cast<double>(values.size())))];
}

struct RunResult {
  double events_per_second = 0;
  double median_us = 0;
  double p99_us = 0;
  double classify_share = 0;
  std::size_t actions = 0;
};

RunResult run_once(const PipelineRuntime& runtime, const std::vector<Event>& events) {
  bench::NullStore store;
  EventHandler handler(runtime, store, RetryPolicy{1, 0}, true);
  std::vector<double> latencies;
  latencies.reserve(events.size());
  RunResult result;
  double classify_seconds = 0;
  const auto start = Clock::now();
  for (const auto& event : events) {
    HandledEvent item;
    item.event = event;
    item.connector_id = runtime.connectors.front().id;
    const auto before = Clock::now();
    handler.handle(item);
    const std::chrono::duration<double, std::micro> took = Clock::now() - before;
    latencies.push_back(took.count());
    result.actions += item.decisions.size();
  }
  const std::chrono::duration<double> elapsed = Clock::now() - start;
  // Classification alone over the same events, to split the per-event cost.
  const auto classify_start = Clock::now();
  for (const auto& event : events) {
    Labels labels;
    (void)classify(runtime, event, labels, RetryPolicy{1, 0});
  }
  classify_seconds = std::chrono::duration<double>(Clock::now() - classify_start).count();
  result.events_per_second = static_cast<double>(events.size()) / elapsed.count();
  result.median_us = percentile(latencies, 0.5);
  result.p99_us = percentile(latencies, 0.99);
  result.classify_share = classify_seconds / elapsed.count();
  return result;
}

/// Nanoseconds to write one reply (choose a variant, render, tone check).
double reply_cost_ns(std::size_t replies) {
  const auto config = playbook::parse_playbook_config(ConfigValue(
      ConfigValue::Map{{"brand", "Bazaar"}, {"languages", ConfigValue::List{"en", "el", "ru", "pl", "fi", "ar"}}}));
  testing::FakePluginContext context;  // keeps the variant memory in a map, as the host keeps it in memory
  playbook::ReplyWriter writer(config, context);
  const char* languages[] = {"en", "el", "ru", "pl", "fi", "ar"};
  const std::map<std::string, std::string> facts = {
      {"name", "Maria"}, {"brand", "Bazaar"}, {"eta", "today by 14:00"}, {"kb_link", "https://bazaar.example/help"}};
  std::size_t characters = 0;
  const auto start = Clock::now();
  for (std::size_t index = 0; index < replies; ++index) {
    const auto reply =
        writer.write(playbook::message::acknowledge, languages[index % 6], "bench", "e" + std::to_string(index), facts);
    characters += reply.text.size();
  }
  const std::chrono::duration<double, std::nano> elapsed = Clock::now() - start;
  if (characters == 0) std::exit(1);
  return elapsed.count() / static_cast<double>(replies);
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t count = 100'000;
  int repeats = 5;
  fs::path pipeline_file = fs::path(PARLEY_SOURCE_DIR) / "configs/brands/bazaar/pipeline.yaml";
  for (int index = 1; index + 1 < argc; index += 2) {
    const std::string flag = argv[index];
    if (flag == "--events") count = std::stoul(argv[index + 1]);
    if (flag == "--repeats") repeats = std::stoi(argv[index + 1]);
    if (flag == "--pipeline") pipeline_file = argv[index + 1];
  }
  spdlog::set_level(spdlog::level::warn);
  SecretRegistry secrets;
  auto loaded = load_pipeline(pipeline_file, secrets);
  if (!loaded.pipeline) {
    for (const auto& error : loaded.errors) std::fprintf(stderr, "%s\n", error.to_string().c_str());
    return 2;
  }
  PluginRegistry registry;
  registry.scan({fs::path(PARLEY_PLUGIN_DIR)});
  const auto runtime = build_runtime(*loaded.pipeline, registry, true, nullptr);
  const auto events = corpus(count);
  std::printf("pipeline: %s\nevents: %zu per run, repeats: %d, one core\n", pipeline_file.c_str(), count, repeats);
  std::vector<double> rates, medians, p99s, shares;
  for (int repeat = 0; repeat < repeats; ++repeat) {
    const auto result = run_once(runtime, events);
    rates.push_back(result.events_per_second);
    medians.push_back(result.median_us);
    p99s.push_back(result.p99_us);
    shares.push_back(result.classify_share);
    std::printf("  run %d: %.0f events/s, median %.1f us, p99 %.1f us, classify %.0f%%, %zu actions\n", repeat + 1,
                result.events_per_second, result.median_us, result.p99_us, 100 * result.classify_share, result.actions);
  }
  std::printf("median of runs: %.0f events/s, latency median %.1f us, p99 %.1f us, classify %.0f%% of the time\n",
              percentile(rates, 0.5), percentile(medians, 0.5), percentile(p99s, 0.5), 100 * percentile(shares, 0.5));
  std::vector<double> reply_costs;
  for (int repeat = 0; repeat < repeats; ++repeat) reply_costs.push_back(reply_cost_ns(50'000));
  std::printf("one reply (variant, render, tone check): median %.0f ns\n", percentile(reply_costs, 0.5));
}
