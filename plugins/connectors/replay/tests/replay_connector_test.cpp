#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "replay_config.hpp"
#include "replay_connector.hpp"
#include "test_support.hpp"

using parley::Action;
using parley::ActionKind;
using parley::ActionResult;
using parley::ConfigValue;
using parley::EventKind;
using parley::PollBatch;
using parley::Visibility;
using parley::replay::ReplayConnector;
using parley::testing::FakePluginContext;
using parley::testing::TemporaryFolder;

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace replay_connector_test {

ConfigValue config(std::initializer_list<std::pair<const char*, ConfigValue>> entries) {
  ConfigValue::Map map;
  for (const auto& [key, value] : entries) map.emplace_back(key, value);
  return ConfigValue(std::move(map));
}

void write_file(const std::filesystem::path& path, const std::string& content) {
  std::ofstream(path, std::ios::binary) << content;
}

std::vector<std::string> read_lines(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

PollBatch poll_all(ReplayConnector& connector, std::size_t max_per_poll = 100) {
  PollBatch all;
  for (int guard = 0; guard < 1000 && !all.exhausted; ++guard) {
    PollBatch batch;
    connector.poll(batch, max_per_poll);
    std::move(batch.events.begin(), batch.events.end(), std::back_inserter(all.events));
    std::move(batch.rejected.begin(), batch.rejected.end(), std::back_inserter(all.rejected));
    all.exhausted = batch.exhausted;
  }
  return all;
}

Action make_action(std::string key, ActionKind kind = ActionKind::reply_public) {
  Action action;
  action.kind = kind;
  action.target_event_id = "c-fi-1";
  action.target_author_id = "u-101";
  action.text = "Pahoittelut viivästyksestä, {{author}}!";
  action.params = {{"department", "support"}};
  action.reason = "late delivery complaint";
  action.rule_id = "late-delivery";
  action.idempotency_key = std::move(key);
  return action;
}

TEST_CASE("replay reads the sample in six languages, keeping UTF-8 as is", "[replay]") {
  FakePluginContext context(REPLAY_TEST_FIXTURES);
  ReplayConnector connector(config({{"input", "multilingual.jsonl"}}), context);
  const auto batch = poll_all(connector);
  CHECK(batch.rejected.empty());
  REQUIRE(batch.events.size() == 6);
  const auto& en = batch.events[0];
  CHECK(en.id == "c-en-1");
  CHECK(en.author.display_name == "Maria");
  CHECK(en.created_at == 1793610900000);

  const auto& fi = batch.events[1];
  CHECK(fi.text == "Tilaukseni on myöhässä jo viikon. Mitä tapahtuu?");
  CHECK(fi.kind == EventKind::review);

  const auto& el = batch.events[2];
  CHECK(el.text == "Ο καφές ήταν κρύος και η εξυπηρέτηση απαράδεκτη.");
  CHECK(el.author.id == "u-102");
  CHECK(el.thread_id == "post-7");
  CHECK(el.created_at == 1793610903500);

  const auto& ru = batch.events[3];
  CHECK(ru.text == "Где мой заказ? Жду уже две недели!");
  CHECK(ru.author.display_name == "Дмитрий");
  CHECK(ru.kind == EventKind::reply);
  CHECK(ru.parent_id == "c-el-1");
  CHECK(ru.created_at == 1793610905000);

  const auto& ar = batch.events[4];
  CHECK(ar.text == "أريد استرداد أموالي من فضلكم، الطلب لم يصل.");
  CHECK(ar.author.display_name == "ليلى");
  CHECK(ar.kind == EventKind::direct_message);
  CHECK(ar.visibility == Visibility::private_message);
  CHECK(ar.created_at == 1793610906000);
  CHECK(ar.metadata.at("tier") == "gold");
  CHECK(ar.metadata.at("orders") == "12");

  const auto& ja = batch.events[5];
  CHECK(ja.text == "コーヒーがとても美味しかったです！☕ ありがとう");
  CHECK(ja.platform == "instagram");
  CHECK(ja.account == "acme-jp");
  CHECK(ja.url == "https://example.com/p/1");
  CHECK(ja.raw.find("\"extra\"") != std::string::npos);

  for (const auto& event : batch.events) CHECK(event.platform == (event.id == "c-ja-1" ? "instagram" : "replay"));
}

TEST_CASE("replay reports bad lines with file:line, the error and the raw line", "[replay]") {
  TemporaryFolder folder;
  write_file(folder.path() / "events.jsonl",
             "# comment line\n"
             "{\"id\": \"ok-1\", \"author\": \"u1\", \"text\": \"first\"}\n"
             "{\"id\": \"bad-kind\", \"author\": \"u1\", \"text\": \"x\", \"kind\": \"post\"}\n"
             "   \n"
             "{not json}\n"
             "  # indented comment\n"
             "{\"author\": \"u1\", \"text\": \"no id\"}\n"
             "{\"id\": \"ok-2\", \"author\": {\"id\": \"u2\"}, \"text\": \"second\"}\n");
  FakePluginContext context(folder.path());
  ReplayConnector connector(config({{"input", "events.jsonl"}}), context);
  const auto batch = poll_all(connector);
  REQUIRE(batch.events.size() == 2);
  CHECK(batch.events[0].id == "ok-1");
  CHECK(batch.events[1].id == "ok-2");
  REQUIRE(batch.rejected.size() == 3);
  CHECK(batch.rejected[0].where == "events.jsonl:3");
  CHECK(batch.rejected[0].error ==
        "field 'kind' must be one of comment, reply, mention, direct_message, review, timer, got 'post'");
  CHECK(batch.rejected[0].raw == R"({"id": "bad-kind", "author": "u1", "text": "x", "kind": "post"})");
  CHECK(batch.rejected[1].where == "events.jsonl:5");
  CHECK(batch.rejected[1].error.rfind("invalid JSON: column 3:", 0) == 0);
  CHECK(batch.rejected[1].raw == "{not json}");
  CHECK(batch.rejected[2].where == "events.jsonl:7");
  CHECK(batch.rejected[2].error == "missing required field 'id'");
}

TEST_CASE("replay truncates the raw text of a huge bad line at a UTF-8 boundary", "[replay]") {
  TemporaryFolder folder;
  std::string huge = "{\"id\": 1, \"text\": \"";
  while (huge.size() < 10000) huge += "κ";  // two bytes each
  huge += "\"}";
  write_file(folder.path() / "events.jsonl", huge + "\n");
  FakePluginContext context(folder.path());
  ReplayConnector connector(config({{"input", "events.jsonl"}}), context);
  const auto batch = poll_all(connector);
  REQUIRE(batch.rejected.size() == 1);
  CHECK(batch.rejected[0].raw.size() <= 4096);
  CHECK(batch.rejected[0].raw.size() >= 4094);
  CHECK(huge.compare(0, batch.rejected[0].raw.size(), batch.rejected[0].raw) == 0);
  CHECK((static_cast<unsigned char>(batch.rejected[0].raw.back()) & 0xC0) != 0xC0);  // no lead byte left dangling
}

TEST_CASE("replay respects max_events and sets exhausted only at the end", "[replay]") {
  TemporaryFolder folder;
  write_file(folder.path() / "events.jsonl",
             "{\"id\": \"a\", \"author\": \"u\", \"text\": \"\"}\n"
             "{\"id\": \"b\", \"author\": \"u\", \"text\": \"\"}\n"
             "bad\n"
             "{\"id\": \"c\", \"author\": \"u\", \"text\": \"\"}\n");
  FakePluginContext context(folder.path());
  ReplayConnector connector(config({{"input", "events.jsonl"}}), context);

  PollBatch none;
  connector.poll(none, 0);
  CHECK(none.events.empty());
  CHECK_FALSE(none.exhausted);

  PollBatch first;
  connector.poll(first, 2);
  REQUIRE(first.events.size() == 2);
  CHECK(first.events[1].id == "b");
  CHECK_FALSE(first.exhausted);

  PollBatch second;  // a rejected line counts towards max_events too
  connector.poll(second, 1);
  CHECK(second.events.empty());
  CHECK(second.rejected.size() == 1);
  CHECK_FALSE(second.exhausted);

  PollBatch third;
  connector.poll(third, 10);
  REQUIRE(third.events.size() == 1);
  CHECK(third.events[0].id == "c");
  CHECK(third.exhausted);

  PollBatch after;
  connector.poll(after, 10);
  CHECK(after.events.empty());
  CHECK(after.exhausted);
}

TEST_CASE("replay accepts CRLF line ends, a byte order mark and a last line without newline", "[replay]") {
  TemporaryFolder folder;
  write_file(folder.path() / "events.jsonl",
             "\xEF\xBB\xBF{\"id\": \"a\", \"author\": \"u\", \"text\": \"Ä\"}\r\n"
             "{\"id\": \"b\", \"author\": \"u\", \"text\": \"end\"}");
  FakePluginContext context(folder.path());
  ReplayConnector connector(config({{"input", "events.jsonl"}}), context);
  const auto batch = poll_all(connector);
  CHECK(batch.rejected.empty());
  REQUIRE(batch.events.size() == 2);
  CHECK(batch.events[0].text == "Ä");
  CHECK(batch.events[0].raw.back() == '}');
  CHECK(batch.events[1].text == "end");
}

TEST_CASE("replay uses the configured account for lines without one", "[replay]") {
  TemporaryFolder folder;
  write_file(folder.path() / "events.jsonl", "{\"id\": \"a\", \"author\": \"u\", \"text\": \"\"}\n");
  FakePluginContext context(folder.path());
  ReplayConnector connector(config({{"input", "events.jsonl"}, {"account", "acme-coffee"}}), context);
  const auto batch = poll_all(connector);
  REQUIRE(batch.events.size() == 1);
  CHECK(batch.events[0].account == "acme-coffee");
}

TEST_CASE("replay refuses a missing input, naming the resolved path", "[replay]") {
  TemporaryFolder folder;
  FakePluginContext context(folder.path());
  const auto expected = (folder.path() / "nope.jsonl").string();
  CHECK_THROWS_WITH(ReplayConnector(config({{"input", "nope.jsonl"}}), context),
                    Catch::StartsWith("replay: cannot open input '" + expected + "'"));
  CHECK_THROWS_WITH(ReplayConnector(config({}), context), Catch::StartsWith("replay: config 'input' is required"));
  write_file(folder.path() / "e.jsonl", "");
  CHECK_THROWS_WITH(ReplayConnector(config({{"input", "e.jsonl"}, {"speed", "fast"}}), context),
                    "replay: config 'speed' must be instant or realtime, got 'fast'");
}

TEST_CASE("realtime waits the gaps between events, capped by max_gap_ms", "[replay]") {
  TemporaryFolder folder;
  write_file(folder.path() / "events.jsonl",
             "{\"id\": \"a\", \"author\": \"u\", \"text\": \"\", \"created_at\": \"2026-11-02T09:15:00Z\"}\n"
             "{\"id\": \"b\", \"author\": \"u\", \"text\": \"\", \"created_at\": \"2026-11-02T09:15:00Z\"}\n"
             "{\"id\": \"c\", \"author\": \"u\", \"text\": \"\", \"created_at\": \"2026-11-02T09:15:00.750Z\"}\n"
             "{\"id\": \"d\", \"author\": \"u\", \"text\": \"\", \"created_at\": \"2026-11-02T10:00:00Z\"}\n"
             "{\"id\": \"e\", \"author\": \"u\", \"text\": \"\", \"created_at\": \"2026-11-02T09:00:00Z\"}\n"
             "{\"id\": \"f\", \"author\": \"u\", \"text\": \"\", \"created_at\": \"2026-11-02T10:00:00.100Z\"}\n");
  FakePluginContext context(folder.path());
  std::vector<std::int64_t> waits;
  ReplayConnector connector(config({{"input", "events.jsonl"}, {"speed", "realtime"}, {"max_gap_ms", 1500}}), context,
                            [&](std::chrono::milliseconds duration) { waits.push_back(duration.count()); });

  std::vector<std::vector<std::string>> batches;
  for (int guard = 0; guard < 20; ++guard) {
    PollBatch batch;
    connector.poll(batch, 100);
    std::vector<std::string> ids;
    for (const auto& event : batch.events) ids.push_back(event.id);
    batches.push_back(ids);
    if (batch.exhausted) break;
  }
  // a and b share a time; c waits 750 ms; d waits 45 min capped to 1.5 s; e is
  // earlier than d and goes at once; f waits 100 ms after d, the latest so far.
  const std::vector<std::vector<std::string>> expected_batches = {{"a", "b"}, {"c"}, {"d", "e"}, {"f"}};
  CHECK(batches == expected_batches);
  const std::vector<std::int64_t> expected_waits = {750, 1500, 100};
  CHECK(waits == expected_waits);
}

TEST_CASE("instant speed never waits", "[replay]") {
  TemporaryFolder folder;
  write_file(folder.path() / "events.jsonl",
             "{\"id\": \"a\", \"author\": \"u\", \"text\": \"\", \"created_at\": 0}\n"
             "{\"id\": \"b\", \"author\": \"u\", \"text\": \"\", \"created_at\": 100000}\n");
  FakePluginContext context(folder.path());
  int waits = 0;
  ReplayConnector connector(config({{"input", "events.jsonl"}}), context, [&](std::chrono::milliseconds) { ++waits; });
  PollBatch batch;
  connector.poll(batch, 10);
  CHECK(batch.events.size() == 2);
  CHECK(batch.exhausted);
  CHECK(waits == 0);
}

TEST_CASE("execute appends one JSON line per action to the output", "[replay]") {
  TemporaryFolder folder;
  write_file(folder.path() / "events.jsonl", "");
  FakePluginContext context(folder.path());
  context.now = 1793610900042;
  ReplayConnector connector(config({{"input", "events.jsonl"}, {"output", "out/run-1/actions.jsonl"}}), context);
  const auto output = folder.path() / "out" / "run-1" / "actions.jsonl";
  CHECK(std::filesystem::exists(output));  // created up front so a bad path fails early

  CHECK(connector.execute(make_action("k1")).status == ActionResult::Status::done);
  CHECK(connector.execute(make_action("k2", ActionKind::delete_event)).status == ActionResult::Status::done);
  const auto lines = read_lines(output);
  REQUIRE(lines.size() == 2);
  const auto first = nlohmann::json::parse(lines[0]);
  CHECK(first == nlohmann::json::parse(R"({"key": "k1", "action": "reply_public", "target_event_id": "c-fi-1",
      "target_author_id": "u-101", "text": "Pahoittelut viivästyksestä, {{author}}!",
      "params": {"department": "support"}, "reason": "late delivery complaint", "rule": "late-delivery",
      "at": "2026-11-02T09:15:00.042Z"})"));
  CHECK(nlohmann::json::parse(lines[1])["action"] == "delete");
}

TEST_CASE("a key already written is done without writing again, also after a restart", "[replay]") {
  TemporaryFolder folder;
  write_file(folder.path() / "events.jsonl", "");
  const auto output = folder.path() / "actions.jsonl";
  const auto cfg = config({{"input", "events.jsonl"}, {"output", "actions.jsonl"}});
  FakePluginContext context(folder.path());
  {
    ReplayConnector first_run(cfg, context);
    CHECK(first_run.execute(make_action("k1")).status == ActionResult::Status::done);
    CHECK(first_run.execute(make_action("k2")).status == ActionResult::Status::done);
    const auto again = first_run.execute(make_action("k1"));
    CHECK(again.status == ActionResult::Status::done);
    CHECK(again.message == "already done (idempotency key 'k1' seen before)");
    CHECK(read_lines(output).size() == 2);
  }
  // "Crash" and restart: a new instance reads the same output file.
  ReplayConnector second_run(cfg, context);
  CHECK(second_run.execute(make_action("k2")).status == ActionResult::Status::done);
  CHECK(second_run.execute(make_action("k1")).status == ActionResult::Status::done);
  CHECK(read_lines(output).size() == 2);
  CHECK(second_run.execute(make_action("k3")).status == ActionResult::Status::done);
  const auto lines = read_lines(output);
  REQUIRE(lines.size() == 3);
  CHECK(nlohmann::json::parse(lines[2])["key"] == "k3");
}

TEST_CASE("without an output, actions are done and written nowhere", "[replay]") {
  TemporaryFolder folder;
  write_file(folder.path() / "events.jsonl", "");
  FakePluginContext context(folder.path());
  ReplayConnector connector(config({{"input", "events.jsonl"}, {"output", ""}}), context);
  CHECK(connector.execute(make_action("k1")).status == ActionResult::Status::done);
  CHECK(connector.execute(make_action("k1")).message == "already done (idempotency key 'k1' seen before)");
  std::size_t files = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(folder.path())) ++files;
  CHECK(files == 1);  // only the input
}

TEST_CASE("under dry-run the output is not created", "[replay]") {
  TemporaryFolder folder;
  write_file(folder.path() / "events.jsonl", "");
  FakePluginContext context(folder.path());
  context.dry = true;
  ReplayConnector connector(config({{"input", "events.jsonl"}, {"output", "out/actions.jsonl"}}), context);
  CHECK_FALSE(std::filesystem::exists(folder.path() / "out"));
}

TEST_CASE("a bad output path fails at construction, naming it", "[replay]") {
  TemporaryFolder folder;
  write_file(folder.path() / "events.jsonl", "");
  write_file(folder.path() / "blocker", "");
  FakePluginContext context(folder.path());
  CHECK_THROWS_WITH(ReplayConnector(config({{"input", "events.jsonl"}, {"output", "blocker/actions.jsonl"}}), context),
                    Catch::Contains((folder.path() / "blocker" / "actions.jsonl").string()));
}

TEST_CASE("a failed write is retryable and the key is not remembered", "[replay]") {
  if (!std::filesystem::exists("/dev/full")) return;  // Linux only
  TemporaryFolder folder;
  write_file(folder.path() / "events.jsonl", "");
  FakePluginContext context(folder.path());
  ReplayConnector connector(config({{"input", "events.jsonl"}, {"output", "/dev/full"}}), context);
  const auto result = connector.execute(make_action("k1"));
  CHECK(result.status == ActionResult::Status::failed_retryable);
  CHECK(result.message == "cannot write to action output '/dev/full': No space left on device");
  CHECK(connector.execute(make_action("k1")).status == ActionResult::Status::failed_retryable);
}

TEST_CASE("a warning names the unreadable lines of an existing output", "[replay]") {
  TemporaryFolder folder;
  write_file(folder.path() / "events.jsonl", "");
  write_file(folder.path() / "actions.jsonl", "{\"key\":\"k1\"}\ngarbage\n");
  FakePluginContext context(folder.path());
  ReplayConnector connector(config({{"input", "events.jsonl"}, {"output", "actions.jsonl"}}), context);
  REQUIRE(context.logged.size() == 1);
  CHECK(context.logged[0].level == parley::LogLevel::warn);
  CHECK(context.logged[0].message ==
        "replay: skipped 1 unreadable line(s) in action output '" + (folder.path() / "actions.jsonl").string() + "'");
  CHECK(connector.execute(make_action("k1")).message == "already done (idempotency key 'k1' seen before)");
}

TEST_CASE("replay supports every action kind", "[replay]") {
  TemporaryFolder folder;
  write_file(folder.path() / "events.jsonl", "");
  FakePluginContext context(folder.path());
  ReplayConnector connector(config({{"input", "events.jsonl"}}), context);
  const auto kinds = connector.supported_actions();
  CHECK(kinds.size() == std::size(parley::kAllActionKinds));
  for (auto kind : parley::kAllActionKinds) CHECK(std::count(kinds.begin(), kinds.end(), kind) == 1);
}

TEST_CASE("replay emulates a limited platform with supported_actions", "[replay]") {
  TemporaryFolder folder;
  write_file(folder.path() / "events.jsonl", "");
  FakePluginContext context(folder.path());
  const ConfigValue::List kinds{"reply_public", "hide", "delete"};
  ReplayConnector connector(config({{"input", "events.jsonl"}, {"supported_actions", kinds}}), context);
  CHECK(connector.supported_actions() == std::vector<parley::ActionKind>{parley::ActionKind::reply_public,
                                                                         parley::ActionKind::hide,
                                                                         parley::ActionKind::delete_event});
  const ConfigValue::List unknown{"reply_public", "shout"};
  CHECK_THROWS_WITH(ReplayConnector(config({{"input", "events.jsonl"}, {"supported_actions", unknown}}), context),
                    Catch::Contains("supported_actions"));
}

TEST_CASE("the config schema declares every field with its default", "[replay]") {
  const auto fields = parley::replay::replay_config_schema();
  std::vector<std::string> names;
  for (const auto& field : fields) {
    names.push_back(field.name);
    CHECK_FALSE(field.description.empty());
  }
  CHECK(names == std::vector<std::string>{"input", "output", "speed", "max_gap_ms", "account", "supported_actions"});
  CHECK(fields[0].required);
  CHECK_FALSE(fields[0].default_value.has_value());
  CHECK(fields[1].default_value->as_string().empty());
  CHECK(fields[2].choices == std::vector<std::string>{"instant", "realtime"});
  CHECK(fields[2].default_value->as_string() == "instant");
  CHECK(fields[3].type == parley::FieldType::integer);
  CHECK(fields[3].default_value->as_integer() == 2000);
  CHECK(fields[3].minimum == 0.0);
  CHECK(fields[4].default_value->as_string() == "demo-brand");
  CHECK_FALSE(fields[5].default_value.has_value());  // absent = every kind
}

}  // namespace replay_connector_test
