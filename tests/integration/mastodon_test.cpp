// mastodon end to end: the real `parley run` with the mastodon connector
// polling a fake Mastodon instance (a real HTTP server on 127.0.0.1 that
// follows docs.joinmastodon.org, not a real instance), a keyword classifier
// and the rules responder. Mentions lead to exact Mastodon requests (a
// public reply, a direct reply, a block); a restart resumes from the saved
// notification id and answers nothing twice; `parley check` refuses a
// pipeline that needs to hide statuses, which Mastodon cannot do.
#include <stdlib.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <mutex>
#include <string>
#include <vector>

#include "fake_http_server.hpp"
#include "fake_mastodon_api.hpp"
#include "live_run.hpp"
#include "pipeline_yaml.hpp"

using namespace parley::testing;
using parley::test::FakeHttpServer;
using parley::test::FakeMastodonApi;
using parley::test::form_values;
using parley::test::RecordedRequest;

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace mastodon_test {

constexpr const char* kToken = "e2e-mastodon-token-5521";
const FakeMastodonApi::Account kBrand{"109000000000000001", "nordiccoffee", "nordiccoffee", "Nordic Coffee"};
const FakeMastodonApi::Account kMaria{"109000000000000042", "maria", "maria", "Maria K."};
const FakeMastodonApi::Account kPiotr{"109000000000000043", "piotr", "piotr@social.example", "Piotr"};
const FakeMastodonApi::Account kOlga{"109000000000000077", "olga", "olga", "Olga"};

/// The fake instance behind a real socket.
struct FakeInstance {
  FakeInstance()
      : mastodon(kBrand, kToken), server([this](const RecordedRequest& request) {
          const std::lock_guard lock(mutex);
          return mastodon.handle(request);
        }) {
    const std::lock_guard lock(mutex);
    mastodon.base_url = server.base_url();
    mastodon.now_ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
            .count();
  }

  std::string mention(const FakeMastodonApi::Account& from, const std::string& html) {
    const std::lock_guard lock(mutex);
    return mastodon.mention(from, html);
  }
  /// The brand's statuses answering `status_id`.
  std::vector<FakeMastodonApi::Status> replies_to(const std::string& status_id) {
    const std::lock_guard lock(mutex);
    std::vector<FakeMastodonApi::Status> found;
    for (const auto* status : mastodon.brand_statuses()) {
      if (status->in_reply_to_id == status_id) found.push_back(*status);
    }
    return found;
  }
  std::vector<std::string> blocked() {
    const std::lock_guard lock(mutex);
    return mastodon.blocked();
  }
  std::vector<RecordedRequest> requests(const std::string& method, const std::string& path) const {
    std::vector<RecordedRequest> found;
    for (const auto& request : server.requests()) {
      if (request.method == method && request.path() == path) found.push_back(request);
    }
    return found;
  }

  std::mutex mutex;
  FakeMastodonApi mastodon;
  FakeHttpServer server;
};

std::string write_pipeline(const std::string& dir, const std::string& instance_url,
                           const std::string& extra_rule = "") {
  PipelineYaml yaml("nordic-masto");
  yaml.connectors = "- id: masto\n  plugin: mastodon\n  config:\n";
  yaml.connectors += "    instance_url: " + instance_url + "\n";
  yaml.connectors += R"(    access_token: "${env:PARLEY_E2E_MASTODON_TOKEN}"
    account_id: "109000000000000001"
    poll_interval_s: 10
)";
  yaml.classifiers = keywords_classifier("intent.complaint: [late, cold]\ntoxicity.insult: [idiots]\n");
  yaml.responders = rules_responder(R"(
- id: complaint
  when: "intent.complaint >= 0.5"
  then:
    - { action: reply_public, text: "Sorry {{author}}, we are on it" }
    - { action: reply_private, text: "Could you send us your order number?" }
  reason: "Acknowledge in public, continue in private"
- id: insult
  when: "toxicity.insult >= 0.5"
  then: ban
  reason: "Insults"
)" + extra_rule);
  yaml.policy = "never: [delete]\nban: { after_warnings: 0 }\n";
  yaml.rest = "http: { timeout_ms: 10000, max_attempts: 2, backoff_ms: 50 }\n";
  return yaml.write(dir);
}

void set_token() { setenv("PARLEY_E2E_MASTODON_TOKEN", kToken, 1); }

/// `parley run PIPELINE --state DIR` in the background. Unlike LiveRun it
/// waits for no listening port: a polling connector needs no webhook listener.
struct PollingRun {
  PollingRun(const std::string& dir, const std::string& pipeline)
      : pid(start_parley({"run", pipeline, "--state", dir}, dir)) {}
  ~PollingRun() {
    if (pid <= 0) return;
    kill(pid, SIGKILL);
    waitpid(pid, nullptr, 0);
  }
  PollingRun(const PollingRun&) = delete;
  PollingRun& operator=(const PollingRun&) = delete;

