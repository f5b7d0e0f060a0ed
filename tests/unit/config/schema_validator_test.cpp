#include <catch2/catch.hpp>

#include "config/schema_validator.hpp"
#include "config/yaml_document.hpp"

using parley::ConfigSchema;
using parley::ConfigValue;
using parley::host::Diagnostic;
using parley::host::Diagnostics;
using parley::host::load_yaml_string;
using parley::host::validate_config;
namespace schema = parley::schema;

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace schema_validator_test {

ConfigValue yaml(const std::string& text) {
  auto document = load_yaml_string(text, "c.yaml");
  REQUIRE(document.errors.empty());
  return document.root;
}

const Diagnostic* find_key(const Diagnostics& errors, const std::string& key) {
  for (const auto& error : errors) {
    if (error.key == key) return &error;
  }
  return nullptr;
}

ConfigSchema server_schema() {
  return {
      schema::string("host").require(),
      schema::integer("port").range(1, 65535).defaults(8080),
      schema::number("ratio").range(0, 1).defaults(0.5),
      schema::boolean("verbose").defaults(false),
      schema::string("mode").one_of({"fast", "careful"}).defaults("careful"),
      schema::string("token").mark_secret(),
      schema::list("tags", schema::string()),
      schema::object("limits",
                     {
                         schema::integer("per_minute").defaults(60),
                         schema::integer("burst").range(0, std::nullopt),
                     }),
  };
}

TEST_CASE("a valid section gets its defaults, written values keep their location", "[config][schema]") {
  ConfigValue validated;
  const auto errors = validate_config(yaml("host: example.org\nratio: 1\n"), server_schema(), "srv", validated);
  REQUIRE(errors.empty());
  CHECK(validated.at("host").as_string() == "example.org");
  CHECK(validated.at("host").location() == "c.yaml:1:7");
  CHECK(validated.at("ratio").as_number() == Approx(1.0));  // integer accepted for a number
  CHECK(validated.at("port").as_integer() == 8080);
  CHECK(validated.at("port").location().empty());  // a default was not written anywhere
  CHECK(validated.at("verbose").as_bool() == false);
  CHECK(validated.at("mode").as_string() == "careful");
  CHECK(validated.find("token") == nullptr);  // optional, no default
  CHECK(validated.find("tags") == nullptr);
  // An absent object whose fields are all optional is filled with its defaults.
  REQUIRE(validated.find("limits") != nullptr);
  CHECK(validated.at("limits").at("per_minute").as_integer() == 60);
  CHECK(validated.at("limits").find("burst") == nullptr);
}

TEST_CASE("null input counts as an empty section", "[config][schema]") {
  ConfigValue validated;
  const ConfigSchema optional_only{schema::integer("n").defaults(3)};
  CHECK(validate_config(ConfigValue(), optional_only, "", validated).empty());
  CHECK(validated.at("n").as_integer() == 3);

  const auto errors = validate_config(ConfigValue(), server_schema(), "srv", validated);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].key == "srv.host");
  CHECK(errors[0].message == "missing required key");
  CHECK(errors[0].expected == "a string");
}

TEST_CASE("a key written with no value counts as absent", "[config][schema]") {
  ConfigValue validated;
  const auto errors = validate_config(yaml("host:\nport:\n"), server_schema(), "", validated);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].key == "host");
  CHECK(errors[0].message == "missing value");
  CHECK(errors[0].location == "c.yaml:1:1");
  CHECK(validated.at("port").as_integer() == 8080);
}

TEST_CASE("unknown keys are refused with the valid keys and a suggestion", "[config][schema]") {
  ConfigValue validated;
  const auto errors = validate_config(yaml("host: h\nprot: 80\nzzzzzz: 1\n"), server_schema(), "srv", validated);
  REQUIRE(errors.size() == 2);
  CHECK(errors[0].key == "srv.prot");
  CHECK(errors[0].message == "unknown key");
  CHECK(errors[0].location == "c.yaml:2:7");
  CHECK_THAT(errors[0].expected, Catch::Contains("'host', 'port', 'ratio'"));
  CHECK(errors[0].suggestion == "port");
  CHECK(errors[1].key == "srv.zzzzzz");
  CHECK(errors[1].suggestion.empty());
}

TEST_CASE("wrong types say what was found and what was expected", "[config][schema]") {
  ConfigValue validated;
  const auto errors =
      validate_config(yaml("host: [a, b]\nport: abc\nratio: \"0.5\"\nverbose: yes\ntags: solo\nlimits: 5\n"),
                      server_schema(), "", validated);
  REQUIRE(errors.size() == 6);
  CHECK(find_key(errors, "host")->message == "expected a string, found a list");
  CHECK(find_key(errors, "port")->message == "expected an integer, found a string 'abc'");
  CHECK(find_key(errors, "port")->location == "c.yaml:2:7");
  CHECK(find_key(errors, "ratio")->message == "expected a number, found a string '0.5'");
  CHECK(find_key(errors, "verbose")->message == "expected true or false, found a string 'yes'");
  CHECK(find_key(errors, "tags")->message == "expected a list, found a string 'solo'");
  CHECK(find_key(errors, "limits")->message == "expected a map, found an integer 5");
}

TEST_CASE("an integer field refuses a decimal", "[config][schema]") {
  ConfigValue validated;
  const auto errors = validate_config(yaml("host: h\nport: 80.5\n"), server_schema(), "", validated);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].message == "expected an integer, found a number 80.5");
}

