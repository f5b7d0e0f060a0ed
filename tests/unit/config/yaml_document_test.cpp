#include <catch2/catch.hpp>

#include "config/yaml_document.hpp"
#include "test_files.hpp"

using parley::ConfigValue;
using parley::host::load_yaml_file;
using parley::host::load_yaml_string;
using parley::host::config_test::TempDir;

TEST_CASE("plain scalars get their types, quoted ones stay strings", "[config][yaml]") {
  const auto document = load_yaml_string(
      "yes_bool: true\n"
      "no_bool: false\n"
      "word_yes: yes\n"
      "int: 42\n"
      "negative: -7\n"
      "plus: +3\n"
      "decimal: 0.25\n"
      "exponent: 1e3\n"
      "quoted_int: \"42\"\n"
      "single_quoted_bool: 'true'\n"
      "tagged: !!str 5\n"
      "text: hello world\n"
      "nan_word: nan\n"
      "version: 1.2.3\n"
      "huge: 123456789012345678901234567890\n"
      "tilde: ~\n"
      "empty:\n"
      "quoted_empty: \"\"\n",
      "t.yaml");
  REQUIRE(document.errors.empty());
  const ConfigValue& root = document.root;
  REQUIRE(root.is_map());
  CHECK(root.at("yes_bool").as_bool() == true);
  CHECK(root.at("no_bool").as_bool() == false);
  CHECK(root.at("word_yes").as_string() == "yes");  // only true/false are booleans
  CHECK(root.at("int").as_integer() == 42);
  CHECK(root.at("negative").as_integer() == -7);
  CHECK(root.at("plus").as_integer() == 3);
  CHECK(!root.at("decimal").is_integer());
  CHECK(root.at("decimal").as_number() == Approx(0.25));
  CHECK(root.at("exponent").as_number() == Approx(1000.0));
  CHECK(root.at("quoted_int").as_string() == "42");
  CHECK(root.at("single_quoted_bool").as_string() == "true");
  CHECK(root.at("tagged").as_string() == "5");
  CHECK(root.at("text").as_string() == "hello world");
  CHECK(root.at("nan_word").as_string() == "nan");
  CHECK(root.at("version").as_string() == "1.2.3");
  CHECK(root.at("huge").is_number());
  CHECK(!root.at("huge").is_integer());
  CHECK(root.at("tilde").is_null());
  CHECK(root.at("empty").is_null());
  CHECK(root.at("quoted_empty").as_string().empty());
}

TEST_CASE("every value knows its file:line:col, 1-based", "[config][yaml]") {
  const auto document = load_yaml_string(
      "client: acme\n"        // line 1
      "connectors:\n"         // line 2
      "  - plugin: replay\n"  // line 3
      "    id: fb\n"          // line 4
      "empty:\n",             // line 5
      "pipe.yaml");
  REQUIRE(document.errors.empty());
  const ConfigValue& root = document.root;
  CHECK(root.location() == "pipe.yaml:1:1");
  CHECK(root.at("client").location() == "pipe.yaml:1:9");
  CHECK(root.at("connectors").location() == "pipe.yaml:2:1");  // a block list: at its key
  const auto& first = root.at("connectors").as_list().at(0);
  CHECK(first.location() == "pipe.yaml:3:5");
  CHECK(first.at("plugin").location() == "pipe.yaml:3:13");
  CHECK(first.at("id").location() == "pipe.yaml:4:9");
  // An empty value points at its key, not at whatever token follows.
  CHECK(root.at("empty").location() == "pipe.yaml:5:1");
}

TEST_CASE("maps keep the order of the file", "[config][yaml]") {
  const auto document = load_yaml_string("zeta: 1\nalpha: 2\nmid: 3\n", "t.yaml");
  REQUIRE(document.errors.empty());
  const auto& map = document.root.as_map();
  REQUIRE(map.size() == 3);
  CHECK(map[0].first == "zeta");
  CHECK(map[1].first == "alpha");
  CHECK(map[2].first == "mid");
}

