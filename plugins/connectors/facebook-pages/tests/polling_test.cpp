#include <catch2/catch.hpp>

#include <parley/webhook.hpp>

#include "connector_fixture.hpp"
#include "feed_poller.hpp"

using parley::PollBatch;
using parley::test::connector_config;
using parley::test::ConnectorFixture;

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace polling_test {

std::vector<std::string> ids(const PollBatch& batch) {
  std::vector<std::string> result;
  for (const auto& event : batch.events) result.push_back(event.id);
  return result;
}

std::string query_of(const std::string& url) { return url.substr(url.find('?') + 1); }

/// Three posts, two per feed page, a comment on each (a reply on the newest).
struct BusyPage : ConnectorFixture {
  std::string newest, middle, oldest, reply;
  BusyPage() {
    graph.max_page_size = 2;
    const auto t = now_s();
    oldest = graph.add_comment("1000_501", "", "4201", "Ann", "first post comment", t - 3000);
    middle = graph.add_comment("1000_502", "", "4202", "Ben", "second post comment", t - 2000);
    newest = graph.add_comment("1000_503", "", "4203", "Cat", "third post comment", t - 1000);
    reply = graph.add_comment("1000_503", newest, "1000", "Nordic Coffee", "thanks Cat", t - 900);
  }
};

TEST_CASE("Without polling, poll returns nothing, asks nothing and is never exhausted", "[polling]") {
  ConnectorFixture fixture;
  auto connector = fixture.connector();
  PollBatch batch;
  connector->poll(batch, 100);
  CHECK(batch.events.empty());
  CHECK_FALSE(batch.exhausted);
  CHECK(fixture.http.sent.empty());
}

TEST_CASE("Polling reads the feed page by page and saves its place with the events", "[polling]") {
  BusyPage fixture;
  auto connector = fixture.connector(connector_config({{"polling", true}}));

  PollBatch first;
  connector->poll(first, 100);
  REQUIRE(fixture.http.sent.size() == 1);
  const auto& request = fixture.http.sent[0];
  CHECK(request.method == "GET");
  CHECK(request.url.rfind("https://graph.facebook.test/v21.0/1000/feed?", 0) == 0);
  CHECK(parley::query_parameter(query_of(request.url), "fields").find("comments") != std::string::npos);
  // No checkpoint yet: comments of the last day, on posts up to poll_window_s older than that.
  const auto since = std::stoll(parley::query_parameter(query_of(request.url), "since"));
  CHECK(since == fixture.now_s() - 86400 - 7 * 86400);
  CHECK(request.url.find("access_token") == std::string::npos);
  CHECK(parley::find_header(request.headers, "Authorization") == std::string("Bearer ") + parley::test::kToken);

  CHECK(ids(first) == std::vector<std::string>{"fb:" + fixture.reply, "fb:" + fixture.newest, "fb:" + fixture.middle});
  CHECK(first.events[0].kind == parley::EventKind::reply);
  CHECK(first.events[0].author.is_brand);
  // Whom a reply answers: the page's reply answers Cat; top-level comments nobody.
  CHECK(parley::query_parameter(query_of(request.url), "fields").find("parent{id,from{id}}") != std::string::npos);
  CHECK(first.events[0].metadata.at("parent.author") == "other");
  CHECK(first.events[1].metadata.count("parent.author") == 0);
  CHECK(first.events[1].thread_id == "1000_503");
  CHECK(first.events[1].created_at == (fixture.now_s() - 1000) * 1000);
  const auto next = first.checkpoints.at(parley::facebook::kCheckpointNext);
  CHECK(next.find("after=cursor-2") != std::string::npos);
  CHECK(first.checkpoints.count(parley::facebook::kCheckpointSince) == 0);  // the read is not complete yet

  PollBatch second;
  connector->poll(second, 100);
  REQUIRE(fixture.http.sent.size() == 2);
  CHECK(fixture.http.sent[1].url == next);
  CHECK(ids(second) == std::vector<std::string>{"fb:" + fixture.oldest});
  CHECK(second.checkpoints.at(parley::facebook::kCheckpointNext).empty());
  CHECK(second.checkpoints.at(parley::facebook::kCheckpointSince) == std::to_string(fixture.now_s() - 900));

  SECTION("the next read waits for poll_interval_s and brings only newer comments") {
    PollBatch idle;
    fixture.context.now += 30'000;
    connector->poll(idle, 100);
    CHECK(idle.events.empty());
    CHECK(fixture.http.sent.size() == 2);

    const auto fresh = fixture.graph.add_comment("1000_501", "", "4204", "Dan", "late to the party", fixture.now_s());
    fixture.context.now += 30'000;
    PollBatch later;
    connector->poll(later, 100);
    REQUIRE(fixture.http.sent.size() == 3);
    const auto since_again = std::stoll(parley::query_parameter(query_of(fixture.http.sent[2].url), "since"));
    CHECK(since_again == fixture.now_s() - 60 - 900 - 7 * 86400);
    // Comments at the mark's second come again (the host drops repeated ids); older ones do not.
    CHECK(ids(later) == std::vector<std::string>{"fb:" + fixture.reply});
    PollBatch rest;
    connector->poll(rest, 100);
    CHECK(ids(rest) == std::vector<std::string>{"fb:" + fresh});
  }
}

TEST_CASE("After a restart, polling resumes from the saved page", "[polling]") {
  BusyPage fixture;
  PollBatch first;
  fixture.connector(connector_config({{"polling", true}}))->poll(first, 100);
  for (const auto& [key, value] : first.checkpoints) fixture.context.checkpoints[key] = value;

  auto restarted = fixture.connector(connector_config({{"polling", true}}));
  PollBatch resumed;
  restarted->poll(resumed, 100);
  REQUIRE(fixture.http.sent.size() == 2);
  CHECK(fixture.http.sent[1].url == first.checkpoints.at(parley::facebook::kCheckpointNext));
  CHECK(ids(resumed) == std::vector<std::string>{"fb:" + fixture.oldest});
  CHECK(resumed.checkpoints.at(parley::facebook::kCheckpointSince) == std::to_string(fixture.now_s() - 900));
}

TEST_CASE("A page's place is saved only with its last event when max_events splits it", "[polling]") {
  BusyPage fixture;
  auto connector = fixture.connector(connector_config({{"polling", true}}));
  PollBatch part;
  connector->poll(part, 2);
  CHECK(part.events.size() == 2);
  CHECK(part.checkpoints.empty());
  PollBatch rest;
  connector->poll(rest, 2);
  CHECK(ids(rest) == std::vector<std::string>{"fb:" + fixture.middle});
  CHECK(rest.checkpoints.count(parley::facebook::kCheckpointNext) == 1);
  CHECK(fixture.http.sent.size() == 1);
}

TEST_CASE("A failed read is logged without the token and tried again after poll_interval_s", "[polling]") {
  BusyPage fixture;
  auto connector = fixture.connector(connector_config({{"polling", true}}));
  fixture.graph.fail_next(20, 503);  // more than a retrying client tries
  PollBatch failed;
  connector->poll(failed, 100);
  fixture.graph.recover();
  CHECK(failed.events.empty());
  REQUIRE_FALSE(fixture.context.logged.empty());
  CHECK(fixture.context.logged.back().level == parley::LogLevel::warn);
  CHECK(fixture.context.logged.back().message.find(parley::test::kToken) == std::string::npos);

  PollBatch too_soon;
  connector->poll(too_soon, 100);
  CHECK(fixture.http.sent.size() == 1);
  fixture.context.now += 60'000;
  PollBatch again;
  connector->poll(again, 100);
  CHECK(again.events.size() == 3);
}

TEST_CASE("A saved paging link to another host is dropped, never followed with the token", "[polling]") {
  BusyPage fixture;
  fixture.context.checkpoints[parley::facebook::kCheckpointNext] = "https://evil.example/v21.0/1000/feed?after=x";
  fixture.context.checkpoints[parley::facebook::kCheckpointSince] = std::to_string(fixture.now_s() - 86400);
  auto connector = fixture.connector(connector_config({{"polling", true}}));
  PollBatch batch;
  connector->poll(batch, 100);
  REQUIRE(fixture.http.sent.size() == 1);
  CHECK(fixture.http.sent[0].url.rfind("https://graph.facebook.test/v21.0/1000/feed?", 0) == 0);
  REQUIRE_FALSE(fixture.context.logged.empty());
  CHECK(fixture.context.logged.front().message.find("not under graph_url") != std::string::npos);
}

TEST_CASE("A customer's answer to the page's reply has parent.author brand", "[polling]") {
  ConnectorFixture fixture;
  const auto t = fixture.now_s();
  const auto question = fixture.graph.add_comment("1000_601", "", "4301", "Dan", "is the oat latte vegan?", t - 600);
  const auto answer = fixture.graph.add_comment("1000_601", question, "1000", "Nordic Coffee", "yes it is!", t - 500);
  const auto back = fixture.graph.add_comment("1000_601", answer, "4301", "Dan", "you clowns, it had milk", t - 400);
  auto connector = fixture.connector(connector_config({{"polling", true}}));
  PollBatch batch;
  connector->poll(batch, 100);
  CHECK(ids(batch) == std::vector<std::string>{"fb:" + back, "fb:" + answer, "fb:" + question});
  REQUIRE(batch.events.size() == 3);
  CHECK(batch.events[0].metadata.at("parent.author") == "brand");
  CHECK(batch.events[1].metadata.at("parent.author") == "other");
}

}  // namespace polling_test
