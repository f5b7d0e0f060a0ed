// CommentPoller on its own: when requests are made, which comments count as
// new, and what is saved, with a platform whose requests are scripted (no
// HTTP). The connectors' polling tests cover it against the fake Graph API.
#include <catch2/catch.hpp>

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include <parley/testing.hpp>

#include "comment_poller.hpp"

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace comment_poller_test {

using parley::Event;
using parley::HttpResponse;
using parley::PollBatch;
using parley::graph::CommentPoller;
using parley::graph::CommentTimes;
using parley::graph::ConnectorSettings;
using parley::graph::GraphApi;

constexpr const char* kToken = "EAAG-token-in-a-message";
constexpr const char* kFailureBody = R"({"error":{"message":"down for EAAG-token-in-a-message","code":2}})";
constexpr std::int64_t kIntervalS = 60;

/// A platform whose next request does what the test says.
class ScriptedPoller final : public CommentPoller {
 public:
  ScriptedPoller(parley::PluginContext& context, const ConnectorSettings& settings, GraphApi& graph,
                 CommentTimes& times)
      : CommentPoller(context, settings, graph, times, {"test.since", "test.page", "test.cycle_since"}) {}

  using CommentPoller::page_link;
  using CommentPoller::since_s;

  /// A page with comments written at these times (Unix seconds); the read goes on with `next`.
  void answer_page(std::vector<std::int64_t> comment_times_s, std::string next) {
    next_request = [this, comment_times_s, next](PollBatch&) {
      for (const auto created_s : comment_times_s) {
        if (!accept_comment_time(created_s)) continue;
        Event event;
        event.id = "c" + std::to_string(created_s);
        hand_over(event, event.id, created_s * 1000);
      }
      end_page(next);
    };
  }
  void answer_failure() {
    next_request = [this](PollBatch&) {
      HttpResponse response;
      response.status = 500;
      response.body = kFailureBody;
      retry_later("polling: GET /test", response);
    };
  }
  void answer_body(std::string body) {
    next_request = [this, body](PollBatch& batch) { data_page(body, "GET /test", batch); };
  }

  int requests = 0;
  int new_reads = 0;

 private:
  void step(PollBatch& batch) override {
    ++requests;
    if (begin_request("test link")) ++new_reads;
    if (next_request) next_request(batch);
  }

  std::function<void(PollBatch&)> next_request;
};

struct Fixture {
  explicit Fixture(bool polling = true) {
    settings.polling = polling;
    settings.poll_interval_s = kIntervalS;
  }
  PollBatch poll(std::size_t max_events = 100) {
    PollBatch batch;
    poller.poll(batch, max_events);
    return batch;
  }
  std::int64_t now_s() const { return context.now / 1000; }

  parley::testing::FakePluginContext context;
  ConnectorSettings settings;
  GraphApi graph{context, {"https://graph.test", "v21.0", kToken, "test:1"}};
  CommentTimes times;
  ScriptedPoller poller{context, settings, graph, times};
};

TEST_CASE("With polling off, nothing is requested", "[poller]") {
  Fixture fixture(/*polling=*/false);
  const auto batch = fixture.poll();
  CHECK(fixture.poller.requests == 0);
  CHECK(batch.events.empty());
  CHECK(batch.checkpoints.empty());
}

TEST_CASE("Without checkpoints, comments of the last day are new", "[poller]") {
  Fixture fixture;
  fixture.poller.answer_page({fixture.now_s() - 25 * 3600, fixture.now_s() - 3600}, "");
  const auto batch = fixture.poll();
  CHECK(fixture.poller.new_reads == 1);
  REQUIRE(batch.events.size() == 1);
  CHECK(batch.events[0].id == "c" + std::to_string(fixture.now_s() - 3600));
  CHECK(fixture.times.created_at_ms(batch.events[0].id) == (fixture.now_s() - 3600) * 1000);
  // The read is complete: its newest comment is where the next one starts.
  CHECK(batch.checkpoints.at("test.since") == std::to_string(fixture.now_s() - 3600));
  CHECK(batch.checkpoints.at("test.cycle_since").empty());
  CHECK(batch.checkpoints.at("test.page").empty());
}

TEST_CASE("A read's pages come one a call; the next read after poll_interval_s", "[poller]") {
  Fixture fixture;
  fixture.context.checkpoints["test.since"] = "1000";
  fixture.poller.answer_page({1500}, "https://graph.test/v21.0/page2");
  auto batch = fixture.poll();
  CHECK(batch.checkpoints.at("test.page") == "https://graph.test/v21.0/page2");
  CHECK(batch.checkpoints.at("test.cycle_since") == "1500");
  CHECK(batch.checkpoints.count("test.since") == 0);
  CHECK(fixture.poller.since_s() == 1000);  // only a complete read moves the mark

  fixture.poller.answer_page({1200, 1000, 999}, "");
  batch = fixture.poll();  // at once, same clock
  CHECK(fixture.poller.requests == 2);
  CHECK(fixture.poller.new_reads == 1);
  REQUIRE(batch.events.size() == 2);  // comments at or after the mark are new
  CHECK(batch.events[0].id == "c1200");
  CHECK(batch.events[1].id == "c1000");
  CHECK(batch.checkpoints.at("test.since") == "1500");  // the newest of the whole read

  fixture.poller.answer_page({}, "");
  fixture.context.now += kIntervalS * 1000 - 1;
  fixture.poll();
  CHECK(fixture.poller.requests == 2);
  fixture.context.now += 1;
  fixture.poll();
  CHECK(fixture.poller.requests == 3);
  CHECK(fixture.poller.new_reads == 2);
}

TEST_CASE("A read resumes from its checkpoints", "[poller]") {
  Fixture fixture;
  fixture.context.checkpoints = {
      {"test.since", "1000"}, {"test.page", "https://graph.test/v21.0/page3"}, {"test.cycle_since", "2000"}};
  fixture.poller.answer_page({1100}, "");
  const auto batch = fixture.poll();
  CHECK(fixture.poller.new_reads == 0);
  CHECK(batch.events.size() == 1);
  CHECK(batch.checkpoints.at("test.since") == "2000");
}

TEST_CASE("A saved link off graph_url is dropped and a new read starts", "[poller]") {
  Fixture fixture;
  fixture.context.checkpoints = {{"test.since", "1000"}, {"test.page", "https://elsewhere.test/v21.0/page3"}};
  fixture.poller.answer_page({}, "");
  fixture.poll();
  CHECK(fixture.poller.new_reads == 1);
  REQUIRE_FALSE(fixture.context.logged.empty());
  CHECK(fixture.context.logged.front().message ==
        "polling: the saved test link is not under graph_url; starting a new read");
}

TEST_CASE("A failed request is logged without the token and made again after poll_interval_s", "[poller]") {
  Fixture fixture;
  fixture.context.checkpoints = {{"test.since", "1000"}, {"test.page", "https://graph.test/v21.0/page2"}};
  fixture.poller.answer_failure();
  fixture.poll();
  REQUIRE(fixture.context.logged.size() == 1);
  CHECK(fixture.context.logged[0].level == parley::LogLevel::warn);
  CHECK(fixture.context.logged[0].message.rfind("polling: GET /test failed, trying again in 60 s: ", 0) == 0);
  CHECK(fixture.context.logged[0].message.find(kToken) == std::string::npos);

  fixture.context.now += kIntervalS * 1000 - 1;
  fixture.poll();
  CHECK(fixture.poller.requests == 1);
  fixture.context.now += 1;
  fixture.poller.answer_page({}, "");
  fixture.poll();
  CHECK(fixture.poller.requests == 2);
  CHECK(fixture.poller.new_reads == 0);  // the same page again, not a new read
  CHECK(fixture.poller.page_link().empty());
}

TEST_CASE("A page without a 'data' array is rejected and asked for again later", "[poller]") {
  Fixture fixture;
  fixture.context.checkpoints = {{"test.since", "1000"}, {"test.page", "https://graph.test/v21.0/page2"}};
  fixture.poller.answer_body(R"({"items":[]})");
  const auto batch = fixture.poll();
  REQUIRE(batch.rejected.size() == 1);
  CHECK(batch.rejected[0].where == "GET /test");
  CHECK(batch.rejected[0].raw == R"({"items":[]})");
  fixture.poll();
  CHECK(fixture.poller.requests == 1);
  fixture.context.now += kIntervalS * 1000;
  fixture.poll();
  CHECK(fixture.poller.requests == 2);
}

TEST_CASE("Checkpoints go with the last event of the page", "[poller]") {
  Fixture fixture;
  fixture.context.checkpoints["test.since"] = "1000";
  fixture.poller.answer_page({1001, 1002, 1003}, "");
  auto batch = fixture.poll(/*max_events=*/2);
  CHECK(batch.events.size() == 2);
  CHECK(batch.checkpoints.empty());
  batch = fixture.poll(/*max_events=*/2);
  CHECK(batch.events.size() == 1);
  CHECK(batch.checkpoints.at("test.since") == "1003");
  CHECK(fixture.poller.requests == 1);  // no request while events wait
}

}  // namespace comment_poller_test