TEST_CASE("a secret field never shows its value", "[config][schema]") {
  ConfigValue validated;
  const ConfigSchema schema{schema::integer("pin").mark_secret().range(0, 9),
                            schema::string("key").mark_secret().one_of({"a-long-key"})};
  const auto errors = validate_config(yaml("pin: s3cr3t-value\nkey: hunter2-password\n"), schema, "", validated);
  REQUIRE(errors.size() == 2);
  CHECK(errors[0].message == "expected an integer, found a string");
  CHECK(errors[1].suggestion.empty());
  for (const auto& error : errors) {
    CHECK(error.to_string().find("s3cr3t") == std::string::npos);
    CHECK(error.to_string().find("hunter2") == std::string::npos);
  }
  const auto range_errors = validate_config(yaml("pin: 12345\n"), schema, "", validated);
  REQUIRE(range_errors.size() == 1);
  CHECK(range_errors[0].to_string().find("12345") == std::string::npos);
}

TEST_CASE("ranges bound numbers and the size of lists", "[config][schema]") {
  ConfigValue validated;
  auto errors =
      validate_config(yaml("host: h\nport: 0\nratio: 1.5\nlimits: {burst: -1}\n"), server_schema(), "", validated);
  REQUIRE(errors.size() == 3);
  CHECK(find_key(errors, "port")->message == "0 is too small");
  CHECK(find_key(errors, "port")->expected == "an integer between 1 and 65535");
  CHECK(find_key(errors, "ratio")->message == "1.5 is too large");
  CHECK(find_key(errors, "ratio")->expected == "a number between 0 and 1");
  CHECK(find_key(errors, "limits.burst")->expected == "an integer >= 0");

  const ConfigSchema lists{schema::list("items", schema::integer()).range(1, 2)};
  errors = validate_config(yaml("items: []\n"), lists, "", validated);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].message == "too few entries (0)");
  CHECK(errors[0].expected == "a list with 1 to 2 entries");
  errors = validate_config(yaml("items: [1, 2, 3]\n"), lists, "", validated);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].message == "too many entries (3)");
}

TEST_CASE("choices restrict strings and suggest the nearest one", "[config][schema]") {
  ConfigValue validated;
  const auto errors = validate_config(yaml("host: h\nmode: fsat\n"), server_schema(), "", validated);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].key == "mode");
  CHECK(errors[0].message == "'fsat' is not an allowed value");
  CHECK(errors[0].expected == "one of 'fast', 'careful'");
  CHECK(errors[0].suggestion == "fast");
  CHECK(errors[0].to_string() ==
        "c.yaml:2:7: error: key 'mode': 'fsat' is not an allowed value; expected one of 'fast', 'careful'; "
        "did you mean 'fast'?");
}

TEST_CASE("nested lists, maps and objects report full key paths", "[config][schema]") {
  const ConfigSchema rules_schema{
      schema::list("rules", schema::object("",
                                           {
                                               schema::string("when").require(),
                                               schema::object("then", {schema::string("action").require(),
                                                                       schema::integer("delay").defaults(0)}),
                                           })),
      schema::map("weights", schema::number().range(0, 1)),
  };
  ConfigValue validated;
  const auto errors = validate_config(yaml("rules:\n"
                                           "  - when: a\n"
                                           "    then: {action: hide}\n"
                                           "  - when: b\n"
                                           "    then: {action: warn, dleay: 5}\n"
                                           "  - then: ban\n"
                                           "weights: {spam: 0.5, hate: 2}\n"),
                                      rules_schema, "responders[0].config", validated);
  REQUIRE(errors.size() == 4);  // dleay, rules[2].when, rules[2].then, weights.hate
  const auto* typo = find_key(errors, "responders[0].config.rules[1].then.dleay");
  REQUIRE(typo != nullptr);
  CHECK(typo->suggestion == "delay");
  CHECK(typo->location == "c.yaml:5:33");
  REQUIRE(find_key(errors, "responders[0].config.rules[2].when") != nullptr);
  CHECK(find_key(errors, "responders[0].config.rules[2].when")->message == "missing required key");
  CHECK(find_key(errors, "responders[0].config.rules[2].when")->location == "c.yaml:6:5");
  CHECK(find_key(errors, "responders[0].config.rules[2].then")->message == "expected a map, found a string 'ban'");
  CHECK(find_key(errors, "responders[0].config.weights.hate")->message == "2 is too large");
  // The first rule's `then` was written without `delay`: its default was filled in.
  CHECK(validated.at("rules").as_list()[0].at("then").at("delay").as_integer() == 0);
}

TEST_CASE("all errors are reported, not just the first", "[config][schema]") {
  ConfigValue validated;
  const auto errors =
      validate_config(yaml("port: x\nratio: 3\nmode: slow\nextra: 1\n"), server_schema(), "", validated);
  CHECK(errors.size() == 5);  // port, ratio, mode, extra, and the missing host
  CHECK(find_key(errors, "port") != nullptr);
  CHECK(find_key(errors, "ratio") != nullptr);
  CHECK(find_key(errors, "mode") != nullptr);
  CHECK(find_key(errors, "extra") != nullptr);
  CHECK(find_key(errors, "host") != nullptr);
}

TEST_CASE("a section that is not a map is one clear error", "[config][schema]") {
  ConfigValue validated;
  const auto errors = validate_config(yaml("- a\n- b\n"), server_schema(), "connectors[0].config", validated);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].key == "connectors[0].config");
  CHECK(errors[0].message == "expected a map, found a list");
}

TEST_CASE("an `any` field takes anything, null included", "[config][schema]") {
  ConfigValue validated;
  const ConfigSchema schema{schema::any("blob")};
  REQUIRE(validate_config(yaml("blob: {x: [1, 2]}\n"), schema, "", validated).empty());
  CHECK(validated.at("blob").at("x").as_list().size() == 2);
  REQUIRE(validate_config(yaml("blob:\n"), schema, "", validated).empty());
  CHECK(validated.at("blob").is_null());
}

}  // namespace schema_validator_test
