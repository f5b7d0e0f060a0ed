// The webhook listener and router on a real socket with a real store:
// routing, 404 / 405 / 413, the connector's own status, nothing stored
// without a 2xx, 500 when the store fails, slow clients cut off, and no body
// or query in the log.
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>
#include <sqlite3.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <future>
#include <mutex>
#include <sstream>
#include <thread>

#include "../store/fresh_database.hpp"
#include "http_test_client.hpp"
#include "ingress/webhook_listener.hpp"
#include "ingress/webhook_router.hpp"
#include "store/sqlite_store.hpp"

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace webhook_listener_test {

using namespace parley;
using namespace parley::host;
using parley::test::http_request;
using parley::test::raw_request;

/// Accepts X-Token "good": the body is the event id; "throw" makes it throw.
/// Puts an event in the batch even when it refuses, to show the host stores
/// nothing then.
class ScriptedConnector final : public Connector {
 public:
  void poll(PollBatch& batch, std::size_t) override { batch.exhausted = true; }
  ActionResult execute(const Action&) override { return {}; }
  std::vector<ActionKind> supported_actions() const override { return {}; }
  bool receives_webhooks() const override { return true; }
  WebhookReply on_webhook(const WebhookRequest& request, PollBatch& batch) override {
    ++calls;
    {
      std::lock_guard lock(mutex);
      last = request;
    }
    Event event;
    event.id = request.body;
    event.author.id = "u1";
    batch.events.push_back(event);
    batch.checkpoints["last"] = request.body;
    if (request.header("X-Token") != std::optional<std::string>("good")) {
      return {401, "text/plain", "who are you\n", "bad X-Token"};
    }
    if (request.body == "throw") throw std::runtime_error("exploded on purpose");
    return {202, "application/json", R"({"ok":true})", "accepted"};
  }

  std::atomic<int> calls{0};
  std::mutex mutex;
  WebhookRequest last;
};

struct Fixture {
  explicit Fixture(const std::string& name, std::size_t max_body = 64)
      : file(parley::test::fresh_database_file("parley-webhook-listener-test", name)),
        store(SqliteStore::open(file)),
        connector(std::make_shared<ScriptedConnector>()) {
    router.add_route("acme", {"hooks", "scripted", connector, 3}, *store, nullptr);
    listener = std::make_unique<WebhookListener>(
        ListenerOptions{{"127.0.0.1", 0}, max_body, std::chrono::milliseconds(400)}, router);
  }
  std::uint16_t port() const { return listener->port(); }

  std::filesystem::path file;
  std::unique_ptr<SqliteStore> store;
  std::shared_ptr<ScriptedConnector> connector;
  WebhookRouter router;
  std::unique_ptr<WebhookListener> listener;
};

const std::vector<HttpHeader> kGoodToken{{"X-Token", "good"}};

std::vector<std::string> inbox_ids(Store& store) {
  std::vector<std::string> ids;
  for (const auto& waiting : store.inbox("hooks", 100)) ids.push_back(waiting.event.id);
  return ids;
}

TEST_CASE("listen addresses: IP:PORT and [IPv6]:PORT, nothing else") {
  CHECK(parse_listen_address("127.0.0.1:8787")->port == 8787);
  CHECK(parse_listen_address("127.0.0.1:0")->host == "127.0.0.1");
  CHECK(parse_listen_address("[::1]:9000")->host == "::1");
  CHECK_FALSE(parse_listen_address("127.0.0.1"));
  CHECK_FALSE(parse_listen_address("127.0.0.1:99999"));
  CHECK_FALSE(parse_listen_address("127.0.0.1:80x"));
  CHECK_FALSE(parse_listen_address("localhost:8787"));  // an address, not a name
  CHECK_FALSE(parse_listen_address(":8787"));
}

TEST_CASE("webhooks: a route reaches its connector, and its events are stored before the reply") {
  Fixture fixture("route");
  const auto reply =
      http_request(fixture.port(), "POST", "/webhooks/acme/hooks?hub.verify_token=secret", kGoodToken, "e1");
  INFO(reply.error);
  CHECK(reply.status == 202);  // the connector's status, as it is
  CHECK(reply.body == R"({"ok":true})");
  CHECK(parley::find_header(reply.headers, "Content-Type") == std::optional<std::string>("application/json"));
  {
    std::lock_guard lock(fixture.connector->mutex);
    CHECK(fixture.connector->last.method == "POST");
    CHECK(fixture.connector->last.path == "/webhooks/acme/hooks");
    CHECK(fixture.connector->last.query == "hub.verify_token=secret");
    CHECK(fixture.connector->last.remote_address == "127.0.0.1");
  }
  // Already in the inbox when the sender got its answer; a new process sees it.
  CHECK(inbox_ids(*SqliteStore::open(fixture.file)) == std::vector<std::string>{"e1"});
  CHECK(fixture.store->load_checkpoint("hooks", "last") == std::optional<std::string>("e1"));

  // The same delivery again: answered, nothing new.
  CHECK(http_request(fixture.port(), "POST", "/webhooks/acme/hooks", kGoodToken, "e1").status == 202);
  CHECK(inbox_ids(*fixture.store) == std::vector<std::string>{"e1"});
}

TEST_CASE("webhooks: unknown routes are 404, other methods 405, without calling the connector") {
  Fixture fixture("errors");
  for (const auto* target :
       {"/webhooks/acme/other", "/webhooks/other/hooks", "/webhooks/acme", "/", "/webhooks/acme/hooks/x"}) {
    INFO(target);
    CHECK(http_request(fixture.port(), "POST", target, kGoodToken, "e1").status == 404);
  }
  const auto put = http_request(fixture.port(), "PUT", "/webhooks/acme/hooks", kGoodToken, "e1");
  CHECK(put.status == 405);
  CHECK(parley::find_header(put.headers, "Allow") == std::optional<std::string>("GET, POST"));
  CHECK(http_request(fixture.port(), "DELETE", "/webhooks/acme/hooks", kGoodToken).status == 405);
  CHECK(fixture.connector->calls == 0);
  CHECK(inbox_ids(*fixture.store).empty());
}

TEST_CASE("webhooks: a body over the limit is 413 before it is read") {
  Fixture fixture("too-large", 64);
  // Only the headers are sent: the answer comes without waiting for the body.
  const auto announced = raw_request(fixture.port(),
                                     "POST /webhooks/acme/hooks HTTP/1.1\r\nHost: x\r\nX-Token: good\r\n"
                                     "Content-Length: 1000000\r\n\r\n",
                                     std::chrono::seconds(2));
  INFO(announced.error);
  CHECK(announced.status == 413);
  // Chunked: no length up front, so the limit stops the reading.
  const std::string chunk(100, 'x');
  const auto chunked = raw_request(fixture.port(),
                                   "POST /webhooks/acme/hooks HTTP/1.1\r\nHost: x\r\nX-Token: good\r\n"
                                   "Transfer-Encoding: chunked\r\n\r\n64\r\n" +
                                       chunk + "\r\n0\r\n\r\n");
  INFO(chunked.error);
  CHECK(chunked.status == 413);
  CHECK(fixture.connector->calls == 0);
  // At the limit is fine.
  CHECK(http_request(fixture.port(), "POST", "/webhooks/acme/hooks", kGoodToken, std::string(64, 'y')).status == 202);
}

TEST_CASE("webhooks: a refused request (401) stores nothing the connector put in the batch") {
  Fixture fixture("refused");
  const auto reply = http_request(fixture.port(), "POST", "/webhooks/acme/hooks", {{"X-Token", "bad"}}, "e1");
  CHECK(reply.status == 401);
  CHECK(reply.body == "who are you\n");
  CHECK(fixture.connector->calls == 1);
  CHECK(inbox_ids(*fixture.store).empty());
  CHECK_FALSE(fixture.store->load_checkpoint("hooks", "last"));
  CHECK(fixture.store->dead_letters().empty());
}

TEST_CASE("webhooks: 500 when the connector throws or the store cannot keep the delivery") {
  Fixture fixture("failures");
  CHECK(http_request(fixture.port(), "POST", "/webhooks/acme/hooks", kGoodToken, "throw").status == 500);
  CHECK(inbox_ids(*fixture.store).empty());

  // Another connection breaks the inbox: the delivery cannot be stored.
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(fixture.file.string().c_str(), &db) == SQLITE_OK);
  REQUIRE(sqlite3_exec(db, "DROP TABLE inbox", nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(db);
  const auto reply = http_request(fixture.port(), "POST", "/webhooks/acme/hooks", kGoodToken, "e1");
  CHECK(reply.status == 500);
  CHECK_FALSE(fixture.store->load_checkpoint("hooks", "last"));  // rolled back with the events
}

TEST_CASE("webhooks: a slow client is cut off and holds no one else up") {
  Fixture fixture("slow");
  const auto started = std::chrono::steady_clock::now();
  // Headers that never end.
  auto slow = std::async(std::launch::async, [&] {
    return raw_request(fixture.port(), "POST /webhooks/acme/hooks HTTP/1.1\r\nHost: x\r\n", std::chrono::seconds(5));
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  CHECK(http_request(fixture.port(), "POST", "/webhooks/acme/hooks", kGoodToken, "e1").status == 202);
  CHECK(slow.wait_for(std::chrono::milliseconds(0)) == std::future_status::timeout);  // served while it still hangs
  const auto cut = slow.get();
  CHECK(cut.status == 0);  // closed without an answer
  CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(3));
}

TEST_CASE("webhooks: the log names route and status, never the body or the query") {
  std::ostringstream captured;
  auto previous = spdlog::default_logger();
  auto logger = std::make_shared<spdlog::logger>("capture", std::make_shared<spdlog::sinks::ostream_sink_mt>(captured));
  logger->set_level(spdlog::level::debug);
  spdlog::set_default_logger(logger);
  {
    Fixture fixture("logging");
    http_request(fixture.port(), "POST", "/webhooks/acme/hooks?hub.verify_token=hush-1234", kGoodToken, "body-5678");
    http_request(fixture.port(), "POST", "/webhooks/acme/hooks?hub.verify_token=hush-1234", {{"X-Token", "no"}},
                 "body-5678");
  }
  spdlog::set_default_logger(previous);
  const auto log = captured.str();
  INFO(log);
  CHECK_THAT(log, Catch::Contains("webhook POST /webhooks/acme/hooks -> 202: accepted"));
  CHECK_THAT(log, Catch::Contains("webhook POST /webhooks/acme/hooks -> 401: bad X-Token"));
  CHECK_THAT(log, !Catch::Contains("hush-1234") && !Catch::Contains("body-5678") && !Catch::Contains("verify_token"));
}

}  // namespace webhook_listener_test
