// parley approvals: the queue of parked actions on the real binary and real
// YAML; an approval executes once, a rejection never; P4 in a real run.
#include <catch2/catch.hpp>
#include <chrono>
#include <map>
#include <nlohmann/json.hpp>

#include "parked_actions.hpp"
#include "parley_process.hpp"
#include "pipeline_yaml.hpp"
#include "store/sqlite_store.hpp"

using namespace parley::testing;

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace approvals_test {

constexpr const char* kEvents =
    R"({"id":"e-1","author":{"id":"u-anna","handle":"anna"},"text":"My lawyer will hear about this"})"
    "\n"
    R"({"id":"e-2","author":"u-olga","text":"I am calling my lawyer, Юрист уже в курсе"})"
    "\n"
    R"({"id":"e-3","author":"u-piotr","text":"I want a discount now"})"
    "\n";

/// A pipeline whose legal escalations wait for approval and whose discount
/// rule would promise an offer in public.
std::string write_pipeline(const std::string& dir, const std::string& account = "acme") {
  write_file(dir + "/events.jsonl", kEvents);
  PipelineYaml yaml("approvals-brand");
  yaml.connectors = replay_connector(", account: \"" + account + "\"");
  yaml.classifiers = keywords_classifier("intent.legal: [lawyer]\n");
  yaml.responders = rules_responder(R"(
- id: legal
  when: "intent.legal >= 0.8"
  then:
    - { action: escalate, params: { department: legal } }
  reason: "P12: a legal threat goes to the legal department"
- id: discount
  when: "event.text contains 'discount'"
  then: reply_public
  text: "Hi {{author}}, here is a 10% discount on your next order"
  reason: "P16: a rip-off customer gets a concession"
)");
  yaml.policy = "require_approval: [\"escalate:legal\"]\n";
  return yaml.write(dir);
}

const std::string kFirstKey = "approvals-brand/e-1/legal/escalate";
const std::string kSecondKey = "approvals-brand/e-2/legal/escalate";

TEST_CASE("approvals: a parked escalation is listed, approved once, and a second decision fails") {
  const auto dir = fresh_dir("approvals-flow");
  const auto pipeline = write_pipeline(dir);
  const auto run = run_parley({"run", pipeline, "--state", dir});
  INFO(run.out << run.err);
  REQUIRE(run.exit_code == 0);
  CHECK_THAT(run.out, Catch::Contains("2 parked for approval"));
  CHECK(action_keys(dir + "/actions.jsonl").count(kFirstKey) == 0);

  const auto listed = run_parley({"approvals", "list", pipeline, "--state", dir});
  INFO(listed.out << listed.err);
  CHECK(listed.exit_code == 0);
  CHECK_THAT(listed.out, Catch::Contains("escalate") && Catch::Contains("event e-1") && Catch::Contains("rule legal") &&
                             Catch::Contains("policy.require_approval lists escalate:legal") &&
                             Catch::Contains("department=legal") && Catch::Contains("2 action(s) waiting"));

  const auto ids = parked_ids(pipeline, dir);
  REQUIRE(ids.size() == 2);
  const auto first = std::to_string(ids.at("e-1"));
  const auto second = std::to_string(ids.at("e-2"));

  SECTION("approve executes once; approving or rejecting again fails with exit 1") {
    const auto without_by = run_parley({"approvals", "approve", pipeline, first, "--state", dir});
    CHECK(without_by.exit_code == 2);
    CHECK_THAT(without_by.err, Catch::Contains("approve needs --by NAME"));

    const auto approved = run_parley(
        {"approvals", "approve", pipeline, first, "--by", "alice", "--note", "legal agreed", "--state", dir});
    INFO(approved.out << approved.err);
    CHECK(approved.exit_code == 0);
    CHECK_THAT(approved.out, Catch::Contains("approved by alice") && Catch::Contains("done"));
    CHECK(action_keys(dir + "/actions.jsonl")[kFirstKey] == 1);

    const auto again = run_parley({"approvals", "approve", pipeline, first, "--by", "bob", "--state", dir});
    CHECK(again.exit_code == 1);
    CHECK_THAT(again.err, Catch::Contains("action #" + first + " was already approved by alice at ") &&
                              Catch::Contains("(note: legal agreed); it is now done"));
    const auto reject =
        run_parley({"approvals", "reject", pipeline, first, "--by", "bob", "--note", "x", "--state", dir});
    CHECK(reject.exit_code == 1);
    CHECK(action_keys(dir + "/actions.jsonl")[kFirstKey] == 1);

    const auto shown = run_parley({"approvals", "show", pipeline, first, "--state", dir});
    INFO(shown.out);
    CHECK(shown.exit_code == 0);
    CHECK_THAT(shown.out, Catch::Contains("status done") && Catch::Contains("approved by alice") &&
                              Catch::Contains("intent.legal 1.00") && Catch::Contains("case        acme/u-anna/e-1") &&
                              Catch::Contains("P12: a legal threat"));

    // A later run neither re-executes it nor touches the other, still parked one.
    const auto rerun = run_parley({"run", pipeline, "--state", dir});
    CHECK(rerun.exit_code == 0);
    CHECK(action_keys(dir + "/actions.jsonl")[kFirstKey] == 1);
    CHECK(parked_ids(pipeline, dir).count("e-2") == 1);
  }

  SECTION("reject never executes, and is shown with who and why") {
    const auto without_note = run_parley({"approvals", "reject", pipeline, second, "--by", "bob", "--state", dir});
    CHECK(without_note.exit_code == 2);
    const auto rejected = run_parley(
        {"approvals", "reject", pipeline, second, "--by", "bob", "--note", "not a legal matter", "--state", dir});
    INFO(rejected.out << rejected.err);
    CHECK(rejected.exit_code == 0);
    CHECK_THAT(rejected.out, Catch::Contains("rejected by bob") && Catch::Contains("never be executed"));
    const auto approve = run_parley({"approvals", "approve", pipeline, second, "--by", "alice", "--state", dir});
    CHECK(approve.exit_code == 1);
    CHECK_THAT(approve.err, Catch::Contains("already rejected by bob"));
    const auto rerun = run_parley({"run", pipeline, "--state", dir});
    CHECK(rerun.exit_code == 0);
    CHECK(action_keys(dir + "/actions.jsonl").count(kSecondKey) == 0);

    const auto shown = run_parley({"approvals", "show", pipeline, second, "--state", dir, "--json"});
    REQUIRE(shown.exit_code == 0);
    const auto json = nlohmann::json::parse(shown.out);
    CHECK(json.at("status") == "rejected");
    REQUIRE(json.at("decisions").size() == 1);
    CHECK(json.at("decisions")[0].at("by") == "bob");
    CHECK(json.at("decisions")[0].at("note") == "not a legal matter");
    CHECK(json.at("audit").at("labels").at("intent.legal") == 1.0);
    CHECK(parked_ids(pipeline, dir).count("e-2") == 0);
  }
}

TEST_CASE("approvals: an approval whose execution was interrupted is executed once by the next run") {
  const auto dir = fresh_dir("approvals-interrupted");
  const auto pipeline = write_pipeline(dir);
  REQUIRE(run_parley({"run", pipeline, "--state", dir}).exit_code == 0);
  const auto ids = parked_ids(pipeline, dir);
  {
    // The decision committed, then the process died before the connector ran.
    auto store = parley::host::SqliteStore::open(dir + "/approvals-brand.db");
    REQUIRE(store->decide({ids.at("e-1"), true, "alice", "", 0}).outcome ==
            parley::host::DecideResult::Outcome::decided);
  }
  const auto rerun = run_parley({"run", pipeline, "--state", dir});
  INFO(rerun.out << rerun.err);
  CHECK(rerun.exit_code == 0);
  CHECK_THAT(rerun.out, Catch::Contains("1 recovered from an interrupted run"));
  CHECK(action_keys(dir + "/actions.jsonl")[kFirstKey] == 1);
  const auto again =
      run_parley({"approvals", "approve", pipeline, std::to_string(ids.at("e-1")), "--by", "bob", "--state", dir});
  CHECK(again.exit_code == 1);
  CHECK(action_keys(dir + "/actions.jsonl")[kFirstKey] == 1);
}

TEST_CASE("approvals: a public reply with \"10% discount\" is blocked by P4, with the reason in the audit") {
  const auto dir = fresh_dir("approvals-p4");
  const auto pipeline = write_pipeline(dir);
  const auto run = run_parley({"run", pipeline, "--state", dir});
  INFO(run.out << run.err);
  REQUIRE(run.exit_code == 0);
  const std::string reason = "P4: offers only in private: public text mentions \"discount\"";
  CHECK_THAT(run.out, Catch::Contains("BLOCKED") && Catch::Contains(reason));
  CHECK(action_keys(dir + "/actions.jsonl").count("approvals-brand/e-3/discount/reply_public") == 0);
  auto store = parley::host::SqliteStore::open(dir + "/approvals-brand.db");
  const auto audit = store->audit_of_event("e-3");
  REQUIRE(audit);
  const auto decision = nlohmann::json::parse(audit->record_json).at("decisions").at(0);
  CHECK(decision.at("kind") == "reply_public");
  CHECK(decision.at("verdict") == "blocked");
  CHECK(decision.at("guard_reason") == reason);
}

TEST_CASE("approvals: usage errors, unknown ids and a missing state database") {
  const auto dir = fresh_dir("approvals-errors");
  const auto pipeline = write_pipeline(dir);
  CHECK(run_parley({"approvals", "frobnicate", pipeline}).exit_code == 2);
  CHECK(run_parley({"approvals", "show", pipeline, "abc", "--state", dir}).exit_code == 2);
  CHECK(run_parley({"approvals", "list", pipeline, "--by", "alice", "--state", dir}).exit_code == 2);
  const auto help = run_parley({"approvals", "--help"});
  CHECK(help.exit_code == 0);
  CHECK_THAT(help.out, Catch::Contains("parley approvals list|show|approve|reject"));

  const auto missing = run_parley({"approvals", "list", pipeline, "--state", dir + "/elsewhere"});
  CHECK(missing.exit_code == 1);
  CHECK_THAT(missing.err, Catch::Contains("no state database"));

  REQUIRE(run_parley({"run", pipeline, "--state", dir}).exit_code == 0);
  const auto unknown = run_parley({"approvals", "approve", pipeline, "9999", "--by", "alice", "--state", dir});
  CHECK(unknown.exit_code == 1);
  CHECK_THAT(unknown.err, Catch::Contains("no action #9999"));
}

TEST_CASE("approvals: secrets from the pipeline are never printed") {
  const auto dir = fresh_dir("approvals-secret");
  const std::string secret = "acct-s3cr3t-value";
  const auto pipeline = write_pipeline(dir, "${env:APPROVALS_TEST_ACCOUNT}");
  const std::vector<std::string> env{"APPROVALS_TEST_ACCOUNT=" + secret};
  REQUIRE(run_parley({"run", pipeline, "--state", dir}, env).exit_code == 0);
  const auto listed = run_parley({"approvals", "list", pipeline, "--state", dir, "--json"}, env);
  REQUIRE(listed.exit_code == 0);
  const auto id = nlohmann::json::parse(listed.out).at(0).at("id").get<std::int64_t>();
  for (const auto* format : {"--log-level=info", "--json"}) {
    const auto shown = run_parley({"approvals", "show", pipeline, std::to_string(id), "--state", dir, format}, env);
    INFO(shown.out);
    CHECK(shown.exit_code == 0);
    CHECK_THAT(shown.out, Catch::Contains("***/u-anna/e-1"));  // the case key holds the account
    CHECK_THAT(shown.out + shown.err, !Catch::Contains(secret));
  }
}

/// Rude words get a warning and a look again in an hour, both parked; the
/// look-again answers only an author with a warning on record.
std::string write_effects_pipeline(const std::string& dir) {
  write_file(dir + "/events.jsonl",
             R"({"id":"r-1","author":{"id":"u-rex","handle":"rex"},"thread_id":"post-9","text":"you idiots"})"
             "\n");
  PipelineYaml yaml("effects-brand");
  yaml.connectors = "- plugin: replay\n  config: { input: events.jsonl, output: actions.jsonl }\n";
  yaml.responders = rules_responder(R"(
- id: rude
  when: "event.kind != 'timer' and event.text contains 'idiot'"
  then:
    - { action: warn, text: "Please keep it civil", params: { case_status: awaiting_customer } }
    - { action: follow_up, params: { after: 1h, purpose: check_in } }
  reason: "P8: warn first, and look again in an hour"
- id: check-in
  when: "event.kind == 'timer' and case.warnings >= 1"
  then: reply_private
  text: "Hi {{author}}, we are still here if you need us"
  reason: "a warned author is checked on"
)");
  yaml.policy = "require_approval: [warn, follow_up]\n";
  return yaml.write(dir);
}

std::int64_t wall_ms() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

TEST_CASE("approvals: an approved warn counts and an approved follow_up fires once in the next run") {
  const auto dir = fresh_dir("approvals-effects");
  const auto pipeline = write_effects_pipeline(dir);
  const auto run = run_parley({"run", pipeline, "--state", dir});
  INFO(run.out << run.err);
  REQUIRE(run.exit_code == 0);
  CHECK_THAT(run.out, Catch::Contains("2 parked for approval"));

  const auto listed = run_parley({"approvals", "list", pipeline, "--state", dir, "--json"});
  REQUIRE(listed.exit_code == 0);
  std::map<std::string, std::string> ids;  // kind -> id
  for (const auto& item : nlohmann::json::parse(listed.out))
    ids[item.at("kind")] = std::to_string(item.at("id").get<std::int64_t>());
  REQUIRE(ids.size() == 2);

  const auto warned = run_parley({"approvals", "approve", pipeline, ids.at("warn"), "--by", "alice", "--state", dir});
  INFO(warned.out << warned.err);
  CHECK(warned.exit_code == 0);
  CHECK_THAT(warned.out, Catch::Contains("new → awaiting_customer") && Catch::Contains("Author u-rex: 1 warning(s)"));
  const auto timed =
      run_parley({"approvals", "approve", pipeline, ids.at("follow_up"), "--by", "alice", "--state", dir});
  INFO(timed.out << timed.err);
  CHECK(timed.exit_code == 0);
  CHECK_THAT(timed.out, Catch::Contains("Timer 'check_in' due") && Catch::Contains("Carried out by the host"));
  // The connector never sees the follow_up; the warn went out once.
  CHECK(action_keys(dir + "/actions.jsonl") == std::map<std::string, int>{{"effects-brand/r-1/rude/warn", 1}});

  const auto shown = run_parley({"approvals", "show", pipeline, ids.at("warn"), "--state", dir});
  INFO(shown.out);
  CHECK_THAT(shown.out, Catch::Contains("case move   new → awaiting_customer"));
  const auto shown_timer = run_parley({"approvals", "show", pipeline, ids.at("follow_up"), "--state", dir, "--json"});
  REQUIRE(shown_timer.exit_code == 0);
  const auto timer_json = nlohmann::json::parse(shown_timer.out);
  CHECK(timer_json.at("timer").at("purpose") == "check_in");
  CHECK(timer_json.at("transitions").empty());  // the warn of the same rule moved the case, not this
  {
    auto store = parley::host::SqliteStore::open(dir + "/effects-brand.db");
    const auto transitions = store->transitions();
    REQUIRE(transitions.size() == 1);
    CHECK(transitions[0].event_id == "r-1");
    CHECK(transitions[0].rule_id == "rude");
  }

  // Two hours later the timer fires, once; the check-in rule sees the warning.
  const auto later = std::to_string(wall_ms() + 2 * 3'600'000);
  const auto second = run_parley({"run", pipeline, "--state", dir, "--now", later});
  INFO(second.out << second.err);
  REQUIRE(second.exit_code == 0);
  CHECK_THAT(second.out, Catch::Contains("1 timers fired"));
  const auto keys = action_keys(dir + "/actions.jsonl");
  CHECK(keys.at("effects-brand/timer:effects-brand/r-1/rude/follow_up/check-in/reply_private") == 1);
  const auto third = run_parley({"run", pipeline, "--state", dir, "--now", std::to_string(wall_ms() + 5 * 3'600'000)});
  REQUIRE(third.exit_code == 0);
  CHECK_THAT(third.out, !Catch::Contains("timers fired"));
  CHECK(action_keys(dir + "/actions.jsonl").size() == 2);
}

}  // namespace approvals_test
