#include <catch2/catch.hpp>

#include <algorithm>

#include "config/pipeline_config.hpp"
#include "test_files.hpp"

using parley::ActionKind;
using parley::host::ClockMode;
using parley::host::Diagnostic;
using parley::host::Diagnostics;
using parley::host::load_pipeline;
using parley::host::PipelineLoad;
using parley::host::SecretRegistry;
using parley::host::config_test::ScopedEnv;
using parley::host::config_test::TempDir;

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace pipeline_config_test {

const Diagnostic* find_key(const Diagnostics& errors, const std::string& key) {
  for (const auto& error : errors) {
    if (error.key == key) return &error;
  }
  return nullptr;
}

std::string all_text(const Diagnostics& errors) {
  std::string text;
  for (const auto& error : errors) text += error.to_string() + "\n";
  return text;
}

constexpr const char* kMinimal = "client: acme\nconnectors:\n  - plugin: replay\n";

TEST_CASE("a minimal pipeline gets every default", "[config][pipeline]") {
  TempDir dir;
  const auto file = dir.write("acme.yaml", kMinimal);
  SecretRegistry secrets;
  const PipelineLoad load = load_pipeline(file, secrets);
  INFO(all_text(load.errors));
  REQUIRE(load.errors.empty());
  REQUIRE(load.pipeline);
  const auto& pipeline = *load.pipeline;
  CHECK(pipeline.file == file.string());
  CHECK(pipeline.dir == dir.path().string());
  CHECK(pipeline.client == "acme");
  CHECK(pipeline.timezone == "UTC");
  CHECK(pipeline.store.empty());
  CHECK(pipeline.plugin_path.empty());
  REQUIRE(pipeline.connectors.size() == 1);
  CHECK(pipeline.connectors[0].id == "replay");  // defaults to the plugin name
  CHECK(pipeline.connectors[0].plugin == "replay");
  CHECK(pipeline.connectors[0].location == file.string() + ":3:5");
  CHECK(pipeline.connectors[0].config.is_null());
  CHECK(pipeline.connectors[0].config.location() == file.string() + ":3:5");
  CHECK(pipeline.classifiers.empty());
  CHECK(pipeline.responders.empty());
  CHECK(pipeline.policy.never.empty());
  CHECK(pipeline.policy.require_approval.empty());
  CHECK_FALSE(pipeline.policy.approve_offers);
  CHECK(pipeline.policy.ban_after_warnings == 2);  // warn first unless the brand says otherwise
  CHECK(pipeline.policy.ban_for.empty());
  CHECK(pipeline.policy.ban_label_threshold == Approx(0.8));
  CHECK(pipeline.engine.workers == 0);
  CHECK(pipeline.engine.max_attempts == 3);
  CHECK(pipeline.engine.retry_backoff_ms == 50);
  CHECK(pipeline.engine.batch_size == 256);
}

TEST_CASE("a full pipeline is read into the structs", "[config][pipeline]") {
  ScopedEnv token("PARLEY_TEST_FB_TOKEN", "EAAB-fb-token-value");
  TempDir dir;
  dir.write("secrets/app", "app-secret-value\n");
  const auto file =
      dir.write("pipelines/acme.yaml",
                "client: acme-coffee\n"
                "timezone: Europe/Athens\n"
                "store: sqlite:state/acme.db\n"
                "plugin_path: [plugins/, /opt/parley/plugins]\n"
                "connectors:\n"
                "  - id: fb\n"
                "    plugin: replay\n"
                "    config: {token: \"${env:PARLEY_TEST_FB_TOKEN}\", app_secret: \"${file:../secrets/app}\"}\n"
                "classifiers:\n"
                "  - plugin: keywords\n"
                "    config: {words: [Καλημέρα, مرحبا]}\n"
                "responders:\n"
                "  - {id: main, plugin: rules}\n"
                "policy:\n"
                "  never: [delete]\n"
                "  require_approval: [ban, \"escalate:legal\", offer]\n"
                "  ban:\n"
                "    after_warnings: 2\n"
                "    for: [toxicity.hate, toxicity.harassment]\n"
                "    label_threshold: 0.9\n"
                "engine:\n"
                "  workers: 4\n"
                "  max_attempts: 5\n"
                "  retry_backoff_ms: 10\n"
                "  batch_size: 64\n");
  SecretRegistry secrets;
  const PipelineLoad load = load_pipeline(file, secrets);
  INFO(all_text(load.errors));
  REQUIRE(load.errors.empty());
  const auto& pipeline = *load.pipeline;
  CHECK(pipeline.client == "acme-coffee");
  CHECK(pipeline.timezone == "Europe/Athens");
  CHECK(pipeline.store == "sqlite:state/acme.db");
  CHECK(pipeline.dir == (dir.path() / "pipelines").string());
  REQUIRE(pipeline.plugin_path.size() == 2);
  CHECK(pipeline.plugin_path[0] == (dir.path() / "pipelines" / "plugins/").string());
  CHECK(pipeline.plugin_path[1] == "/opt/parley/plugins");

  REQUIRE(pipeline.connectors.size() == 1);
  const auto& fb = pipeline.connectors[0];
  CHECK(fb.id == "fb");
  CHECK(fb.config.at("token").as_string() == "EAAB-fb-token-value");
  CHECK(fb.config.at("app_secret").as_string() == "app-secret-value");
  CHECK(secrets.redact("EAAB-fb-token-value app-secret-value") == "*** ***");

  REQUIRE(pipeline.classifiers.size() == 1);
  CHECK(pipeline.classifiers[0].id == "keywords");
  const auto& words = pipeline.classifiers[0].config.at("words").as_list();
  CHECK(words[0].as_string() == "Καλημέρα");
  CHECK(words[1].as_string() == "مرحبا");
  REQUIRE(pipeline.responders.size() == 1);
  CHECK(pipeline.responders[0].id == "main");

  CHECK(pipeline.policy.never == std::vector<ActionKind>{ActionKind::delete_event});
  REQUIRE(pipeline.policy.require_approval.size() == 2);
  CHECK(pipeline.policy.require_approval[0].kind == ActionKind::ban);
  CHECK(pipeline.policy.require_approval[0].param_value.empty());
  CHECK(pipeline.policy.require_approval[1].kind == ActionKind::escalate);
  CHECK(pipeline.policy.require_approval[1].param_value == "legal");
  CHECK(pipeline.policy.approve_offers);
  CHECK(pipeline.policy.ban_after_warnings == 2);
  CHECK(pipeline.policy.ban_for == std::vector<std::string>{"toxicity.hate", "toxicity.harassment"});
  CHECK(pipeline.policy.ban_label_threshold == Approx(0.9));
  CHECK(pipeline.engine.workers == 4);
  CHECK(pipeline.engine.max_attempts == 5);
  CHECK(pipeline.engine.retry_backoff_ms == 10);
  CHECK(pipeline.engine.batch_size == 64);
}

TEST_CASE("an unknown top-level key gets a suggestion", "[config][pipeline]") {
  TempDir dir;
  const auto file = dir.write("p.yaml", std::string(kMinimal) + "polcy:\n  never: [delete]\n");
  SecretRegistry secrets;
  const auto load = load_pipeline(file, secrets);
  CHECK(!load.pipeline);
  REQUIRE(load.errors.size() == 1);
  CHECK(load.errors[0].key == "polcy");
  CHECK(load.errors[0].message == "unknown key");
  CHECK(load.errors[0].suggestion == "policy");
  CHECK(load.errors[0].location == file.string() + ":4:1");  // the key, not the line below
  CHECK_THAT(load.errors[0].expected, Catch::Contains("'client'"));
  CHECK_THAT(load.errors[0].expected, Catch::Contains("'engine'"));
}

TEST_CASE("missing required keys are reported at the file", "[config][pipeline]") {
  TempDir dir;
  SecretRegistry secrets;
  SECTION("empty file") {
    const auto file = dir.write("empty.yaml", "");
    const auto load = load_pipeline(file, secrets);
    REQUIRE(load.errors.size() == 2);
    CHECK(find_key(load.errors, "client")->message == "missing required key");
    CHECK(find_key(load.errors, "client")->location == file.string());
    CHECK(find_key(load.errors, "connectors") != nullptr);
  }
  SECTION("no connectors") {
    const auto file = dir.write("none.yaml", "client: acme\nconnectors: []\n");
    const auto load = load_pipeline(file, secrets);
    REQUIRE(load.errors.size() == 1);
    CHECK(load.errors[0].key == "connectors");
    CHECK(load.errors[0].message == "too few entries (0)");
    CHECK(load.errors[0].expected == "a list with at least 1 entry");
  }
  SECTION("a plugin entry without its plugin") {
    const auto file = dir.write("noplugin.yaml", "client: acme\nconnectors:\n  - id: fb\n");
    const auto load = load_pipeline(file, secrets);
    REQUIRE(load.errors.size() == 1);
    CHECK(load.errors[0].key == "connectors[0].plugin");
    CHECK(load.errors[0].location == file.string() + ":3:5");
  }
}

TEST_CASE("a missing or broken pipeline file is a diagnostic", "[config][pipeline]") {
  TempDir dir;
  SecretRegistry secrets;
  SECTION("missing") {
    const auto load = load_pipeline(dir.path() / "absent.yaml", secrets);
    CHECK(!load.pipeline);
    REQUIRE(load.errors.size() == 1);
    CHECK(load.errors[0].message == "file not found");
  }
  SECTION("syntax error") {
    const auto file = dir.write("bad.yaml", "client: acme\nconnectors:\n  - plugin: replay\n   id: x\n");
    const auto load = load_pipeline(file, secrets);
    CHECK(!load.pipeline);
    REQUIRE(load.errors.size() == 1);
    CHECK_THAT(load.errors[0].location, Catch::StartsWith(file.string() + ":4:"));
  }
}

TEST_CASE("wrong types, ranges and bad names in a pipeline", "[config][pipeline]") {
  TempDir dir;
  const auto file = dir.write("p.yaml",
                              "client: Acme Coffee\n"
                              "connectors:\n"
                              "  - plugin: replay\n"
                              "policy:\n"
                              "  never: [delet]\n"
                              "  require_approval: [bam, \"escalate:\", \"escalte:legal\"]\n"
                              "  ban: {after_warnings: -1, label_threshold: 1.5}\n"
                              "engine:\n"
                              "  workers: many\n"
                              "  max_attempts: 0\n");
  SecretRegistry secrets;
  const auto load = load_pipeline(file, secrets);
  INFO(all_text(load.errors));
  CHECK(!load.pipeline);
  CHECK(load.errors.size() == 9);  // every problem at once

  const auto* client = find_key(load.errors, "client");
  REQUIRE(client);
  CHECK(client->message == "'Acme Coffee' is not a valid client name");

  const auto* never = find_key(load.errors, "policy.never[0]");
  REQUIRE(never);
  CHECK(never->suggestion == "delete");
  CHECK(never->location == file.string() + ":5:11");

  const auto* bam = find_key(load.errors, "policy.require_approval[0]");
  REQUIRE(bam);
  CHECK(bam->message == "unknown action kind 'bam'");
  CHECK(bam->suggestion == "ban");
  CHECK(find_key(load.errors, "policy.require_approval[1]")->message == "empty value after ':'");
  CHECK(find_key(load.errors, "policy.require_approval[2]")->suggestion == "escalate:legal");

  CHECK(find_key(load.errors, "policy.ban.after_warnings")->expected == "an integer between 0 and 1000");
  CHECK(find_key(load.errors, "policy.ban.label_threshold")->message == "1.5 is too large");
  CHECK(find_key(load.errors, "engine.workers")->message == "expected an integer, found a string 'many'");
  CHECK(find_key(load.errors, "engine.max_attempts")->message == "0 is too small");
}

TEST_CASE("plugin instance ids must be unique across the pipeline", "[config][pipeline]") {
  TempDir dir;
  const auto file = dir.write("p.yaml",
                              "client: acme\n"
                              "connectors:\n"
                              "  - plugin: replay\n"
                              "  - plugin: replay\n"
                              "classifiers:\n"
                              "  - {id: fb, plugin: keywords}\n"
                              "responders:\n"
                              "  - {id: fb, plugin: rules}\n");
  SecretRegistry secrets;
  const auto load = load_pipeline(file, secrets);
  REQUIRE(load.errors.size() == 2);
  CHECK(load.errors[0].key == "connectors[1].plugin");
  CHECK(load.errors[0].message == "duplicate plugin instance id 'replay' (first used at " + file.string() + ":3:5)");
  CHECK_THAT(load.errors[0].expected, Catch::Contains("add 'id:'"));
  CHECK(load.errors[1].key == "responders[0].id");
  CHECK(load.errors[1].location == file.string() + ":8:10");
}

TEST_CASE("secrets in a pipeline never appear in its diagnostics", "[config][pipeline]") {
  ScopedEnv token("PARLEY_TEST_LEAKY", "super-secret-token-99");
  ScopedEnv missing("PARLEY_TEST_ABSENT_VAR", std::nullopt);
  TempDir dir;
  // The secret lands in fields the pipeline schema checks, so a naive
  // validator would quote it in "found a string '...'" or choice errors.
  const auto file = dir.write("p.yaml",
                              "client: ${env:PARLEY_TEST_LEAKY}\n"
                              "engine: {workers: \"${env:PARLEY_TEST_LEAKY}\"}\n"
                              "policy: {never: [\"${env:PARLEY_TEST_LEAKY}\"]}\n"
                              "connectors:\n"
                              "  - plugin: replay\n"
                              "    config: {token: \"${env:PARLEY_TEST_ABSENT_VAR}\"}\n");
  SecretRegistry secrets;
  const auto load = load_pipeline(file, secrets);
  const std::string text = all_text(load.errors);
  INFO(text);
  CHECK(load.errors.size() == 3);  // engine.workers, policy.never[0], the absent variable
  CHECK(text.find("super-secret-token-99") == std::string::npos);
  CHECK(text.find("***") != std::string::npos);
  const auto* absent = find_key(load.errors, "connectors[0].config.token");
  REQUIRE(absent);
  CHECK(absent->message == "environment variable 'PARLEY_TEST_ABSENT_VAR' is not set");
  CHECK(absent->location == file.string() + ":6:21");
}

TEST_CASE("a multi-error pipeline with syntax-level duplicates reports everything", "[config][pipeline]") {
  TempDir dir;
  const auto file = dir.write("p.yaml",
                              "client: acme\n"
                              "client: other\n"
                              "timezon: UTC\n"
                              "connectors:\n"
                              "  - plugin: replay\n"
                              "    confg: {}\n"
                              "engine: {batch_size: 0}\n");
  SecretRegistry secrets;
  const auto load = load_pipeline(file, secrets);
  INFO(all_text(load.errors));
  REQUIRE(load.errors.size() == 4);
  CHECK_THAT(find_key(load.errors, "client")->message, Catch::Contains("duplicate key"));
  CHECK(find_key(load.errors, "timezon")->suggestion == "timezone");
  CHECK(find_key(load.errors, "connectors[0].confg")->suggestion == "config");
  CHECK(find_key(load.errors, "engine.batch_size") != nullptr);
}

TEST_CASE("policy.public_offer_words: absent means defaults, [] means off, blank words are errors",
          "[config][pipeline]") {
  TempDir dir;
  SecretRegistry secrets;
  SECTION("absent") {
    const auto load = load_pipeline(dir.write("a.yaml", kMinimal), secrets);
    REQUIRE(load.pipeline);
    CHECK_FALSE(load.pipeline->policy.public_offer_words);
  }
  SECTION("empty list") {
    const auto load =
        load_pipeline(dir.write("b.yaml", std::string(kMinimal) + "policy:\n  public_offer_words: []\n"), secrets);
    INFO(all_text(load.errors));
    REQUIRE(load.pipeline);
    REQUIRE(load.pipeline->policy.public_offer_words);
    CHECK(load.pipeline->policy.public_offer_words->empty());
  }
  SECTION("the brand's words") {
    const auto load = load_pipeline(
        dir.write("c.yaml", std::string(kMinimal) + "policy:\n  public_offer_words: [Gutschein, \"έκπτωσ\"]\n"),
        secrets);
    REQUIRE(load.pipeline);
    CHECK(*load.pipeline->policy.public_offer_words == std::vector<std::string>{"Gutschein", "έκπτωσ"});
  }
  SECTION("a blank word") {
    const auto load = load_pipeline(
        dir.write("d.yaml", std::string(kMinimal) + "policy:\n  public_offer_words: [rabat, \" \"]\n"), secrets);
    CHECK_FALSE(load.pipeline);
    const auto* error = find_key(load.errors, "policy.public_offer_words[1]");
    REQUIRE(error);
    CHECK(error->message == "empty word");
  }
}

TEST_CASE("engine.clock is wall by default, events on request, nothing else", "[config][pipeline]") {
  TempDir dir;
  const std::string base = "client: acme\nconnectors:\n  - plugin: replay\n";
  SecretRegistry secrets;
  const auto plain = load_pipeline(dir.write("plain.yaml", base), secrets);
  REQUIRE(plain.pipeline);
  CHECK(plain.pipeline->engine.clock == ClockMode::wall);
  const auto events = load_pipeline(dir.write("events.yaml", base + "engine: { clock: events }\n"), secrets);
  REQUIRE(events.pipeline);
  CHECK(events.pipeline->engine.clock == ClockMode::events);

  const auto file = dir.write("bad.yaml", base + "engine:\n  clock: event-time\n");
  const auto bad = load_pipeline(file, secrets);
  INFO(all_text(bad.errors));
  CHECK(!bad.pipeline);
  const auto* clock = find_key(bad.errors, "engine.clock");
  REQUIRE(clock);
  CHECK(clock->location == file.string() + ":5:10");
  CHECK_THAT(clock->expected, Catch::Contains("'wall'") && Catch::Contains("'events'"));
}

TEST_CASE("timezone: an IANA zone ICU knows; anything else is a located error with the nearest name",
          "[config][pipeline]") {
  TempDir dir;
  SecretRegistry secrets;
  for (const std::string zone : {"UTC", "Europe/Helsinki", "Asia/Riyadh", "America/Argentina/Buenos_Aires"}) {
    INFO(zone);
    const auto load = load_pipeline(
        dir.write("ok.yaml", "client: acme\ntimezone: " + zone + "\n" + "connectors:\n  - plugin: replay\n"), secrets);
    INFO(all_text(load.errors));
    REQUIRE(load.pipeline);
    CHECK(load.pipeline->timezone == zone);
  }
  const std::pair<std::string, std::string> wrong[] = {
      {"Europe/Athen", "Europe/Athens"}, {"europe/warsaw", "Europe/Warsaw"}, {"Mars/Olympus", ""}, {"GMT+03:00", ""}};
  for (const auto& [zone, suggestion] : wrong) {
    INFO(zone);
    const auto file =
        dir.write("bad.yaml", "client: acme\ntimezone: \"" + zone + "\"\nconnectors:\n  - plugin: replay\n");
    const auto load = load_pipeline(file, secrets);
    INFO(all_text(load.errors));
    CHECK(!load.pipeline);
    const auto* error = find_key(load.errors, "timezone");
    REQUIRE(error);
    CHECK(error->location == file.string() + ":2:11");
    CHECK(error->message == "unknown time zone '" + zone + "'");
    CHECK_THAT(error->expected, Catch::Contains("IANA"));
    if (!suggestion.empty()) CHECK(error->suggestion == suggestion);
  }
}

TEST_CASE("a connector's fallbacks are read in file order, with where they were written", "[config][pipeline]") {
  TempDir dir;
  const auto file = dir.write("acme.yaml",
                              "client: acme\n"
                              "connectors:\n"
                              "  - id: ig\n"
                              "    plugin: instagram\n"
                              "    fallbacks:\n"
                              "      ban: [hide, reply_private]\n"
                              "      delete: [hide]\n");
  SecretRegistry secrets;
  const PipelineLoad load = load_pipeline(file, secrets);
  INFO(all_text(load.errors));
  REQUIRE(load.errors.empty());
  const auto& fallbacks = load.pipeline->connectors.at(0).fallbacks;
  REQUIRE(fallbacks.size() == 2);
  CHECK(fallbacks[0].kind == ActionKind::ban);
  CHECK(fallbacks[0].replacements == std::vector<ActionKind>{ActionKind::hide, ActionKind::reply_private});
  CHECK(fallbacks[0].location == file.string() + ":6:12");
  CHECK(fallbacks[1].kind == ActionKind::delete_event);
  CHECK(fallbacks[1].replacements == std::vector<ActionKind>{ActionKind::hide});
}

TEST_CASE("fallbacks must name action kinds, and other kinds than their own", "[config][pipeline]") {
  TempDir dir;
  const auto file = dir.write("acme.yaml",
                              "client: acme\n"
                              "connectors:\n"
                              "  - plugin: instagram\n"
                              "    fallbacks:\n"
                              "      bann: [hide]\n"
                              "      ban: [hid, ban, reply_private, reply_private]\n"
                              "      delete: []\n"
                              "responders:\n"
                              "  - plugin: rules\n"
                              "    fallbacks: { ban: [hide] }\n");
  SecretRegistry secrets;
  const PipelineLoad load = load_pipeline(file, secrets);
  INFO(all_text(load.errors));
  CHECK_FALSE(load.pipeline);

  const auto* unknown_key = find_key(load.errors, "connectors[0].fallbacks.bann");
  REQUIRE(unknown_key);
  CHECK(unknown_key->location == file.string() + ":5:13");
  CHECK(unknown_key->message == "unknown action kind 'bann'");
  CHECK(unknown_key->suggestion == "ban");

  const auto* unknown_value = find_key(load.errors, "connectors[0].fallbacks.ban[0]");
  REQUIRE(unknown_value);
  CHECK(unknown_value->location == file.string() + ":6:13");
  CHECK(unknown_value->suggestion == "hide");

  const auto* itself = find_key(load.errors, "connectors[0].fallbacks.ban[1]");
  REQUIRE(itself);
  CHECK(itself->message == "'ban' cannot fall back on itself");

  const auto* twice = find_key(load.errors, "connectors[0].fallbacks.ban[3]");
  REQUIRE(twice);
  CHECK(twice->message == "'reply_private' is listed twice");

  CHECK(find_key(load.errors, "connectors[0].fallbacks.delete"));  // an empty list
  // Only connectors have fallbacks.
  const auto* on_responder = find_key(load.errors, "responders[0].fallbacks");
  REQUIRE(on_responder);
  CHECK(on_responder->location == file.string() + ":10:16");
}

TEST_CASE("pipeline http: the section is optional and has defaults", "[config][pipeline][http]") {
  TempDir dir;
  SecretRegistry secrets;
  const auto load = load_pipeline(dir.write("acme.yaml", kMinimal), secrets);
  INFO(all_text(load.errors));
  REQUIRE(load.pipeline);
  const auto& http = load.pipeline->http;
  CHECK(http.timeout_ms == 10'000);
  CHECK(http.max_attempts == 4);
  CHECK(http.backoff_ms == 500);
  CHECK(http.max_backoff_ms == 30'000);
  CHECK(http.max_wait_ms == 60'000);
  CHECK(http.rate_limits.empty());
}

TEST_CASE("pipeline http: timeouts, retries and rate limits are read", "[config][pipeline][http]") {
  TempDir dir;
  const auto file = dir.write("acme.yaml", std::string(kMinimal) +
                                               "http:\n"
                                               "  timeout_ms: 3000\n"
                                               "  max_attempts: 2\n"
                                               "  backoff_ms: 100\n"
                                               "  max_backoff_ms: 800\n"
                                               "  max_wait_ms: 20000\n"
                                               "  rate_limits:\n"
                                               "    - {key_prefix: \"facebook:\", per_second: 5, burst: 10}\n"
                                               "    - key_prefix: \"mastodon:\"\n"
                                               "      per_second: 0.5\n");
  SecretRegistry secrets;
  const auto load = load_pipeline(file, secrets);
  INFO(all_text(load.errors));
  REQUIRE(load.pipeline);
  const auto& http = load.pipeline->http;
  CHECK(http.timeout_ms == 3'000);
  CHECK(http.max_attempts == 2);
  CHECK(http.backoff_ms == 100);
  CHECK(http.max_backoff_ms == 800);
  CHECK(http.max_wait_ms == 20'000);
  REQUIRE(http.rate_limits.size() == 2);
  CHECK(http.rate_limits[0].key_prefix == "facebook:");
  CHECK(http.rate_limits[0].per_second == 5);
  CHECK(http.rate_limits[0].burst == 10);
  CHECK(http.rate_limits[0].location == file.string() + ":11:7");
  CHECK(http.rate_limits[1].key_prefix == "mastodon:");
  CHECK(http.rate_limits[1].per_second == 0.5);
  CHECK(http.rate_limits[1].burst == 1);
}

TEST_CASE("pipeline http: bad values are located errors", "[config][pipeline][http]") {
  TempDir dir;
  const auto file = dir.write("acme.yaml", std::string(kMinimal) +
                                               "http:\n"
                                               "  timout_ms: 3000\n"
                                               "  max_attempts: 0\n"
                                               "  backoff_ms: 1000\n"
                                               "  max_backoff_ms: 10\n"
                                               "  rate_limits:\n"
                                               "    - {key_prefix: \"fb:\", per_second: 0}\n"
                                               "    - {key_prefix: \"ig:\", per_second: 1}\n"
                                               "    - {key_prefix: \"ig:\", per_second: 2}\n");
  SecretRegistry secrets;
  const auto load = load_pipeline(file, secrets);
  INFO(all_text(load.errors));
  CHECK(!load.pipeline);
  CHECK(load.errors.size() == 5);
  const auto* unknown = find_key(load.errors, "http.timout_ms");
  REQUIRE(unknown);
  CHECK(unknown->suggestion == "timeout_ms");
  CHECK(unknown->location.rfind(file.string() + ":5:", 0) == 0);
  CHECK(find_key(load.errors, "http.max_attempts"));
  const auto* cap = find_key(load.errors, "http.max_backoff_ms");
  REQUIRE(cap);
  CHECK(cap->location == file.string() + ":8:19");
  CHECK(find_key(load.errors, "http.rate_limits[0].per_second"));
  const auto* duplicate = find_key(load.errors, "http.rate_limits[2].key_prefix");
  REQUIRE(duplicate);
  CHECK(duplicate->message.find("duplicate key prefix 'ig:'") != std::string::npos);
}

TEST_CASE("routes: kinds sent to another connector of the pipeline are read in file order", "[config][pipeline]") {
  TempDir dir;
  const auto file = dir.write("acme.yaml",
                              "client: acme\n"
                              "connectors:\n"
                              "  - id: fb\n"
                              "    plugin: facebook-pages\n"
                              "  - id: team\n"
                              "    plugin: webhook\n"
                              "    actions_only: true\n"
                              "routes:\n"
                              "  escalate: team\n"
                              "  notify: team\n"
                              "  reply_private: fb\n");
  SecretRegistry secrets;
  const PipelineLoad load = load_pipeline(file, secrets);
  INFO(all_text(load.errors));
  REQUIRE(load.errors.empty());
  const auto& pipeline = *load.pipeline;
  REQUIRE(pipeline.routes.size() == 3);
  CHECK(pipeline.routes[0].kind == ActionKind::escalate);
  CHECK(pipeline.routes[0].connector_id == "team");
  CHECK(pipeline.routes[0].location == file.string() + ":9:13");
  CHECK(pipeline.routes[2].kind == ActionKind::reply_private);
  CHECK(pipeline.routes[2].connector_id == "fb");  // to the event's own connector: allowed
  REQUIRE(pipeline.route_for(ActionKind::notify));
  CHECK(pipeline.route_for(ActionKind::notify)->connector_id == "team");
  CHECK_FALSE(pipeline.route_for(ActionKind::hide));
  CHECK_FALSE(pipeline.connectors[0].actions_only);
  CHECK(pipeline.connectors[1].actions_only);
}

TEST_CASE("routes: unknown kinds and connectors are located errors with a suggestion", "[config][pipeline]") {
  TempDir dir;
  const auto file = dir.write("acme.yaml",
                              "client: acme\n"
                              "connectors:\n"
                              "  - id: fb\n"
                              "    plugin: facebook-pages\n"
                              "  - id: team\n"
                              "    plugin: webhook\n"
                              "routes:\n"
                              "  escalat: team\n"
                              "  notify: teams\n"
                              "  hide: [team]\n");
  SecretRegistry secrets;
  const PipelineLoad load = load_pipeline(file, secrets);
  INFO(all_text(load.errors));
  CHECK_FALSE(load.pipeline);
  REQUIRE(load.errors.size() == 3);

  const auto* kind = find_key(load.errors, "routes.escalat");
  REQUIRE(kind);
  CHECK(kind->location == file.string() + ":8:12");
  CHECK(kind->message == "unknown action kind 'escalat'");
  CHECK(kind->suggestion == "escalate");

  const auto* connector = find_key(load.errors, "routes.notify");
  REQUIRE(connector);
  CHECK(connector->location == file.string() + ":9:11");
  CHECK(connector->message == "no connector 'teams' in this pipeline");
  CHECK_THAT(connector->expected, Catch::Contains("fb, team"));
  CHECK(connector->suggestion == "team");

  const auto* not_a_string = find_key(load.errors, "routes.hide");
  REQUIRE(not_a_string);
  CHECK_THAT(not_a_string->message, Catch::Contains("expected a string"));
}

TEST_CASE("identities: a person's accounts on several connectors are read", "[config][pipeline]") {
  TempDir dir;
  const auto file = dir.write("acme.yaml",
                              "client: acme\n"
                              "connectors:\n"
                              "  - id: fb\n"
                              "    plugin: facebook-pages\n"
                              "  - id: mail\n"
                              "    plugin: email\n"
                              "identities:\n"
                              "  maria-k: [\"fb:1029384756\", \"mail:maria@example.com\"]\n"
                              "  crm-4711: [\"fb:55\"]\n");
  SecretRegistry secrets;
  const PipelineLoad load = load_pipeline(file, secrets);
  INFO(all_text(load.errors));
  REQUIRE(load.errors.empty());
  const auto& identities = load.pipeline->identities;
  CHECK(identities.person_of("fb", "1029384756") == std::optional<std::string>("maria-k"));
  CHECK(identities.person_of("mail", "maria@example.com") == std::optional<std::string>("maria-k"));
  CHECK(identities.person_of("fb", "55") == std::optional<std::string>("crm-4711"));
  CHECK_FALSE(identities.person_of("mail", "1029384756"));  // an id is an account on one connector only
  CHECK_FALSE(identities.person_of("fb", "56"));
}

TEST_CASE("identities: unknown connectors, malformed and twice-linked accounts are located errors",
          "[config][pipeline]") {
  TempDir dir;
  const auto file = dir.write("acme.yaml",
                              "client: acme\n"
                              "connectors:\n"
                              "  - id: fb\n"
                              "    plugin: facebook-pages\n"
                              "  - id: mail\n"
                              "    plugin: email\n"
                              "identities:\n"
                              "  maria-k: [\"fbb:1\", \"no-colon\", \"fb:2\"]\n"
                              "  maria-k-2: [\"fb:2\"]\n");
  SecretRegistry secrets;
  const PipelineLoad load = load_pipeline(file, secrets);
  INFO(all_text(load.errors));
  CHECK_FALSE(load.pipeline);
  REQUIRE(load.errors.size() == 3);

  const auto* unknown = find_key(load.errors, "identities.maria-k[0]");
  REQUIRE(unknown);
  CHECK(unknown->location == file.string() + ":8:13");
  CHECK(unknown->message == "no connector 'fbb' in this pipeline");
  CHECK(unknown->suggestion == "fb");

  const auto* malformed = find_key(load.errors, "identities.maria-k[1]");
  REQUIRE(malformed);
  CHECK(malformed->message == "'no-colon' does not name a connector and an author");

  const auto* twice = find_key(load.errors, "identities.maria-k-2[0]");
  REQUIRE(twice);
  CHECK(twice->location == file.string() + ":9:15");
  CHECK(twice->message == "'fb:2' is already linked to 'maria-k' (at " + file.string() + ":8:34)");
}

}  // namespace pipeline_config_test
