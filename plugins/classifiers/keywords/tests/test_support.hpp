// Test helpers: a fake PluginContext, YAML -> ConfigValue, and a one-call
// classify().
#pragma once

#include <yaml-cpp/yaml.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <parley/parley.hpp>

#include "keywords_classifier.hpp"

namespace parley::keywords::test {

class FakeContext final : public PluginContext {
 public:
  void log(LogLevel level, std::string_view message) override {
    lines.emplace_back(std::string(level == LogLevel::warn ? "warn: " : "") + std::string(message));
  }
  const std::string& pipeline() const override { return pipeline_; }
  const std::string& instance_id() const override { return instance_; }
  std::string resolve_path(std::string_view path) const override { return std::string(path); }
  std::int64_t now_ms() const override { return 1'790'000'000'000; }
  bool dry_run() const override { return true; }

  std::vector<std::string> lines;

 private:
  std::string pipeline_ = "nordic-coffee";
  std::string instance_ = "keywords";
};

/// Plain scalars become bool (true/false), integer, number or string like the
/// host's YAML reader; quoted scalars stay strings.
inline ConfigValue to_config(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined: return {};
    case YAML::NodeType::Sequence: {
      ConfigValue::List list;
      for (const auto& item : node) list.push_back(to_config(item));
      return list;
    }
    case YAML::NodeType::Map: {
      ConfigValue::Map map;
      for (const auto& item : node) map.emplace_back(item.first.as<std::string>(), to_config(item.second));
      return map;
    }
    case YAML::NodeType::Scalar: break;
  }
  const std::string text = node.Scalar();
  if (node.Tag() != "!") {
    if (text == "true") return true;
    if (text == "false") return false;
    try {
      std::size_t used = 0;
      const long long integer = std::stoll(text, &used);
      if (used == text.size()) return static_cast<std::int64_t>(integer);
    } catch (const std::exception&) {
    }
    try {
      std::size_t used = 0;
      const double number = std::stod(text, &used);
      if (used == text.size()) return number;
    } catch (const std::exception&) {
    }
  }
  return text;
}

inline ConfigValue yaml_config(const std::string& yaml) { return to_config(YAML::Load(yaml)); }

inline Event event_with(std::string text) {
  Event event;
  event.id = "ev-test";
  event.account = "nordic-coffee";
  event.author.id = "u-test";
  event.text = std::move(text);
  return event;
}

/// Labels that `classifier` gives `text`.
inline Labels classify(KeywordsClassifier& classifier, std::string text) {
  Labels labels;
  classifier.classify(event_with(std::move(text)), labels);
  return labels;
}

inline KeywordsClassifier make_classifier(const std::string& yaml) {
  FakeContext context;
  return KeywordsClassifier(yaml_config(yaml), context);
}

}  // namespace parley::keywords::test
