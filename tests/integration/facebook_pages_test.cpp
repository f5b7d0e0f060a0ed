// facebook-pages end to end: the real `parley run` with the facebook-pages
// connector pointed at a fake Graph API (a real HTTP server on 127.0.0.1
// following Meta's documented endpoints, not Meta), the playbook and a
// keyword classifier. A signed comment delivery leads to the playbook's
// public acknowledgement and private reply as exact Graph requests; the same
// delivery again changes nothing; a bad signature gets 401; and a run killed
// while its reply is in flight posts it exactly once after a restart.
#include <stdlib.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <ctime>
#include <mutex>
#include <nlohmann/json.hpp>
#include <parley/webhook.hpp>

#include "fake_graph_api.hpp"
#include "fake_http_server.hpp"
#include "http_test_client.hpp"
#include "live_run.hpp"
#include "openssl_hmac.hpp"
#include "pipeline_yaml.hpp"

using namespace parley::testing;
using nlohmann::json;
using parley::test::CannedResponse;
using parley::test::FakeGraphApi;
using parley::test::FakeHttpServer;
using parley::test::http_request;
using parley::test::RecordedRequest;

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace facebook_pages_test {

constexpr const char* kPageId = "1111";
constexpr const char* kPageToken = "EAAB-e2e-page-token-4411";
constexpr const char* kAppSecret = "e2e-app-secret-77";
constexpr const char* kRoute = "/webhooks/nordic-fb/fb";

/// The fake Graph API behind a real socket. `slow_first_reply`: the first
/// public reply is created at once but answered only after 30 s, as when
/// Meta did the work and the answer is lost.
struct FakeMeta {
  explicit FakeMeta(bool slow_first_reply = false)
      : graph(kPageId, "Nordic Coffee", kPageToken), server([this, slow_first_reply](const RecordedRequest& request) {
          const std::lock_guard lock(mutex);
          auto response = graph.handle(request);
          const bool public_reply = request.method == "POST" && request.target.ends_with("/comments");
          if (slow_first_reply && public_reply && !delayed_once) {
            delayed_once = true;
            response.delay = std::chrono::seconds(30);
          }
          return response;
        }) {
    const std::lock_guard lock(mutex);
    graph.base_url = server.base_url();
    graph.now_s = std::time(nullptr);
    graph.add_post("1111_200", graph.now_s - 3600);
  }

  std::string add_comment(const std::string& author_id, const std::string& name, const std::string& text) {
    const std::lock_guard lock(mutex);
    return graph.add_comment("1111_200", "", author_id, name, text, graph.now_s - 60);
  }
  /// Requests with this method whose target ends with `suffix`.
  std::vector<RecordedRequest> requests(const std::string& method, const std::string& suffix) const {
    std::vector<RecordedRequest> found;
    for (const auto& request : server.requests()) {
      const auto path = request.path();
      if (request.method == method && path.ends_with(suffix)) found.push_back(request);
    }
    return found;
  }

  std::mutex mutex;
  FakeGraphApi graph;
  bool delayed_once = false;
  FakeHttpServer server;
};

std::string write_pipeline(const std::string& dir, const std::string& graph_url) {
  PipelineYaml yaml("nordic-fb");
  yaml.connectors = R"(
- id: fb
  plugin: facebook-pages
  config:
    page_id: "1111"
    access_token: "${env:PARLEY_E2E_FB_TOKEN}"
    app_secret: "${env:PARLEY_E2E_FB_APP_SECRET}"
    verify_token: vt-e2e
)";
  yaml.connectors += "    graph_url: " + graph_url + "\n";
  yaml.classifiers = keywords_classifier("intent.complaint: [late, cold]\n");
  yaml.responders = R"(
- plugin: playbook
  config:
    brand: Nordic Coffee
    languages: [en]
    default_language: en
    acknowledge_publicly: true
    move_private: true
)";
  yaml.policy = "never: [delete, escalate, notify]   # no team channel in this test (routes:)\n";
  yaml.rest = "http: { timeout_ms: 60000, max_attempts: 2, backoff_ms: 50 }\n";
  return yaml.write(dir);
}

std::string comment_delivery(const std::string& comment_id, const std::string& author_id, const std::string& name,
                             const std::string& text) {
  const auto now = static_cast<std::int64_t>(std::time(nullptr));
  const json value = {{"item", "comment"},
                      {"verb", "add"},
                      {"comment_id", comment_id},
                      {"post_id", "1111_200"},
                      {"parent_id", "1111_200"},
                      {"message", text},
                      {"from", {{"id", author_id}, {"name", name}}},
                      {"created_time", now - 60}};
  const json change = {{"field", "feed"}, {"value", value}};
  const json entry = {{"id", kPageId}, {"time", now}, {"changes", json::array({change})}};
  return json{{"object", "page"}, {"entry", json::array({entry})}}.dump();
}

parley::test::TestResponse deliver(std::uint16_t port, const std::string& body,
                                   const std::string& secret = kAppSecret) {
  return http_request(port, "POST", kRoute,
                      {{"Content-Type", "application/json"},
                       {"X-Hub-Signature-256", "sha256=" + parley::test::hmac_sha256_hex(secret, body)}},
                      body);
}

