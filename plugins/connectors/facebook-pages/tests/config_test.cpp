#include <catch2/catch.hpp>

#include <stdexcept>

#include "connector_fixture.hpp"
#include "facebook_config.hpp"

using parley::facebook::FacebookConfig;
using parley::test::connector_config;

TEST_CASE("The config is read with the page as a brand author and a versioned URL", "[config]") {
  const auto config = FacebookConfig::from(connector_config(
      {{"graph_url", "http://127.0.0.1:8080/"}, {"brand_author_ids", parley::ConfigValue::List{"7"}}}));
  CHECK(config.versioned_url() == "http://127.0.0.1:8080/v21.0");
  CHECK(config.is_brand_author("1000"));
  CHECK(config.is_brand_author("7"));
  CHECK_FALSE(config.is_brand_author("8"));
}

TEST_CASE("A config a schema cannot check is refused, naming the field", "[config]") {
  auto refused = [](std::initializer_list<std::pair<const char*, parley::ConfigValue>> changes) {
    try {
      FacebookConfig::from(connector_config(changes));
    } catch (const std::invalid_argument& error) {
      return std::string(error.what());
    }
    return std::string();
  };
  CHECK(refused({{"page_id", "12/../34"}}).find("'page_id'") != std::string::npos);
  CHECK(refused({{"graph_version", "21"}}).find("'graph_version'") != std::string::npos);
  CHECK(refused({{"graph_url", "ftp://graph"}}).find("'graph_url'") != std::string::npos);
  CHECK(refused({{"access_token", ""}}).find("'access_token'") != std::string::npos);
  CHECK(refused({}).empty());
}

TEST_CASE("Every schema field has a description and the secrets are marked secret", "[config]") {
  for (const auto& field : parley::facebook::facebook_config_schema()) {
    CHECK_FALSE(field.description.empty());
    const bool secret = field.name == "access_token" || field.name == "app_secret" || field.name == "verify_token";
    CHECK(field.secret == secret);
  }
}
