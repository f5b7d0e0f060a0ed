#include <catch2/catch.hpp>

#include "connector_fixture.hpp"
#include "fake_mastodon_api.hpp"
#include "mention_event.hpp"
#include "notification_poller.hpp"

using parley::PollBatch;
using parley::test::connector_config;
using parley::test::ConnectorFixture;
using parley::test::FakeMastodonApi;
using parley::test::form_values;
using parley::test::kMaria;
using parley::test::kOlga;
using parley::test::kToken;

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace polling_test {

constexpr const char* kSinceId = parley::mastodon::kCheckpointSinceId;

std::vector<std::string> ids(const PollBatch& batch) {
  std::vector<std::string> result;
  for (const auto& event : batch.events) result.push_back(event.id);
  return result;
}

std::string query_of(const std::string& url) {
  const auto question = url.find('?');
  return question == std::string::npos ? std::string() : url.substr(question + 1);
}

/// Five mentions, oldest first, and pages of two.
struct FiveMentions : ConnectorFixture {
  std::vector<std::string> statuses;
  FiveMentions() {
    for (int i = 1; i <= 5; ++i)
      statuses.push_back(mastodon.mention(kMaria, "<p>mention " + std::to_string(i) + "</p>"));
  }
  std::vector<std::string> event_ids(std::initializer_list<int> numbers) const {
    std::vector<std::string> result;
    for (const int number : numbers) result.push_back("mastodon:" + statuses.at(static_cast<std::size_t>(number - 1)));
    return result;
  }
};

TEST_CASE("The first run reads only the newest page and saves the newest notification id", "[polling]") {
  FiveMentions fixture;
  auto connector = fixture.connector(connector_config({{"page_size", 2}}));
  PollBatch batch;
  connector->poll(batch, 100);
  REQUIRE(fixture.http.sent.size() == 1);
  const auto& request = fixture.http.sent[0];
  CHECK(request.method == "GET");
  CHECK(request.url == "https://mastodon.test/api/v1/notifications?types%5B%5D=mention&limit=2");
  CHECK(parley::find_header(request.headers, "Authorization") == std::string("Bearer ") + kToken);
  CHECK(request.url.find(kToken) == std::string::npos);
  CHECK(request.rate_limit_key == "mastodon:mastodon.test:" + std::string(parley::test::kBrandId));
  CHECK(request.idempotent);
  // Oldest first; the checkpoint is the newest notification (5000005: the fake's fifth).
  CHECK(ids(batch) == fixture.event_ids({4, 5}));
  CHECK(batch.checkpoints.at(kSinceId) == "5000005");
  CHECK_FALSE(batch.exhausted);
}

TEST_CASE("backfill: N pages on the very first run", "[polling]") {
  FiveMentions fixture;
  auto connector = fixture.connector(connector_config({{"page_size", 2}, {"backfill", 2}}));
  PollBatch batch;
  connector->poll(batch, 100);
  CHECK(fixture.http.sent.size() == 2);
  CHECK(ids(batch) == fixture.event_ids({2, 3, 4, 5}));
}

TEST_CASE("With a checkpoint, a read follows Link rel=next until it reaches the checkpoint", "[polling]") {
  FiveMentions fixture;
  fixture.context.checkpoints[kSinceId] = "5000001";  // mention 1 was read in an earlier run
  auto connector = fixture.connector(connector_config({{"page_size", 2}}));
  PollBatch batch;
  connector->poll(batch, 100);
  // since_id on the first request; pages 2 and 3 are the instance's Link URLs (max_id, no since_id).
  REQUIRE(fixture.http.sent.size() == 3);
  CHECK(fixture.http.sent[0].url ==
        "https://mastodon.test/api/v1/notifications?types%5B%5D=mention&limit=2&since_id=5000001");
  CHECK(fixture.http.sent[1].url ==
        "https://mastodon.test/api/v1/notifications?limit=2&types%5B%5D=mention&max_id=5000004");
  CHECK(fixture.http.sent[2].url ==
        "https://mastodon.test/api/v1/notifications?limit=2&types%5B%5D=mention&max_id=5000002");
  for (const auto& request : fixture.http.sent) {
    CHECK(parley::find_header(request.headers, "Authorization") == std::string("Bearer ") + kToken);
  }
  CHECK(ids(batch) == fixture.event_ids({2, 3, 4, 5}));
  CHECK(batch.checkpoints.at(kSinceId) == "5000005");
}

TEST_CASE("A read is bounded by max_pages_per_poll and says so", "[polling]") {
  FiveMentions fixture;
  fixture.context.checkpoints[kSinceId] = "5000000";
  auto connector = fixture.connector(connector_config({{"page_size", 1}, {"max_pages_per_poll", 2}}));
  PollBatch batch;
  connector->poll(batch, 100);
  CHECK(fixture.http.sent.size() == 2);
  CHECK(ids(batch) == fixture.event_ids({4, 5}));
  CHECK(batch.checkpoints.at(kSinceId) == "5000005");
  REQUIRE_FALSE(fixture.context.logged.empty());
  CHECK_THAT(fixture.context.logged.back().message, Catch::Contains("max_pages_per_poll"));
}

TEST_CASE("The next read waits for poll_interval_s (engine clock) and brings only newer mentions", "[polling]") {
  FiveMentions fixture;
  auto connector = fixture.connector();
  PollBatch first;
  connector->poll(first, 100);
  CHECK(first.events.size() == 5);

  fixture.context.now += 30'000;
  PollBatch idle;
  connector->poll(idle, 100);
  CHECK(idle.events.empty());
  CHECK(fixture.http.sent.size() == 1);

  const auto fresh = fixture.mastodon.mention(kOlga, "<p>Где мой заказ?</p>");
  fixture.context.now += 30'000;
  PollBatch later;
  connector->poll(later, 100);
  REQUIRE(fixture.http.sent.size() == 2);
  CHECK(form_values(query_of(fixture.http.sent[1].url), "since_id") == std::vector<std::string>{"5000005"});
  CHECK(ids(later) == std::vector<std::string>{"mastodon:" + fresh});
  CHECK(later.checkpoints.at(kSinceId) == "5000006");
}

TEST_CASE("After a restart, polling resumes from the saved checkpoint", "[polling]") {
  FiveMentions fixture;
  PollBatch first;
  fixture.connector()->poll(first, 100);
  for (const auto& [key, value] : first.checkpoints) fixture.context.checkpoints[key] = value;

  const auto fresh = fixture.mastodon.mention(kMaria, "<p>one more</p>");
  auto restarted = fixture.connector();
  PollBatch resumed;
  restarted->poll(resumed, 100);
  REQUIRE(fixture.http.sent.size() == 2);
  CHECK(form_values(query_of(fixture.http.sent[1].url), "since_id") == std::vector<std::string>{"5000005"});
  CHECK(ids(resumed) == std::vector<std::string>{"mastodon:" + fresh});
}

TEST_CASE("The checkpoint is handed over only with the read's last event when max_events splits it", "[polling]") {
  FiveMentions fixture;
  auto connector = fixture.connector();
  PollBatch part;
  connector->poll(part, 3);
  CHECK(ids(part) == fixture.event_ids({1, 2, 3}));
  CHECK(part.checkpoints.empty());
  PollBatch rest;
  connector->poll(rest, 3);
  CHECK(ids(rest) == fixture.event_ids({4, 5}));
  CHECK(rest.checkpoints.at(kSinceId) == "5000005");
  CHECK(fixture.http.sent.size() == 1);
}

TEST_CASE("A mention becomes an event with the status's id, author, text, time and metadata", "[polling]") {
  ConnectorFixture fixture;
  FakeMastodonApi::MentionOptions options;
  options.language = "el";
  options.spoiler_text = "παράπονο";
  const auto parent = fixture.mastodon.mention(kMaria, "<p>first</p>");
  options.in_reply_to_id = parent;
  const auto id = fixture.mastodon.mention(
      kOlga,
      "<p><span class=\"h-card\"><a href=\"https://mastodon.test/@nordiccoffee\" class=\"u-url mention\">@<span>"
      "nordiccoffee</span></a></span> Ο καφές ήταν κρύος &amp; άργησε</p><p>Ξανά!</p>",
      options);
  PollBatch batch;
  fixture.connector()->poll(batch, 100);
  REQUIRE(batch.events.size() == 2);
  const auto& event = batch.events[1];
  CHECK(event.id == "mastodon:" + id);
  CHECK(event.platform == "mastodon");
  CHECK(event.account == parley::test::kBrandId);
  CHECK(event.kind == parley::EventKind::mention);
  CHECK(event.visibility == parley::Visibility::public_post);
  CHECK(event.thread_id == parent);
  CHECK(event.parent_id == "mastodon:" + parent);
  CHECK(event.author.id == kOlga.id);
  CHECK(event.author.handle == "olga@social.example");
  CHECK(event.author.display_name == "Ольга");
  CHECK_FALSE(event.author.is_brand);
  CHECK(event.text == "παράπονο\n@nordiccoffee Ο καφές ήταν κρύος & άργησε\nΞανά!");
  CHECK(event.lang == "el");
  CHECK(event.created_at == 1793610900000);
  CHECK(event.url == "https://mastodon.test/@olga/" + id);
  CHECK(event.metadata.at("mastodon.permalink") == event.url);
  CHECK(event.metadata.at("mastodon.visibility") == "public");
  CHECK(event.metadata.at("mastodon.language") == "el");
  CHECK(event.metadata.at("mastodon.acct") == "olga@social.example");
  CHECK(event.metadata.at("mastodon.status_id") == id);
  CHECK_FALSE(event.raw.empty());
  CHECK(batch.events[0].thread_id == parent);  // a status that answers nothing is its own thread
  CHECK(batch.events[0].parent_id.empty());
  // Whom each answers: Olga answers Maria, Maria's first status nobody.
  CHECK(event.metadata.at("parent.author") == "other");
  CHECK(batch.events[0].metadata.count("parent.author") == 0);
}

TEST_CASE("A reply to the brand's own status says so in metadata parent.author", "[polling]") {
  ConnectorFixture fixture;
  const auto brand_status = fixture.mastodon.mention(parley::test::kBrand, "<p>Our new menu is out</p>");
  FakeMastodonApi::MentionOptions options;
  options.in_reply_to_id = brand_status;
  fixture.mastodon.mention(kOlga, "<p>@nordiccoffee you clowns, my order is still missing</p>", options);
  PollBatch batch;
  fixture.connector()->poll(batch, 100);
  REQUIRE(batch.events.size() == 1);  // the brand's own status is skipped
  CHECK(batch.events[0].parent_id == "mastodon:" + brand_status);
  CHECK(batch.events[0].metadata.at("parent.author") == "brand");
}

TEST_CASE("A direct mention is a private message; Arabic and Russian text come through", "[polling]") {
  ConnectorFixture fixture;
  FakeMastodonApi::MentionOptions direct;
  direct.visibility = "direct";
  direct.language = "ar";
  fixture.mastodon.mention(kMaria, "<p>الطلب متأخر<br>مرة أخرى</p>", direct);
  fixture.mastodon.mention(kOlga, "<p>Заказ &quot;опоздал&quot;</p>");
  PollBatch batch;
  fixture.connector()->poll(batch, 100);
  REQUIRE(batch.events.size() == 2);
  CHECK(batch.events[0].kind == parley::EventKind::direct_message);
  CHECK(batch.events[0].visibility == parley::Visibility::private_message);
  CHECK(batch.events[0].metadata.at("mastodon.visibility") == "direct");
  CHECK(batch.events[0].text == "الطلب متأخر\nمرة أخرى");
  CHECK(batch.events[1].text == "Заказ \"опоздал\"");
}

TEST_CASE("The brand's own statuses are skipped; a mention without a status is rejected", "[polling]") {
  ConnectorFixture fixture;
  fixture.mastodon.mention(parley::test::kBrand, "<p>@nordiccoffee note to self</p>");
  fixture.mastodon.add_notification("mention", kMaria, "");
  const auto kept = fixture.mastodon.mention(kMaria, "<p>hi</p>");
  PollBatch batch;
  fixture.connector()->poll(batch, 100);
  CHECK(ids(batch) == std::vector<std::string>{"mastodon:" + kept});
  REQUIRE(batch.rejected.size() == 1);
  CHECK_THAT(batch.rejected[0].error, Catch::Contains("status"));
  CHECK_THAT(batch.rejected[0].where, Catch::Contains("5000002"));
  CHECK(batch.checkpoints.at(kSinceId) == "5000003");
}

TEST_CASE("include_status_notifications asks for types[]=status too", "[polling]") {
  ConnectorFixture fixture;
  PollBatch batch;
  fixture.connector(connector_config({{"include_status_notifications", true}}))->poll(batch, 1);
  REQUIRE(fixture.http.sent.size() == 1);
  CHECK(form_values(query_of(fixture.http.sent[0].url), "types[]") == std::vector<std::string>{"mention", "status"});
}

TEST_CASE("A failed read is logged without the token and tried again after poll_interval_s", "[polling]") {
  FiveMentions fixture;
  auto connector = fixture.connector();
  fixture.mastodon.fail_next(1, 503);
  PollBatch failed;
  connector->poll(failed, 100);
  CHECK(failed.events.empty());
  CHECK(failed.checkpoints.empty());
  REQUIRE_FALSE(fixture.context.logged.empty());
  CHECK(fixture.context.logged.back().level == parley::LogLevel::warn);
  CHECK_THAT(fixture.context.logged.back().message, Catch::Contains("HTTP 503"));
  CHECK(fixture.context.logged.back().message.find(kToken) == std::string::npos);

  PollBatch too_soon;
  connector->poll(too_soon, 100);
  CHECK(fixture.http.sent.size() == 1);
  fixture.context.now += 60'000;
  PollBatch again;
  connector->poll(again, 100);
  CHECK(again.events.size() == 5);
}

TEST_CASE("A Link to another host is never followed with the token", "[polling]") {
  FiveMentions fixture;
  fixture.mastodon.base_url = "https://evil.example";  // the instance's links now point elsewhere
  fixture.context.checkpoints[kSinceId] = "5000001";
  auto connector = fixture.connector(connector_config({{"page_size", 2}}));
  PollBatch batch;
  connector->poll(batch, 100);
  REQUIRE(fixture.http.sent.size() == 1);
  CHECK(ids(batch) == fixture.event_ids({4, 5}));
  CHECK(batch.checkpoints.empty());  // the read did not complete: the same mentions come again next time
  REQUIRE_FALSE(fixture.context.logged.empty());
  CHECK_THAT(fixture.context.logged.back().message, Catch::Contains("not under instance_url"));
}

}  // namespace polling_test
