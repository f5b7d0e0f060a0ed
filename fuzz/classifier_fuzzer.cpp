// libFuzzer target over one built-in classifier, built once per classifier
// (see CMakeLists.txt). The plugin is created through its own registration
// (src/plugin.cpp, the descriptor the host loads) with its example.yaml
// config, then fed arbitrary bytes as event text.
//
// Input layout: byte 0 picks the `lang` attribute an earlier classifier
// would have set (none, one of the six languages, an unknown code) and
// whether earlier toxicity/intent labels are present; the rest is the text.
#include <yaml-cpp/yaml.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <parley/parley.hpp>
#include <parley/testing.hpp>
#include <parley_test/yaml_config.hpp>
#include <string>

extern "C" const void* parley_plugin;

namespace {

parley::Classifier& classifier() {
  static parley::testing::FakePluginContext context(PARLEY_FUZZ_PLUGIN_DIR);
  static std::unique_ptr<parley::Classifier> instance = [] {
    using Describe = const parley::PluginDescriptor* (*)();
    const auto* descriptor = reinterpret_cast<Describe>(reinterpret_cast<std::intptr_t>(parley_plugin))();
    const auto example = YAML::LoadFile(std::string(PARLEY_FUZZ_PLUGIN_DIR) + "/example.yaml");
    return descriptor->create_classifier(parley::test::to_config(example["config"]), context);
  }();
  return *instance;
}

constexpr const char* kLanguages[] = {"", "en", "el", "ru", "pl", "fi", "ar", "zz"};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const auto control = data[0];
  parley::Event event;
  event.id = "fuzz";
  event.account = "brand";
  event.author.id = "someone";
  event.text.assign(reinterpret_cast<const char*>(data + 1), size - 1);
  event.metadata["customer_tier"] = (control & 0x10) ? "gold" : "";

  parley::Labels labels;
  if (const char* lang = kLanguages[control & 0x07]; *lang) labels.set_attribute("lang", lang);
  if (control & 0x08) {
    labels.set("toxicity.insult", 0.9);
    labels.set("intent.complaint", 0.8);
    labels.set("sentiment.negative", 0.7);
  }
  classifier().classify(event, labels);
  for (const auto& [name, score] : labels.scores()) {
    if (!(score >= 0.0 && score <= 1.0)) std::abort();  // the label contract: every score in [0,1]
  }
  return 0;
}
