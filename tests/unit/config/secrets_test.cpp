#include <catch2/catch.hpp>

#include <thread>

#include "config/secrets.hpp"
#include "config/yaml_document.hpp"
#include "test_files.hpp"

using parley::ConfigValue;
using parley::host::Diagnostics;
using parley::host::load_yaml_string;
using parley::host::redact_diagnostics;
using parley::host::SecretRegistry;
using parley::host::substitute_secrets;
using parley::host::config_test::ScopedEnv;
using parley::host::config_test::TempDir;

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace secrets_test {

ConfigValue yaml(const std::string& text) {
  auto document = load_yaml_string(text, "s.yaml");
  REQUIRE(document.errors.empty());
  return document.root;
}

TEST_CASE("${env:NAME} is replaced, whole value or part of it", "[config][secrets]") {
  ScopedEnv token("PARLEY_TEST_TOKEN", "tok-123456");
  ScopedEnv user("PARLEY_TEST_USER", "bot");
  TempDir dir;
  SecretRegistry secrets;
  ConfigValue root = yaml(
      "token: ${env:PARLEY_TEST_TOKEN}\n"
      "header: Bearer ${env:PARLEY_TEST_TOKEN}!\n"
      "both: ${env:PARLEY_TEST_USER}:${env:PARLEY_TEST_TOKEN}\n"
      "nested: {list: [x, \"${env:PARLEY_TEST_USER}\"]}\n"
      "template: Hello ${author}\n"
      "escaped: $${env:PARLEY_TEST_TOKEN}\n"
      "number: 5\n");
  const Diagnostics errors = substitute_secrets(root, dir.path(), secrets);
  REQUIRE(errors.empty());
  CHECK(root.at("token").as_string() == "tok-123456");
  CHECK(root.at("token").location() == "s.yaml:1:8");  // location survives substitution
  CHECK(root.at("header").as_string() == "Bearer tok-123456!");
  CHECK(root.at("both").as_string() == "bot:tok-123456");
  CHECK(root.at("nested").at("list").as_list()[1].as_string() == "bot");
  CHECK(root.at("nested").location() == "s.yaml:4:9");
  CHECK(root.at("template").as_string() == "Hello ${author}");  // not ours: left alone
  CHECK(root.at("escaped").as_string() == "${env:PARLEY_TEST_TOKEN}");
  CHECK(root.at("number").as_integer() == 5);
  CHECK(secrets.size() == 2);
}

TEST_CASE("${file:PATH} reads a file relative to the pipeline's folder", "[config][secrets]") {
  TempDir dir;
  dir.write("secrets/fb", "file-secret-value\n");
  const auto absolute = dir.write("abs-secret", "absolute-secret\r\n\n");
  SecretRegistry secrets;
  ConfigValue root = yaml("relative: ${file:secrets/fb}\nabsolute: \"${file:" + absolute.string() + "}\"\n");
  REQUIRE(substitute_secrets(root, dir.path(), secrets).empty());
  CHECK(root.at("relative").as_string() == "file-secret-value");  // trailing newline trimmed
  CHECK(root.at("absolute").as_string() == "absolute-secret");
  CHECK(secrets.redact("x file-secret-value y") == "x *** y");
}

TEST_CASE("a missing env var is a diagnostic that names it and leaks nothing", "[config][secrets]") {
  ScopedEnv missing("PARLEY_TEST_MISSING", std::nullopt);
  ScopedEnv empty("PARLEY_TEST_EMPTY", "");
  ScopedEnv present("PARLEY_TEST_PRESENT", "visible-secret-42");
  TempDir dir;
  SecretRegistry secrets;
  ConfigValue root = yaml(
      "connectors:\n"
      "  - config:\n"
      "      token: ${env:PARLEY_TEST_PRESENT}/${env:PARLEY_TEST_MISSING}\n"
      "      other: ${env:PARLEY_TEST_EMPTY}\n");
  const Diagnostics errors = substitute_secrets(root, dir.path(), secrets);
  REQUIRE(errors.size() == 2);
  CHECK(errors[0].location == "s.yaml:3:14");
  CHECK(errors[0].key == "connectors[0].config.token");
  CHECK(errors[0].message == "environment variable 'PARLEY_TEST_MISSING' is not set");
  CHECK(errors[1].message == "environment variable 'PARLEY_TEST_EMPTY' is empty");
  for (const auto& error : errors) CHECK(error.to_string().find("visible-secret-42") == std::string::npos);
  // The string with a missing part keeps its original text, which holds no secret.
  const auto& token = root.at("connectors").as_list()[0].at("config").at("token").as_string();
  CHECK(token == "${env:PARLEY_TEST_PRESENT}/${env:PARLEY_TEST_MISSING}");
}

TEST_CASE("an unreadable secret file is a diagnostic naming the file", "[config][secrets]") {
  TempDir dir;
  SecretRegistry secrets;
  ConfigValue root = yaml("a: ${file:nope.txt}\nb: ${env:UNCLOSED\nc: ${file:}\n");
  const Diagnostics errors = substitute_secrets(root, dir.path(), secrets);
  REQUIRE(errors.size() == 3);
  CHECK(errors[0].key == "a");
  CHECK_THAT(errors[0].message, Catch::Contains((dir.path() / "nope.txt").string()));
  CHECK_THAT(errors[0].message, Catch::Contains("file not found"));
  CHECK_THAT(errors[1].message, Catch::Contains("unterminated"));
  CHECK(errors[2].message == "empty path in ${file:}");
}

TEST_CASE("redact replaces every remembered value, short ones too", "[config][secrets]") {
  SecretRegistry secrets;
  CHECK(secrets.redact("nothing to hide") == "nothing to hide");
  secrets.remember("abc");
  secrets.remember("token-abc-long");
  secrets.remember("");  // ignored: would match everywhere
  CHECK(secrets.size() == 2);
  CHECK(secrets.redact("abc and abcabc") == "*** and ******");
  // The longest match wins where values overlap.
  CHECK(secrets.redact("auth=token-abc-long;") == "auth=***;");
  CHECK(secrets.redact("") == "");
  CHECK(secrets.redact("Καλημέρα abc مرحبا") == "Καλημέρα *** مرحبا");
}

TEST_CASE("a multi-line secret has its long lines redacted on their own", "[config][secrets]") {
  SecretRegistry secrets;
  secrets.remember("-----BEGIN KEY-----\nMIIBVQIBADANBgkq\nok\n-----END KEY-----");
  CHECK(secrets.redact("bad line: MIIBVQIBADANBgkq") == "bad line: ***");
  CHECK(secrets.redact("ok") == "ok");  // too short to redact on its own
}

TEST_CASE("redact can run while other threads remember values", "[config][secrets]") {
  SecretRegistry secrets;
  secrets.remember("first-secret");
  std::thread writer([&] {
    for (int i = 0; i < 200; ++i) secrets.remember("secret-" + std::to_string(i));
  });
  for (int i = 0; i < 200; ++i) CHECK(secrets.redact("x first-secret y") == "x *** y");
  writer.join();
  CHECK(secrets.size() == 201);
  CHECK(secrets.redact("secret-199") == "***");
}

TEST_CASE("redact_diagnostics scrubs every field", "[config][secrets]") {
  SecretRegistry secrets;
  secrets.remember("pa55word");
  Diagnostics diagnostics{{"f:1:1", "key", "found a string 'pa55word'", "not pa55word", "pa55word"}};
  redact_diagnostics(diagnostics, secrets);
  CHECK(diagnostics[0].to_string().find("pa55word") == std::string::npos);
  CHECK(diagnostics[0].message == "found a string '***'");
}

}  // namespace secrets_test
