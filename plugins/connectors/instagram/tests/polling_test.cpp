#include <catch2/catch.hpp>

#include "connector_fixture.hpp"
#include "media_poller.hpp"

using parley::PollBatch;
using parley::test::ig_config;
using parley::test::IgFixture;
using parley::test::kIgUserId;

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace polling_test {

const std::string kGraph = "https://graph.facebook.test/v21.0/";

std::vector<std::string> ids(const PollBatch& batch) {
  std::vector<std::string> result;
  for (const auto& event : batch.events) result.push_back(event.id);
  return result;
}

/// Three media, two per page of any list: the newest with three comments
/// (two pages), a customer's reply and the account's own reply.
struct BusyAccount : IgFixture {
  std::string a1, b1, c1, c2, c3, reply, own;
  BusyAccount() {
    graph.max_page_size = 2;
    const auto t = now_s();
    graph.add_media("17900000000000001", t - 4000);
    graph.add_media("17900000000000002", t - 3000);
    graph.add_media("17900000000000003", t - 2000);
    a1 = graph.add_comment("17900000000000001", "", "9001", "ann", "on the oldest", t - 1500);
    b1 = graph.add_comment("17900000000000002", "", "9002", "ben", "on the middle", t - 1400);
    c1 = graph.add_comment("17900000000000003", "", "9003", "cat", "first on the newest", t - 900);
    own = graph.add_comment("17900000000000003", c1, kIgUserId, "nordiccoffee", "thanks Cat", t - 880);
    reply = graph.add_comment("17900000000000003", c1, "9004", "dan", "me too", t - 850);
    c2 = graph.add_comment("17900000000000003", "", "9005", "eve", "second", t - 800);
    c3 = graph.add_comment("17900000000000003", "", "9006", "fay", "third", t - 700);
  }

  PollBatch poll(parley::Connector& connector) {
    PollBatch batch;
    connector.poll(batch, 100);
    return batch;
  }
};

TEST_CASE("Without polling, poll returns nothing, asks nothing and is never exhausted", "[polling]") {
  IgFixture fixture;
  PollBatch batch;
  fixture.connector()->poll(batch, 100);
  CHECK(batch.events.empty());
  CHECK_FALSE(batch.exhausted);
  CHECK(fixture.http.sent.empty());
}

TEST_CASE("Polling lists media, reads their comments page by page and saves its place", "[polling]") {
  BusyAccount fixture;
  auto connector = fixture.connector(ig_config({{"polling", true}}));

  CHECK(fixture.poll(*connector).events.empty());  // the first media page
  REQUIRE(fixture.http.sent.size() == 1);
  CHECK(fixture.http.sent[0].url ==
        kGraph + kIgUserId + "/media?fields=id%2Ctimestamp%2Cpermalink%2Cmedia_product_type&limit=25");
  CHECK(parley::find_header(fixture.http.sent[0].headers, "Authorization") ==
        std::string("Bearer ") + parley::test::kToken);

  const auto newest = fixture.poll(*connector);  // its comments, first page: the own reply is left out
  CHECK(fixture.http.sent[1].url.rfind(kGraph + "17900000000000003/comments?fields=", 0) == 0);
  CHECK(ids(newest) == std::vector<std::string>{"ig:" + fixture.c1, "ig:" + fixture.reply, "ig:" + fixture.c2});
  CHECK(newest.events[1].parent_id == "ig:" + fixture.c1);
  CHECK(newest.events[0].url == "https://www.instagram.test/p/17900000000000003/");
  CHECK(newest.events[0].thread_id == "17900000000000003");
  CHECK(newest.checkpoints.empty());

  const auto rest = fixture.poll(*connector);  // paging.next of the comments
  CHECK(fixture.http.sent[2].url.find("after=cursor-2") != std::string::npos);
  CHECK(ids(rest) == std::vector<std::string>{"ig:" + fixture.c3});

  const auto middle = fixture.poll(*connector);  // the page's last media: its place is saved with its events
  CHECK(ids(middle) == std::vector<std::string>{"ig:" + fixture.b1});
  const auto page_two = middle.checkpoints.at(parley::instagram::kCheckpointPage);
  CHECK(page_two.rfind(kGraph + kIgUserId + "/media?", 0) == 0);
  CHECK(page_two.find("after=cursor-2") != std::string::npos);
  CHECK(middle.checkpoints.count(parley::instagram::kCheckpointSince) == 0);

  SECTION("the read goes on to the next media page and completes") {
    CHECK(fixture.poll(*connector).events.empty());
    CHECK(fixture.http.sent.back().url == page_two);
    const auto oldest = fixture.poll(*connector);
    CHECK(ids(oldest) == std::vector<std::string>{"ig:" + fixture.a1});
    CHECK(oldest.checkpoints.at(parley::instagram::kCheckpointPage).empty());
    CHECK(oldest.checkpoints.at(parley::instagram::kCheckpointSince) == std::to_string(fixture.now_s() - 700));
    // The next read waits for poll_interval_s.
    const auto sent = fixture.http.sent.size();
    CHECK(fixture.poll(*connector).events.empty());
    CHECK(fixture.http.sent.size() == sent);
  }
  SECTION("after a restart it resumes with the saved media page") {
    for (const auto& [key, value] : middle.checkpoints) fixture.context.checkpoints[key] = value;
    auto restarted = fixture.connector(ig_config({{"polling", true}}));
    CHECK(fixture.poll(*restarted).events.empty());
    CHECK(fixture.http.sent.back().url == page_two);
    CHECK(ids(fixture.poll(*restarted)) == std::vector<std::string>{"ig:" + fixture.a1});
  }
}

TEST_CASE("A failed read is logged without the token and tried again after poll_interval_s", "[polling]") {
  BusyAccount fixture;
  auto connector = fixture.connector(ig_config({{"polling", true}}));
  fixture.graph.fail_next(20, 503);
  CHECK(fixture.poll(*connector).events.empty());
  fixture.graph.recover();
  REQUIRE_FALSE(fixture.context.logged.empty());
  CHECK(fixture.context.logged.back().level == parley::LogLevel::warn);
  CHECK(fixture.context.logged.back().message.find(parley::test::kToken) == std::string::npos);
  fixture.poll(*connector);
  CHECK(fixture.http.sent.size() == 1);
  fixture.context.now += 60'000;
  fixture.poll(*connector);
  CHECK(fixture.http.sent.size() == 2);
  CHECK(fixture.http.sent[1].url == fixture.http.sent[0].url);
}

TEST_CASE("A saved media page link to another host is dropped, never followed with the token", "[polling]") {
  BusyAccount fixture;
  fixture.context.checkpoints[parley::instagram::kCheckpointPage] = "https://evil.example/v21.0/x/media?after=1";
  auto connector = fixture.connector(ig_config({{"polling", true}}));
  fixture.poll(*connector);
  REQUIRE(fixture.http.sent.size() == 1);
  CHECK(fixture.http.sent[0].url.rfind(kGraph + kIgUserId + "/media?", 0) == 0);
  CHECK(fixture.context.logged.front().message.find("not under graph_url") != std::string::npos);
}

}  // namespace polling_test