void set_secrets() {
  setenv("PARLEY_E2E_FB_TOKEN", kPageToken, 1);
  setenv("PARLEY_E2E_FB_APP_SECRET", kAppSecret, 1);
}

TEST_CASE("facebook-pages: a signed comment gets the playbook's public and private reply as exact Graph requests") {
  set_secrets();
  FakeMeta meta;
  const auto dir = fresh_dir("facebook-e2e");
  LiveRun run(dir, write_pipeline(dir, meta.server.base_url()));
  const auto comment = meta.add_comment("5550001", "Olga", "My order is late again");
  const auto body = comment_delivery(comment, "5550001", "Olga", "My order is late again");

  // A bad signature: 401, nothing stored, nothing sent to Meta.
  CHECK(deliver(run.port, body, "not-the-secret").status == 401);

  const auto accepted = deliver(run.port, body);
  CHECK(accepted.status == 200);
  CHECK(accepted.body == "EVENT_RECEIVED");
  REQUIRE(eventually([&] { return !meta.requests("POST", "/1111/messages").empty(); }));

  // The public acknowledgement, under the comment (P2), then private (P4).
  const auto replies = meta.requests("POST", "/v21.0/" + comment + "/comments");
  REQUIRE(replies.size() == 1);
  CHECK(replies[0].header("Authorization") == std::optional<std::string>(std::string("Bearer ") + kPageToken));
  CHECK(replies[0].header("Content-Type").value_or("").starts_with("application/x-www-form-urlencoded"));
  const auto public_text = parley::query_parameter(replies[0].body, "message");
  CHECK_THAT(public_text, Catch::Contains("Olga"));
  const auto privates = meta.requests("POST", "/v21.0/1111/messages");
  REQUIRE(privates.size() == 1);
  const auto message = json::parse(privates[0].body);
  CHECK(message["recipient"]["comment_id"] == comment);
  CHECK_FALSE(message["message"]["text"].get<std::string>().empty());
  for (const auto& request : meta.server.requests()) {
    CHECK(request.target.find(kPageToken) == std::string::npos);  // the token travels in the header only
  }

  // The same delivery again, then another comment: once the second one is
  // answered the repeat has been through the listener and the engine too.
  CHECK(deliver(run.port, body).status == 200);
  const auto second = meta.add_comment("5550002", "Kostas", "The coffee was cold");
  CHECK(deliver(run.port, comment_delivery(second, "5550002", "Kostas", "The coffee was cold")).status == 200);
  REQUIRE(eventually([&] { return meta.requests("POST", "/1111/messages").size() == 2; }));
  CHECK(meta.requests("POST", "/v21.0/" + comment + "/comments").size() == 1);

  CHECK(run.stop() == 0);
  auto store = parley::host::SqliteStore::open(dir + "/nordic-fb.db");
  std::vector<std::string> rules;
  for (const auto& entry : store->outbox(parley::host::OutboxStatus::done)) {
    if (entry.event_id == "fb:" + comment) rules.push_back(entry.action.rule_id);
  }
  CHECK(std::count_if(rules.begin(), rules.end(), [](const auto& id) { return id.starts_with("P2"); }) == 1);
  CHECK(std::count_if(rules.begin(), rules.end(), [](const auto& id) { return id.starts_with("P4"); }) == 1);
  const auto err = read_file(dir + "/err");
  CHECK(err.find(kPageToken) == std::string::npos);
  CHECK(err.find(kAppSecret) == std::string::npos);
}

TEST_CASE("facebook-pages: a run killed while its reply is in flight posts it exactly once after a restart") {
  set_secrets();
  FakeMeta meta(/*slow_first_reply=*/true);
  const auto dir = fresh_dir("facebook-e2e-killed");
  const auto pipeline = write_pipeline(dir, meta.server.base_url());
  const auto comment = meta.add_comment("5550003", "Anna", "My order is late");
  {
    LiveRun run(dir, pipeline);
    REQUIRE(deliver(run.port, comment_delivery(comment, "5550003", "Anna", "My order is late")).status == 200);
    // Meta has the reply; the answer is on its way when the host dies.
    REQUIRE(eventually([&] { return !meta.requests("POST", "/" + comment + "/comments").empty(); }));
    run.kill_now();
  }
  {
    // The restart finds the action pending, looks, finds its reply and does
    // not post it again; the private reply goes out once.
    LiveRun run(dir, pipeline);
    REQUIRE(eventually([&] { return meta.requests("POST", "/1111/messages").size() == 1; }));
    CHECK(run.stop() == 0);
  }
  CHECK(meta.requests("POST", "/" + comment + "/comments").size() == 1);
  CHECK(meta.requests("GET", "/" + comment + "/comments").size() == 1);  // the look before posting again
  auto store = parley::host::SqliteStore::open(dir + "/nordic-fb.db");
  CHECK(store->outbox(parley::host::OutboxStatus::pending).empty());
  std::size_t public_replies_done = 0;
  for (const auto& entry : store->outbox(parley::host::OutboxStatus::done)) {
    if (entry.action.kind == parley::ActionKind::reply_public) ++public_replies_done;
  }
  CHECK(public_replies_done == 1);
}

}  // namespace facebook_pages_test
