#include <catch2/catch.hpp>

#include <stdexcept>
#include <string>

#include "email_config.hpp"
#include "email_fixture.hpp"

using parley::ActionKind;
using parley::ConfigValue;
using parley::email::EmailConfig;
using parley::email::StartTls;
using parley::test::email_config;

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace config_test {

std::string refused(std::initializer_list<std::pair<const char*, ConfigValue>> changes) {
  try {
    EmailConfig::read(email_config(changes));
  } catch (const std::invalid_argument& error) {
    return error.what();
  }
  return "";
}

TEST_CASE("The config is read: URL, STARTTLS mode, sender with display name, kinds", "[config]") {
  const auto config = EmailConfig::read(email_config({{"smtp_url", "smtp://mail.example.com:587/"},
                                                      {"starttls", "optional"},
                                                      {"kinds", ConfigValue::List{"escalate", "warn"}}}));
  CHECK(config.smtp_url == "smtp://mail.example.com:587");
  CHECK(config.starttls == StartTls::optional);
  CHECK_FALSE(config.uses_implicit_tls());
  CHECK(config.from.display_name == "Nordic Coffee Care");
  CHECK(config.from.address == "care@nordic-coffee.example");
  CHECK(config.kinds == std::vector<ActionKind>{ActionKind::escalate, ActionKind::warn});
  CHECK(EmailConfig::read(email_config({{"smtp_url", "smtps://mail.example.com"}})).uses_implicit_tls());
  CHECK(EmailConfig::read(email_config({{"from", "care@nordic-coffee.example"}})).from.display_name.empty());
}

TEST_CASE("A config a schema cannot check is refused, naming the field", "[config]") {
  CHECK(refused({}).empty());
  CHECK(refused({{"smtp_url", "http://mail.example.com"}}).find("'smtp_url'") != std::string::npos);
  CHECK(refused({{"smtp_url", "smtp://user:pw@mail.example.com"}}).find("'smtp_url'") != std::string::npos);
  CHECK(refused({{"smtp_url", "smtp://mail.example.com/path"}}).find("'smtp_url'") != std::string::npos);
  CHECK(refused({{"smtp_url", "smtp://mail.example.com:70000"}}).find("port above 65535") != std::string::npos);
  CHECK(refused({{"username", "bot"}}).find("'password' is required") != std::string::npos);
  CHECK(refused({{"password", "x"}}).find("'username' is required") != std::string::npos);
  CHECK(refused({{"from", "Care <not an address>"}}).find("'from'") != std::string::npos);
  CHECK(refused({{"from", ""}}).find("'from'") != std::string::npos);
  CHECK(refused({{"reply_to", "a@b.example\r\nBcc: x@y.example"}}).find("'reply_to'") != std::string::npos);
  CHECK(refused({{"subject_prefix", "[P]\r\nBcc: x@y.example"}}).find("'subject_prefix'") != std::string::npos);
  CHECK(refused({{"kinds", ConfigValue::List{"hide"}}}).find("'kinds'") != std::string::npos);
}

TEST_CASE("A refused field is located where the pipeline file wrote it", "[config]") {
  ConfigValue url("ftp://mail.example.com");
  url.set_location("pipelines/acme.yaml:14:15");
  CHECK(refused({{"smtp_url", url}}).rfind("pipelines/acme.yaml:14:15: email: config 'smtp_url'", 0) == 0);
}

TEST_CASE("The password never appears in a config error", "[config]") {
  const auto message = refused({{"password", parley::test::kPassword}});
  CHECK_FALSE(message.empty());
  CHECK(message.find(parley::test::kPassword) == std::string::npos);
}

TEST_CASE("Every schema field has a description and only the password is secret", "[config]") {
  for (const auto& field : parley::email::email_config_schema()) {
    CHECK_FALSE(field.description.empty());
    CHECK(field.secret == (field.name == "password"));
  }
}

}  // namespace config_test
