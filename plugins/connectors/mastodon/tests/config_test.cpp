#include <catch2/catch.hpp>

#include "connector_fixture.hpp"
#include "mastodon_config.hpp"

using parley::mastodon::MastodonConfig;
using parley::test::connector_config;

TEST_CASE("The config is read with its defaults and the brand's own accounts", "[config]") {
  const auto config = MastodonConfig::from(connector_config(
      {{"instance_url", "https://mastodon.test/"}, {"brand_account_ids", parley::ConfigValue::List{"55"}}}));
  CHECK(config.instance_url == "https://mastodon.test");
  CHECK(config.page_size == 40);
  CHECK(config.reply_visibility == "public");
  CHECK(config.is_brand_account(parley::test::kBrandId));
  CHECK(config.is_brand_account("55"));
  CHECK_FALSE(config.is_brand_account("56"));
}

TEST_CASE("A bad instance URL, account id or choice is refused, naming the field", "[config]") {
  const auto refused = [](std::initializer_list<std::pair<const char*, parley::ConfigValue>> changes,
                          const std::string& field) {
    try {
      MastodonConfig::from(connector_config(changes));
      FAIL("accepted");
    } catch (const std::invalid_argument& error) {
      CHECK_THAT(error.what(), Catch::Contains(field));
    }
  };
  refused({{"instance_url", "mastodon.test"}}, "instance_url");
  refused({{"instance_url", "https://mastodon.test/api"}}, "instance_url");
  refused({{"account_id", "../1/block"}}, "account_id");
  refused({{"account_id", ""}}, "account_id");
  refused({{"access_token", ""}}, "access_token");
  refused({{"reply_visibility", "direct"}}, "reply_visibility");
  refused({{"ban_as", "suspend"}}, "ban_as");
  refused({{"page_size", 81}}, "page_size");
}

TEST_CASE("The schema marks the token secret and requires the three essentials", "[config]") {
  const auto schema = parley::mastodon::mastodon_config_schema();
  for (const auto& field : schema) {
    if (field.name == "access_token") CHECK(field.secret);
    const bool essential = field.name == "instance_url" || field.name == "access_token" || field.name == "account_id";
    CHECK(field.required == essential);
  }
}
