// Webhooks on the real binary: `parley run` with a connector that receives
// webhooks (the test-webhook plugin) listens on a free port, stores each
// valid delivery before answering, handles it like a polled event, ignores
// a delivery it already has, refuses a bad token, answers the handshake,
// saves checkpoints, and ends on SIGTERM with exit 0.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <functional>
#include <thread>

#include "http_test_client.hpp"
#include "live_run.hpp"
#include "parley_process.hpp"
#include "pipeline_yaml.hpp"
#include "store/sqlite_store.hpp"

using namespace parley::testing;
using parley::test::http_request;

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace webhooks_test {

std::string write_webhook_pipeline(const std::string& dir) {
  PipelineYaml yaml("hook-brand");
  yaml.connectors =
      "- id: hooks\n  plugin: test-webhook\n  config: { token: tok-123, verify_token: vt-9, account: acme }\n";
  yaml.responders = rules_responder(R"(
- id: ack
  when: "event.text contains 'late'"
  then: reply_public
  text: "Sorry {{author}}"
  reason: "P4: acknowledge"
)");
  return yaml.write(dir);
}

std::size_t audit_count(parley::host::SqliteStore& store, const std::string& event_id) {
  std::size_t count = 0;
  for (const auto& record : store.audit()) count += record.event_id == event_id ? 1 : 0;
  return count;
}

std::string delivery(const std::string& id, const std::string& text) {
  return R"({"id":")" + id + R"(","author":"u-anna","text":")" + text + R"("})";
}

const std::vector<parley::HttpHeader> kToken{{"X-Token", "tok-123"}, {"Content-Type", "application/json"}};

TEST_CASE("webhooks: a live run handles each delivery once, refuses bad tokens and stops on SIGTERM") {
  const auto dir = fresh_dir("webhooks-live");
  const auto database = dir + "/hook-brand.db";
  LiveRun run(dir, write_webhook_pipeline(dir), {"--plugin-path", PARLEY_TEST_PLUGIN_DIR});
  const auto target = "/webhooks/hook-brand/hooks";

  // The subscription handshake.
  const auto handshake = http_request(
      run.port, "GET", std::string(target) + "?hub.mode=subscribe&hub.verify_token=vt-9&hub.challenge=c-42");
  CHECK(handshake.status == 200);
  CHECK(handshake.body == "c-42");
  CHECK(http_request(run.port, "GET", std::string(target) + "?hub.mode=subscribe&hub.verify_token=no&hub.challenge=c")
            .status == 403);

  // A bad token: refused, nothing stored.
  CHECK(http_request(run.port, "POST", target, {{"X-Token", "wrong"}}, delivery("w-bad", "late again")).status == 401);

  // A valid delivery: stored, then handled like a polled event.
  const auto first = http_request(run.port, "POST", target, kToken, delivery("w-1", "my order is late"));
  INFO(first.error);
  CHECK(first.status == 200);
  CHECK(first.body == "ok; previous=none\n");
  CHECK(eventually(database, [](auto& store) { return audit_count(store, "w-1") == 1; }));

  // The same delivery again: answered, handled no second time. The
  // connector read the checkpoint the first delivery committed.
  const auto again = http_request(run.port, "POST", target, kToken, delivery("w-1", "my order is late"));
  CHECK(again.status == 200);
  CHECK(again.body == "ok; previous=w-1\n");
  CHECK(http_request(run.port, "POST", target, kToken, delivery("w-2", "thanks")).status == 200);
  CHECK(eventually(database, [](auto& store) { return audit_count(store, "w-2") == 1; }));

  CHECK(run.stop() == 0);
  const auto out = read_file(dir + "/out");
  INFO(out);
  CHECK_THAT(out, Catch::Contains("2 events handled"));
  CHECK_THAT(read_file(dir + "/err"),
             Catch::Contains("webhooks listening on http://127.0.0.1:" + std::to_string(run.port)));
  auto store = parley::host::SqliteStore::open(database);
  CHECK(audit_count(*store, "w-1") == 1);
  CHECK(audit_count(*store, "w-bad") == 0);
  CHECK_FALSE(store->seen("w-bad"));
  CHECK(store->inbox("hooks", 10).empty());
  const auto done = store->outbox(parley::host::OutboxStatus::done);
  REQUIRE(done.size() == 1);  // the reply to w-1; w-2 is not late
  CHECK(done[0].event_id == "w-1");
  CHECK(store->load_checkpoint("hooks", "last_id") == std::optional<std::string>("w-2"));
  CHECK(store->load_checkpoint("hooks", "polled") == std::optional<std::string>("yes"));  // a poll's cursor
}

TEST_CASE("webhooks: events a crashed run had stored are handled by the next run") {
  const auto dir = fresh_dir("webhooks-crash");
  const auto database = dir + "/hook-brand.db";
  const auto pipeline = write_webhook_pipeline(dir);
  {
    // What a run killed after its 200 and before handling leaves behind.
    parley::host::InboxDelivery stored;
    stored.connector_id = "hooks";
    parley::Event event;
    event.id = "w-9";
    event.platform = "test-webhook";
    event.account = "acme";
    event.author.id = "u-olga";
    event.text = "still late";
    stored.events.push_back(event);
    parley::host::SqliteStore::open(database)->add_to_inbox(stored);
  }
  LiveRun run(dir, pipeline, {"--plugin-path", PARLEY_TEST_PLUGIN_DIR});
  CHECK(eventually(database, [](auto& store) { return audit_count(store, "w-9") == 1; }));
  CHECK(run.stop() == 0);
  auto store = parley::host::SqliteStore::open(database);
  CHECK(store->inbox("hooks", 10).empty());
  CHECK(store->outbox(parley::host::OutboxStatus::done).size() == 1);
}

}  // namespace webhooks_test