TEST_CASE("a YAML syntax error is a diagnostic with line and column", "[config][yaml]") {
  SECTION("bad indentation") {
    const auto document = load_yaml_string("client: acme\n  timezone: UTC\n", "bad.yaml");
    REQUIRE(document.errors.size() == 1);
    CHECK(document.errors[0].location == "bad.yaml:2:11");
    CHECK(document.errors[0].message == "illegal map value");
    CHECK(document.root.is_null());
  }
  SECTION("unclosed flow list") {
    const auto document = load_yaml_string("a: [1, 2\nb: 3\n", "flow.yaml");
    REQUIRE(document.errors.size() == 1);
    CHECK(document.errors[0].location == "flow.yaml:2:2");
    CHECK(document.errors[0].message == "end of sequence flow not found");
  }
  SECTION("dedented key") {
    const auto document = load_yaml_string("a:\n  b: 1\n c: 2\n", "dedent.yaml");
    REQUIRE(document.errors.size() == 1);
    CHECK(document.errors[0].location == "dedent.yaml:3:2");
    CHECK(document.errors[0].to_string() == "dedent.yaml:3:2: error: end of map not found");
  }
}

TEST_CASE("a duplicate key is a diagnostic; the first value wins", "[config][yaml]") {
  const auto document = load_yaml_string("engine:\n  workers: 2\n  workers: 4\n", "dup.yaml");
  REQUIRE(document.errors.size() == 1);
  CHECK(document.errors[0].location == "dup.yaml:3:3");
  CHECK(document.errors[0].key == "engine.workers");
  CHECK_THAT(document.errors[0].message, Catch::Contains("duplicate key"));
  CHECK(document.root.at("engine").at("workers").as_integer() == 2);
}

TEST_CASE("a complex map key is a diagnostic", "[config][yaml]") {
  const auto document = load_yaml_string("? [a, b]\n: 1\nok: 2\n", "t.yaml");
  REQUIRE(document.errors.size() == 1);
  CHECK_THAT(document.errors[0].message, Catch::Contains("map keys must be plain text"));
  CHECK(document.root.at("ok").as_integer() == 2);
}

TEST_CASE("an empty document is null, not an error", "[config][yaml]") {
  const auto document = load_yaml_string("", "empty.yaml");
  CHECK(document.errors.empty());
  CHECK(document.root.is_null());
}

TEST_CASE("an alias bomb is refused instead of exhausting memory", "[config][yaml]") {
  std::string text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
  for (int level = 1; level < 8; ++level) {
    const std::string previous = "*a" + std::to_string(level - 1);
    text += "a" + std::to_string(level) + ": &a" + std::to_string(level) + " [";
    for (int i = 0; i < 10; ++i) text += (i ? ", " : "") + previous;
    text += "]\n";
  }
  const auto document = load_yaml_string(text, "bomb.yaml");
  REQUIRE(document.errors.size() == 1);
  CHECK_THAT(document.errors[0].message, Catch::Contains("document too large"));
}

TEST_CASE("files: missing, a directory, and UTF-8 content", "[config][yaml]") {
  TempDir dir;
  SECTION("missing file") {
    const auto missing = dir.path() / "nope.yaml";
    const auto document = load_yaml_file(missing);
    REQUIRE(document.errors.size() == 1);
    CHECK(document.errors[0].location == missing.string());
    CHECK(document.errors[0].message == "file not found");
  }
  SECTION("a directory") {
    const auto document = load_yaml_file(dir.path());
    REQUIRE(document.errors.size() == 1);
    CHECK_THAT(document.errors[0].message, Catch::Contains("directory"));
  }
  SECTION("Greek and Arabic text survive unchanged") {
    const std::string greek = "Καλημέρα, πώς μπορώ να βοηθήσω;";
    const std::string arabic = "مرحبا، كيف يمكنني المساعدة؟";
    const auto file = dir.write("utf8.yaml", "greek: " + greek + "\narabic: \"" + arabic + "\"\nκλειδί: τιμή\n");
    const auto document = load_yaml_file(file);
    REQUIRE(document.errors.empty());
    CHECK(document.root.at("greek").as_string() == greek);
    CHECK(document.root.at("arabic").as_string() == arabic);
    CHECK(document.root.at("κλειδί").as_string() == "τιμή");
    CHECK(document.root.at("arabic").location() == file.string() + ":2:9");
  }
}
