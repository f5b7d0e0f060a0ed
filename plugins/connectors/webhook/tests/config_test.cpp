// The connector's own checks of its config, beyond the schema the host checks.
#include <catch2/catch.hpp>

#include "webhook_fixture.hpp"

using parley::ActionKind;
using parley::ConfigValue;
using namespace parley::test;

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace config_test {

std::string refusal_of(const ConfigValue& config) {
  WebhookFixture fixture;
  try {
    fixture.connector(config);
  } catch (const std::invalid_argument& error) {
    return error.what();
  }
  return "";
}

TEST_CASE("a config needs inbound, outbound or both") {
  CHECK_THAT(refusal_of(config_with(std::nullopt, std::nullopt)), Catch::Contains("needs 'inbound', 'outbound'"));
  WebhookFixture fixture;
  auto both = fixture.connector(config_with(inbound_section(), outbound_section("http://127.0.0.1:9/hook")));
  CHECK(both->receives_webhooks());
  CHECK(both->supported_actions() == std::vector<ActionKind>{ActionKind::escalate, ActionKind::notify});
  auto out_only = fixture.connector(config_with(std::nullopt, outbound_section("http://127.0.0.1:9/hook")));
  CHECK_FALSE(out_only->receives_webhooks());
}

TEST_CASE("inbound needs exactly one credential") {
  // The defaults the host fills in for an absent `inbound:` are no inbound.
  const ConfigValue defaults_only(ConfigValue::Map{{"replay_window_s", 300}, {"platform", "webhook"}});
  WebhookFixture fixture;
  CHECK_FALSE(fixture.connector(config_with(defaults_only, outbound_section("https://x.test")))->receives_webhooks());
  // Written in the file (it has a location), but without secret or header.
  ConfigValue::Map written{{"replay_window_s", 300}};
  ConfigValue located(written);
  located.set_location("acme.yaml:4:5");
  CHECK_THAT(refusal_of(config_with(located, std::nullopt)), Catch::Contains("exactly one of 'secret'"));

  const ConfigValue both(ConfigValue::Map{
      {"secret", kInboundSecret},
      {"shared_secret_header", ConfigValue(ConfigValue::Map{{"name", "X-Token"}, {"value", "tok-123"}})}});
  CHECK_THAT(refusal_of(config_with(both, std::nullopt)), Catch::Contains("exactly one of 'secret'"));

  const ConfigValue bad_name(ConfigValue::Map{
      {"shared_secret_header", ConfigValue(ConfigValue::Map{{"name", "X Token:"}, {"value", "tok-123"}})}});
  CHECK_THAT(refusal_of(config_with(bad_name, std::nullopt)), Catch::Contains("must be an HTTP header name"));
}

TEST_CASE("outbound checks its URL, secret and kinds without quoting secrets") {
  const auto slack_url = std::string("https://hooks.slack.test/services/T000/B000/XXXXSECRET");
  auto not_a_url = outbound_section("ftp://example.test/hook");
  CHECK_THAT(refusal_of(config_with(std::nullopt, not_a_url)), Catch::Contains("'outbound.url' must start with"));

  ConfigValue::Map unsigned_parley{
      {"url", "https://example.test/hook"}, {"format", "parley"}, {"kinds", ConfigValue(ConfigValue::List{"notify"})}};
  CHECK_THAT(refusal_of(config_with(std::nullopt, ConfigValue(unsigned_parley))),
             Catch::Contains("'outbound.secret' is required"));

  ConfigValue::Map slack_with_secret{{"url", slack_url},
                                     {"format", "slack"},
                                     {"secret", "s3cr3t-value"},
                                     {"kinds", ConfigValue(ConfigValue::List{"notify"})}};
  const auto refused = refusal_of(config_with(std::nullopt, ConfigValue(slack_with_secret)));
  CHECK_THAT(refused, Catch::Contains("not used with format 'slack'"));
  CHECK_THAT(refused, !Catch::Contains("s3cr3t-value") && !Catch::Contains("XXXXSECRET"));

  CHECK_THAT(refusal_of(config_with(std::nullopt, outbound_section("https://x.test", "slack", {}))),
             Catch::Contains("at least one action kind"));
  CHECK_THAT(refusal_of(config_with(std::nullopt, outbound_section("https://x.test", "slack", {"notify", "notify"}))),
             Catch::Contains("'notify' twice"));
}

TEST_CASE("the schema marks every credential secret") {
  const auto schema = parley::webhook::webhook_config_schema();
  std::vector<std::string> secret;
  for (const auto& section : schema) {
    for (const auto& field : section.fields) {
      if (field.secret) secret.push_back(section.name + "." + field.name);
      for (const auto& inner : field.fields) {
        if (inner.secret) secret.push_back(section.name + "." + field.name + "." + inner.name);
      }
    }
  }
  CHECK(secret == std::vector<std::string>{"inbound.secret", "inbound.shared_secret_header.value", "outbound.url",
                                           "outbound.secret"});
}

}  // namespace config_test
