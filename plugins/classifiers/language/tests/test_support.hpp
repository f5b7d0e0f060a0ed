// Test helpers: the SDK's fake PluginContext, YAML -> ConfigValue, and
// classifiers shared within one test process (loading the models is the slow
// part; catch_discover_tests runs each test case in its own process).
#pragma once

#include <filesystem>
#include <string>
#include <utility>

#include <parley/parley.hpp>
#include <parley/testing.hpp>
#include <parley_test/classify.hpp>
#include <parley_test/yaml_config.hpp>

#include "language_classifier.hpp"

namespace parley::language::test {

using FakeContext = testing::FakePluginContext;
using ::parley::test::classify;
using ::parley::test::event_with;
using ::parley::test::to_config;
using ::parley::test::yaml_config;

/// The models copied into the build tree. The test executable does not sit
/// where plugin_data_dir() expects a plugin, so tests name them.
inline std::string model_file(const char* name) { return (std::filesystem::path(LANGUAGE_MODELS_DIR) / name).string(); }

/// A config of `yaml` lines plus the paths of the build tree's models.
inline ConfigValue config_with_models(const std::string& yaml) {
  std::string text;
  if (yaml.find("model:") == std::string::npos) text += "model: " + model_file("lid.176.ftz") + "\n";
  if (yaml.find("eld_data:") == std::string::npos) text += "eld_data: " + model_file("eld") + "\n";
  text += yaml;
  return yaml_config(text);
}

inline LanguageClassifier make_classifier(const std::string& yaml) {
  FakeContext context;
  return LanguageClassifier(config_with_models(yaml), context);
}

/// The six languages of the demo brands.
inline LanguageClassifier& six_languages() {
  static LanguageClassifier classifier = make_classifier("languages: [en, el, ru, pl, fi, ar]");
  return classifier;
}

/// No `languages`: any of fastText's 176.
inline LanguageClassifier& any_language() {
  static LanguageClassifier classifier = make_classifier("");
  return classifier;
}

}  // namespace parley::language::test
