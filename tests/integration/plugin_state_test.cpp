// Plugin state (API 1.4) across restarts, on the real binary: the playbook
// remembers which acknowledgement it posted last on an account, so the first
// reply after a restart is not the same text again (PLAYBOOK P10).
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "parley_process.hpp"
#include "store/sqlite_store.hpp"

using namespace parley::testing;

#ifdef PARLEY_BRAND_PLUGINS  // the playbook was built
// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace plugin_state_test {

std::string write_pipeline(const std::string& dir) {
  write_file(dir + "/pipeline.yaml", R"(client: variants
connectors:
  - plugin: replay
    config: { input: events.jsonl, output: actions.jsonl }
classifiers:
  - plugin: keywords
    config:
      labels:
        intent.complaint: [late]
        theme.late_delivery: [late]
      attributes: { theme: theme }
responders:
  - plugin: playbook
    config: { brand: Acme }
engine: { clock: events }
)");
  return dir + "/pipeline.yaml";
}

/// One complaint by a customer called Anna; each on its own thread.
std::string complaint(const std::string& id, const std::string& account, const std::string& author) {
  return R"({"id":")" + id + R"(","account":")" + account + R"(","thread_id":"thread-)" + id + R"(","author":{"id":")" +
         author + R"(","display_name":"Anna"},"text":"my order is late","lang":"en",)" +
         R"("created_at":"2026-12-01T09:00:00Z"})" + "\n";
}

/// event id -> the text of its public reply, from the replay connector's output.
std::map<std::string, std::string> public_replies(const std::string& dir) {
  std::map<std::string, std::string> replies;
  for (const auto& line : lines_of(read_file(dir + "/actions.jsonl"))) {
    const auto action = nlohmann::json::parse(line);
    if (action.at("action") == "reply_public") replies[action.at("target_event_id")] = action.at("text");
  }
  return replies;
}

TEST_CASE("the playbook does not repeat its last acknowledgement on an account after a restart") {
  const auto dir = fresh_dir("plugin-state");
  const auto pipeline = write_pipeline(dir);
  write_file(dir + "/events.jsonl", complaint("first", "acme", "u-1"));
  const auto first = run_parley({"run", pipeline, "--state", dir});
  INFO(first.out << first.err);
  REQUIRE(first.exit_code == 0);
  const auto last_text = public_replies(dir).at("first");

  // Which later event would, with no memory, start from that same text? Ask
  // a fresh state, each candidate on an account of its own.
  const auto scratch = fresh_dir("plugin-state-scratch");
  write_pipeline(scratch);
  std::string candidates;
  for (int i = 0; i < 24; ++i) {
    candidates += complaint("next-" + std::to_string(i), "account-" + std::to_string(i), "u-2");
  }
  write_file(scratch + "/events.jsonl", candidates);
  REQUIRE(run_parley({"run", scratch + "/pipeline.yaml", "--state", scratch}).exit_code == 0);
  std::string same_start;
  for (const auto& [event_id, text] : public_replies(scratch)) {
    if (text == last_text && event_id != "first") same_start = event_id;
  }
  REQUIRE_FALSE(same_start.empty());

  // After the restart, that event on the same account gets another text.
  write_file(dir + "/events.jsonl", complaint("first", "acme", "u-1") + complaint(same_start, "acme", "u-2"));
  const auto second = run_parley({"run", pipeline, "--state", dir});
  INFO(second.out << second.err);
  REQUIRE(second.exit_code == 0);
  const auto replies = public_replies(dir);
  REQUIRE(replies.count(same_start) == 1);
  CHECK(replies.at(same_start) != last_text);

  // The memory is in the state database, under the playbook's instance id.
  auto store = parley::host::SqliteStore::open(dir + "/variants.db");
  const auto saved = store->load_plugin_state("playbook", "last_variant/acme/acknowledge/en");
  REQUIRE(saved);
  CHECK_THAT(*saved, Catch::Contains(" " + same_start));  // "<index> <event id><rule id>"
}

#endif

}  // namespace plugin_state_test
