// instagram end to end: the real `parley run` with the instagram connector
// pointed at a fake Instagram Graph API (a real HTTP server on 127.0.0.1
// following Meta's documented endpoints, not Meta) and the rules responder.
// A signed comment gets exactly one public reply; a rule that proposes a ban
// (which Instagram does not have) gets the pipeline's fallback instead:
// hide + private reply, audited as a substitution.
#include <stdlib.h>

#include <catch2/catch.hpp>
#include <ctime>
#include <mutex>
#include <nlohmann/json.hpp>
#include <parley/webhook.hpp>

#include "fake_http_server.hpp"
#include "fake_instagram_api.hpp"
#include "http_test_client.hpp"
#include "live_run.hpp"
#include "openssl_hmac.hpp"
#include "pipeline_yaml.hpp"

using namespace parley::testing;
using nlohmann::json;
using parley::test::FakeInstagramApi;
using parley::test::RecordedRequest;

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace instagram_test {

constexpr const char* kIgUser = "17841400000000042";
constexpr const char* kToken = "EAAB-e2e-ig-token-9120";
constexpr const char* kAppSecret = "e2e-ig-app-secret-31";
constexpr const char* kMedia = "17900000000000777";

/// The fake behind a real socket; the server calls it one request at a time,
/// the test reads it in between.
struct FakeInstagram {
  FakeInstagram()
      : graph(kIgUser, "nordiccoffee", kToken), server([this](const RecordedRequest& request) {
          const std::lock_guard lock(mutex);
          return graph.handle(request);
        }) {
    const std::lock_guard lock(mutex);
    graph.base_url = server.base_url();
    graph.now_s = std::time(nullptr);
    graph.add_media(kMedia, graph.now_s - 3600);
  }

  std::string comment(const std::string& author_id, const std::string& username, const std::string& text) {
    const std::lock_guard lock(mutex);
    return graph.add_comment(kMedia, "", author_id, username, text, graph.now_s - 60);
  }
  std::size_t count(const std::string& method, const std::string& path) const {
    std::size_t found = 0;
    for (const auto& request : server.requests()) found += request.method == method && request.path() == path;
    return found;
  }

  std::mutex mutex;
  FakeInstagramApi graph;
  parley::test::FakeHttpServer server;
};

std::string write_pipeline(const std::string& dir, const std::string& graph_url) {
  PipelineYaml yaml("nordic-ig");
  yaml.connectors = R"(
- id: ig
  plugin: instagram
  fallbacks:
    ban: [hide, reply_private]
  config:
)";
  yaml.connectors += "    ig_user_id: \"" + std::string(kIgUser) + "\"\n";
  yaml.connectors += R"(    access_token: "${env:PARLEY_E2E_IG_TOKEN}"
    app_secret: "${env:PARLEY_E2E_IG_APP_SECRET}"
    verify_token: vt-ig
)";
  yaml.connectors += "    graph_url: " + graph_url + "\n";
  yaml.responders = rules_responder(R"(
- id: late-ack
  when: "event.text contains 'late'"
  then: reply_public
  text: "Sorry {{author}}, we are checking your order now."
  reason: "P2: acknowledge publicly and fast"
- id: abuse-ban
  when: "event.text contains 'idiots'"
  then: ban
  text: "We hid your comment: insults are not welcome here."
  reason: "P8: ban abusers"
)");
  yaml.policy = "ban: { after_warnings: 0 }\n";
  yaml.rest = "http: { timeout_ms: 60000, max_attempts: 2, backoff_ms: 50 }\n";
  return yaml.write(dir);
}

/// What Meta posts for a new comment (object "instagram", field "comments"), signed with the app secret.
parley::test::TestResponse deliver(std::uint16_t port, const std::string& comment_id, const std::string& author_id,
                                   const std::string& username, const std::string& text) {
  const json value = {{"id", comment_id},
                      {"from", {{"id", author_id}, {"username", username}}},
                      {"text", text},
                      {"media", {{"id", kMedia}, {"media_product_type", "FEED"}}}};
  const json entry = {{"id", kIgUser},
                      {"time", static_cast<std::int64_t>(std::time(nullptr))},
                      {"changes", json::array({{{"field", "comments"}, {"value", value}}})}};
  const auto body = json{{"object", "instagram"}, {"entry", json::array({entry})}}.dump();
  return parley::test::http_request(
      port, "POST", "/webhooks/nordic-ig/ig",
      {{"Content-Type", "application/json"},
       {"X-Hub-Signature-256", "sha256=" + parley::test::hmac_sha256_hex(kAppSecret, body)}},
      body);
}

TEST_CASE("instagram: a signed comment gets one reply, and a ban becomes hide + private reply, audited") {
  setenv("PARLEY_E2E_IG_TOKEN", kToken, 1);
  setenv("PARLEY_E2E_IG_APP_SECRET", kAppSecret, 1);
  FakeInstagram meta;
  const auto dir = fresh_dir("instagram-e2e");
  LiveRun run(dir, write_pipeline(dir, meta.server.base_url()));
  const auto late = meta.comment("9100001", "olga", "My order is late again");
  const auto rude = meta.comment("9100002", "troll", "you are idiots");

  REQUIRE(deliver(run.port, late, "9100001", "olga", "My order is late again").status == 200);
  REQUIRE(deliver(run.port, late, "9100001", "olga", "My order is late again").status == 200);  // Meta again
  REQUIRE(deliver(run.port, rude, "9100002", "troll", "you are idiots").status == 200);
  REQUIRE(eventually([&] { return meta.count("POST", "/v21.0/" + late + "/replies") == 1; }));
  REQUIRE(eventually([&] { return meta.count("POST", std::string("/v21.0/") + kIgUser + "/messages") == 1; }));
  REQUIRE(eventually([&] { return meta.count("POST", "/v21.0/" + rude) == 1; }));

  CHECK(meta.count("POST", "/v21.0/" + late + "/replies") == 1);  // the repeated delivery changed nothing
  CHECK(meta.count("POST", "/v21.0/" + rude + "/replies") == 0);
  {
    const std::lock_guard lock(meta.mutex);
    CHECK(meta.graph.own_replies(late) == std::vector<std::string>{"Sorry olga, we are checking your order now."});
    CHECK(meta.graph.comment(rude)->hidden);
    CHECK(meta.graph.private_replies(rude) ==
          std::vector<std::string>{"We hid your comment: insults are not welcome here."});
  }
  for (const auto& request : meta.server.requests()) CHECK(request.target.find(kToken) == std::string::npos);

  CHECK(run.stop() == 0);
  CHECK_THAT(read_file(dir + "/out"), Catch::Contains("FALLBACK") && Catch::Contains("instead: hide, reply_private"));
  auto store = parley::host::SqliteStore::open(dir + "/nordic-ig.db");
  const auto audit = store->audit_of_event("ig:" + rude);
  REQUIRE(audit);
  const auto substitution = json::parse(audit->record_json).at("substitutions").at(0);
  CHECK(substitution.at("kind") == "ban");
  CHECK(substitution.at("replaced_by").size() == 2);
  std::size_t fallbacks_done = 0;
  for (const auto& entry : store->outbox(parley::host::OutboxStatus::done)) {
    CHECK(entry.action.kind != parley::ActionKind::ban);
    const auto replaced = entry.action.params.find("fallback_for");
    fallbacks_done += replaced != entry.action.params.end() && replaced->second == "ban";
  }
  CHECK(fallbacks_done == 2);
  CHECK(read_file(dir + "/err").find(kToken) == std::string::npos);
}

}  // namespace instagram_test
