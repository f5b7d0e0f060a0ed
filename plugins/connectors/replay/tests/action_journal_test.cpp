#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "action_journal.hpp"
#include "test_support.hpp"

using parley::Action;
using parley::ActionKind;
using parley::replay::action_to_json_line;
using parley::replay::ActionJournal;
using parley::testing::TemporaryFolder;

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace action_journal_test {

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

Action make_action(std::string key) {
  Action action;
  action.kind = ActionKind::reply_public;
  action.target_event_id = "e1";
  action.target_author_id = "u1";
  action.text = "Hei!";
  action.reason = "greeting";
  action.rule_id = "greet";
  action.idempotency_key = std::move(key);
  return action;
}

TEST_CASE("an action becomes one JSON line with every field in order", "[action_journal]") {
  Action action = make_action("k1");
  action.kind = ActionKind::delete_event;
  action.params = {{"department", "legal"}, {"priority", "high"}};
  action.text = "Ο καφές \"κρύος\"";
  CHECK(action_to_json_line(action, 1793610900042) ==
        R"({"key":"k1","action":"delete","target_event_id":"e1","target_author_id":"u1",)"
        R"("text":"Ο καφές \"κρύος\"","params":{"department":"legal","priority":"high"},)"
        R"("reason":"greeting","rule":"greet","at":"2026-11-02T09:15:00.042Z"})");
}

TEST_CASE("invalid UTF-8 in an action text is replaced, not thrown", "[action_journal]") {
  Action action = make_action("k1");
  action.text = "bad \xC3\x28 byte";
  const auto line = action_to_json_line(action, 0);
  CHECK(nlohmann::json::parse(line)["text"] == "bad \xEF\xBF\xBD( byte");
}

TEST_CASE("the journal appends lines and creates missing folders", "[action_journal]") {
  TemporaryFolder folder;
  const auto path = folder.path() / "deep" / "er" / "actions.jsonl";
  ActionJournal journal(path.string());
  CHECK_FALSE(std::filesystem::exists(path));  // nothing is created before open() or record()
  journal.record(make_action("k1"), 0);
  journal.record(make_action("k2"), 0);
  CHECK(journal.contains("k1"));
  CHECK(journal.contains("k2"));
  CHECK_FALSE(journal.contains("k3"));
  const auto content = read_file(path);
  CHECK(content == action_to_json_line(make_action("k1"), 0) + "\n" + action_to_json_line(make_action("k2"), 0) + "\n");
}

TEST_CASE("the journal reads the keys of an existing file and skips what it cannot read", "[action_journal]") {
  TemporaryFolder folder;
  const auto path = folder.path() / "actions.jsonl";
  std::ofstream(path) << R"({"key":"old-1","action":"hide"})"
                      << "\n"
                      << "\n"
                      << "not json\n"
                      << R"({"key": 5})"
                      << "\n"
                      << R"({"action":"ban"})"
                      << "\n"
                      << R"({"key":"old-2"})"
                      << "\n";
  ActionJournal journal(path.string());
  CHECK(journal.known_keys() == 2);
  CHECK(journal.contains("old-1"));
  CHECK(journal.contains("old-2"));
  CHECK(journal.unreadable_lines() == 3);
}

TEST_CASE("a partial last line left by a crash is ended before appending", "[action_journal]") {
  TemporaryFolder folder;
  const auto path = folder.path() / "actions.jsonl";
  std::ofstream(path) << R"({"key":"old-1"})"
                      << "\n"
                      << R"({"key":"half-writ)";
  {
    ActionJournal journal(path.string());
    CHECK(journal.unreadable_lines() == 1);
    journal.record(make_action("k1"), 0);
  }
  ActionJournal reread(path.string());
  CHECK(reread.contains("old-1"));
  CHECK(reread.contains("k1"));
  CHECK_FALSE(reread.contains("half-writ"));
  CHECK(reread.unreadable_lines() == 1);
}

TEST_CASE("an empty key is written every time and never remembered", "[action_journal]") {
  TemporaryFolder folder;
  const auto path = folder.path() / "actions.jsonl";
  ActionJournal journal(path.string());
  journal.record(make_action(""), 0);
  journal.record(make_action(""), 0);
  CHECK(journal.known_keys() == 0);
  const auto content = read_file(path);
  CHECK(std::count(content.begin(), content.end(), '\n') == 2);
}

TEST_CASE("an output that cannot be opened is reported with the path", "[action_journal]") {
  TemporaryFolder folder;
  const auto blocker = folder.path() / "file";
  std::ofstream(blocker) << "x";
  ActionJournal journal((blocker / "actions.jsonl").string());
  CHECK_THROWS_WITH(journal.open(), Catch::StartsWith("cannot create the folder of action output '" +
                                                      (blocker / "actions.jsonl").string() + "'"));
}

}  // namespace action_journal_test
