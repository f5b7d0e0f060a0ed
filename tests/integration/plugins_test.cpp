// parley plugins: the built-in plugins are found with no flags; a plugin
// built for another API major is refused, by name, with both versions.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <parley/version.hpp>

#include "parley_process.hpp"

using namespace parley::testing;

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace plugins_test {

const std::string host_api_text =
    "host has API " + std::to_string(PARLEY_API_MAJOR) + "." + std::to_string(PARLEY_API_MINOR);

TEST_CASE("the built-in plugins are found next to the binary") {
  const auto result = run_parley({"plugins", "--json"});
  REQUIRE(result.exit_code == 0);
  const auto json = nlohmann::json::parse(result.out);
  std::map<std::string, std::string> kinds;
  for (const auto& plugin : json.at("plugins")) kinds[plugin.at("name")] = plugin.at("kind");
  CHECK(kinds["replay"] == "connector");
  CHECK(kinds["keywords"] == "classifier");
  CHECK(kinds["rules"] == "responder");
}

TEST_CASE("describe shows a plugin's config schema") {
  const auto result = run_parley({"plugins", "--describe", "replay", "--json"});
  REQUIRE(result.exit_code == 0);
  const auto plugin = nlohmann::json::parse(result.out).at("plugins").at(0);
  bool has_input = false;
  for (const auto& field : plugin.at("config_schema")) has_input = has_input || field.at("name") == "input";
  CHECK(has_input);
  CHECK(run_parley({"plugins", "--describe", "replai"}).exit_code == 2);
}

TEST_CASE("a plugin built for a different API major is refused with a clear message") {
  const auto result = run_parley({"plugins", "--json", "--plugin-path", PARLEY_TEST_PLUGIN_DIR});
  REQUIRE(result.exit_code == 0);
  const auto json = nlohmann::json::parse(result.out);
  bool refused = false;
  for (const auto& problem : json.at("refused")) {
    const std::string file = problem.at("file");
    if (file.find("parley-future_api.so") == std::string::npos) continue;
    refused = true;
    CHECK_THAT(problem.at("reason").get<std::string>(), Catch::Contains("API major versions disagree") &&
                                                            Catch::Contains("plugin built for API 2.0") &&
                                                            Catch::Contains(host_api_text));
  }
  CHECK(refused);
  for (const auto& plugin : json.at("plugins")) CHECK(plugin.at("name") != "future");
}

}  // namespace plugins_test
