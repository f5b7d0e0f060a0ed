// example.yaml is documentation users copy: it must stay a valid config.
#include <catch2/catch.hpp>

#include <yaml-cpp/yaml.h>

#include <parley/testing.hpp>
#include "rules_responder.hpp"

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace example_config_test {

/// Plain YAML -> ConfigValue: maps, lists, and scalars as bool, integer or
/// text (what the rules config needs; the host's loader does the full job).
parley::ConfigValue to_config_value(const YAML::Node& node) {
  if (node.IsMap()) {
    parley::ConfigValue::Map map;
    for (const auto& entry : node) map.emplace_back(entry.first.as<std::string>(), to_config_value(entry.second));
    return parley::ConfigValue(std::move(map));
  }
  if (node.IsSequence()) {
    parley::ConfigValue::List list;
    for (const auto& item : node) list.push_back(to_config_value(item));
    return parley::ConfigValue(std::move(list));
  }
  if (node.IsNull()) return {};
  const auto text = node.as<std::string>();
  if (node.Tag() == "?") {
    if (text == "true") return parley::ConfigValue(true);
    if (text == "false") return parley::ConfigValue(false);
  }
  return parley::ConfigValue(text);
}

TEST_CASE("example.yaml is a valid rules config that behaves as documented", "[rules][example]") {
  const auto entry = YAML::LoadFile(RULES_EXAMPLE_YAML);
  REQUIRE(entry["plugin"].as<std::string>() == "rules");
  parley::testing::FakePluginContext context;
  parley::rules::RulesResponder responder(to_config_value(entry["config"]), context);
  CHECK(responder.rule_set().rules().size() == 7);

  parley::Event event;
  event.id = "dm-1";
  event.kind = parley::EventKind::direct_message;
  event.author.id = "u-1";
  event.author.display_name = "Layla";
  event.text = "My order is late";
  parley::Labels labels;
  labels.set("intent.complaint", 0.9);
  labels.set_attribute("theme", "late_delivery");
  std::vector<parley::Action> proposals;
  responder.respond(event, labels, parley::CaseView{}, proposals);
  REQUIRE(proposals.size() == 1);
  CHECK(proposals[0].rule_id == "complaint-private");
  CHECK(proposals[0].kind == parley::ActionKind::reply_private);
  CHECK(proposals[0].text == "Hi Layla, thank you for writing, and sorry about the late_delivery. We are on it.");
  CHECK(proposals[0].params.at("priority") == "high");
}

}  // namespace example_config_test
