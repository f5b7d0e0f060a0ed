#include <catch2/catch.hpp>

#include <stdexcept>

#include "connector_fixture.hpp"
#include "instagram_config.hpp"

using parley::instagram::InstagramConfig;
using parley::test::ig_config;

TEST_CASE("The config is read with the account as a brand author and a versioned URL", "[config]") {
  const auto config = InstagramConfig::from(ig_config({{"graph_url", "http://127.0.0.1:9/"},
                                                       {"brand_author_ids", parley::ConfigValue::List{"77"}},
                                                       {"live_comments", true}}));
  CHECK(config.versioned_url() == "http://127.0.0.1:9/v21.0");
  CHECK(config.ig_user_id == parley::test::kIgUserId);
  CHECK(config.is_brand_author(parley::test::kIgUserId));
  CHECK(config.is_brand_author("77"));
  CHECK(config.live_comments);
}

TEST_CASE("A config a schema cannot check is refused, naming the field", "[config]") {
  auto refusal = [](parley::test::ConfigChanges changes) {
    try {
      InstagramConfig::from(ig_config(changes));
    } catch (const std::invalid_argument& error) {
      return std::string(error.what());
    }
    return std::string();
  };
  CHECK(refusal({{"ig_user_id", "nordiccoffee"}}) ==
        "instagram: config 'ig_user_id' must be the professional account's numeric id, got 'nordiccoffee'");
  CHECK(refusal({{"graph_version", "latest"}}).find("'graph_version'") != std::string::npos);
  CHECK(refusal({{"access_token", ""}}) == "instagram: config 'access_token' is required");
  CHECK(refusal({}).empty());
}

TEST_CASE("Every schema field is described, secrets are marked and ban is nowhere", "[config]") {
  for (const auto& field : parley::instagram::instagram_config_schema()) {
    CHECK_FALSE(field.description.empty());
    const bool secret = field.name == "access_token" || field.name == "app_secret" || field.name == "verify_token";
    CHECK(field.secret == secret);
  }
}