  /// SIGTERM, then its exit code (-1 when a signal ended it).
  int stop() {
    kill(pid, SIGTERM);
    int status = 0;
    waitpid(pid, &status, 0);
    pid = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }

  pid_t pid = -1;
};

TEST_CASE("mastodon: polled mentions get the rules' public reply, direct reply and block as exact requests") {
  set_token();
  FakeInstance instance;
  const auto complaint = instance.mention(kMaria, "<p>@nordiccoffee my order is late again</p>");
  const auto insult = instance.mention(kPiotr, "<p>@nordiccoffee you are idiots</p>");
  const auto dir = fresh_dir("mastodon-e2e");
  PollingRun run(dir, write_pipeline(dir, instance.server.base_url()));
  REQUIRE(eventually([&] { return instance.replies_to(complaint).size() == 2 && !instance.blocked().empty(); }));
  CHECK(run.stop() == 0);

  const auto reads = instance.requests("GET", "/api/v1/notifications");
  REQUIRE_FALSE(reads.empty());
  CHECK(reads[0].query() == "types%5B%5D=mention&limit=40");  // first run: no since_id
  CHECK(reads[0].header("Authorization") == std::optional<std::string>(std::string("Bearer ") + kToken));

  const auto posts = instance.requests("POST", "/api/v1/statuses");
  REQUIRE(posts.size() == 2);
  const auto field = [](const RecordedRequest& request, const char* name) {
    const auto values = form_values(request.body, name);
    return values.empty() ? std::string() : values.front();
  };
  CHECK(field(posts[0], "status") == "@maria Sorry Maria K., we are on it");
  CHECK(field(posts[0], "in_reply_to_id") == complaint);
  CHECK(field(posts[0], "visibility") == "public");
  CHECK(field(posts[0], "language") == "en");
  CHECK(field(posts[1], "status") == "@maria Could you send us your order number?");
  CHECK(field(posts[1], "visibility") == "direct");
  const auto key_public = posts[0].header("Idempotency-Key").value_or("");
  const auto key_private = posts[1].header("Idempotency-Key").value_or("");
  CHECK_FALSE(key_public.empty());
  CHECK_FALSE(key_private.empty());
  CHECK(key_public != key_private);
  for (const auto& post : posts) {
    CHECK(post.header("Content-Type").value_or("").starts_with("application/x-www-form-urlencoded"));
  }

  const auto blocks = instance.requests("POST", "/api/v1/accounts/" + kPiotr.id + "/block");
  CHECK(blocks.size() == 1);
  CHECK(instance.blocked() == std::vector<std::string>{kPiotr.id});
  CHECK(instance.replies_to(insult).empty());
  for (const auto& request : instance.server.requests()) {
    CHECK(request.target.find(kToken) == std::string::npos);  // the token travels in the header only
  }
  CHECK(read_file(dir + "/err").find(kToken) == std::string::npos);
}

TEST_CASE("mastodon: a restart resumes from the saved notification id and answers nothing twice") {
  set_token();
  FakeInstance instance;
  const auto dir = fresh_dir("mastodon-e2e-restart");
  const auto pipeline = write_pipeline(dir, instance.server.base_url());
  const auto first = instance.mention(kMaria, "<p>the coffee was cold</p>");
  {
    PollingRun run(dir, pipeline);
    REQUIRE(eventually([&] { return instance.replies_to(first).size() == 2; }));
    CHECK(run.stop() == 0);
  }
  const auto reads_before = instance.requests("GET", "/api/v1/notifications").size();
  const auto second = instance.mention(kOlga, "<p>my delivery is late</p>");
  {
    PollingRun run(dir, pipeline);
    REQUIRE(eventually([&] { return instance.replies_to(second).size() == 2; }));
    CHECK(run.stop() == 0);
  }
  const auto reads = instance.requests("GET", "/api/v1/notifications");
  REQUIRE(reads.size() > reads_before);
  // The first mention was notification 5000001: the restarted run asks only for newer ones.
  CHECK(form_values(reads[reads_before].query(), "since_id") == std::vector<std::string>{"5000001"});
  CHECK(instance.replies_to(first).size() == 2);
  CHECK(instance.requests("POST", "/api/v1/statuses").size() == 4);
}

TEST_CASE("mastodon: parley check refuses a pipeline that needs to hide statuses, and names fallbacks") {
  set_token();
  const auto dir = fresh_dir("mastodon-check");
  const auto pipeline = write_pipeline(dir, "https://mastodon.example",
                                       "- id: spam\n"
                                       "  when: \"event.text contains ['buy now']\"\n"
                                       "  then: hide\n"
                                       "  reason: \"Spam\"\n");
  const auto result = run_parley({"check", pipeline});
  CHECK(result.exit_code == 2);
  CHECK_THAT(result.err, Catch::Contains("connector 'masto' (plugin mastodon) cannot hide"));
  CHECK_THAT(result.err, Catch::Contains("fallbacks: {hide: [...]}"));
}

}  // namespace mastodon_test
