// parley console: the approval queue as a web page, on the real binary, real
// YAML and a real run. It shows hostile customer text escaped, decides as
// `parley approvals` does (once, through the connector), and refuses forms
// without its token, from another site, or without a name.
#include <catch2/catch.hpp>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <nlohmann/json.hpp>

#include "http_test_client.hpp"
#include "live_run.hpp"
#include "parked_actions.hpp"
#include "parley_process.hpp"
#include "pipeline_yaml.hpp"

using namespace parley::testing;
using parley::test::http_request;
using parley::test::TestResponse;

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace console_test {

constexpr const char* kEvents =
    R"({"id":"e-1","author":{"id":"u-anna","handle":"anna"},"text":"My lawyer <script>alert('x')</script> will call"})"
    "\n"
    R"({"id":"e-2","author":"u-layla","text":"سأتصل بمحامي lawyer"})"
    "\n";

/// Legal escalations wait for approval; `extra_params` go with them.
std::string write_pipeline(const std::string& dir, const std::string& extra_params = "") {
  write_file(dir + "/events.jsonl", kEvents);
  PipelineYaml yaml("console-brand");
  yaml.connectors = replay_connector();
  yaml.classifiers = keywords_classifier("intent.legal: [lawyer]\n");
  std::string legal_rule = "- id: legal\n  when: \"intent.legal >= 0.8\"\n  then:\n";
  legal_rule += "    - { action: escalate, params: { department: legal" + extra_params + " } }\n";
  legal_rule += "  reason: \"P12: a legal threat goes to the legal department\"\n";
  yaml.responders = rules_responder(legal_rule);
  yaml.policy = "require_approval: [\"escalate:legal\"]\n";
  return yaml.write(dir);
}

/// application/x-www-form-urlencoded, as a browser sends a form.
std::string form(const std::vector<std::pair<std::string, std::string>>& fields) {
  std::string body;
  for (const auto& [name, value] : fields) {
    if (!body.empty()) body += '&';
    body += name + '=';
    for (const unsigned char c : value) {
      if (std::isalnum(c) || c == '-' || c == '_' || c == '.') {
        body += static_cast<char>(c);
      } else {
        char escaped[4];
        std::snprintf(escaped, sizeof escaped, "%%%02X", c);
        body += escaped;
      }
    }
  }
  return body;
}

/// The form token in the page (the same in every form).
std::string form_token(const std::string& page) {
  const std::string marker = "name=\"token\" value=\"";
  const auto at = page.find(marker);
  REQUIRE(at != std::string::npos);
  const auto start = at + marker.size();
  return page.substr(start, page.find('"', start) - start);
}

std::string header(const TestResponse& response, const std::string& name) {
  return parley::find_header(response.headers, name).value_or("");
}

TestResponse post(std::uint16_t port, const std::string& target, const std::string& body,
                  std::vector<parley::HttpHeader> headers = {}) {
  headers.push_back({"Content-Type", "application/x-www-form-urlencoded"});
  return http_request(port, "POST", target, headers, body);
}

const std::string kFirstKey = "console-brand/e-1/legal/escalate";
const std::string kSecondKey = "console-brand/e-2/legal/escalate";

TEST_CASE("console: parked actions are shown escaped and decided once, as parley approvals decides them") {
  const auto dir = fresh_dir("console-flow");
  const auto pipeline = write_pipeline(dir);
  const auto run = run_parley({"run", pipeline, "--state", dir});
  INFO(run.out << run.err);
  REQUIRE(run.exit_code == 0);
  const auto ids = parked_ids(pipeline, dir);
  REQUIRE(ids.size() == 2);
  const auto first = std::to_string(ids.at("e-1"));
  const auto second = std::to_string(ids.at("e-2"));

  LiveRun console(dir, pipeline, {}, "console");
  const auto page = http_request(console.port, "GET", "/");
  REQUIRE(page.status == 200);
  CHECK_THAT(header(page, "Content-Type"), Catch::Contains("text/html"));
  CHECK_THAT(header(page, "Content-Security-Policy"), Catch::Contains("default-src 'none'"));
  CHECK(header(page, "Cache-Control") == "no-store");
  // What the customer wrote, escaped; the proposed action, its rule and why it waits.
  CHECK_THAT(page.body, Catch::Contains("My lawyer &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; will call") &&
                            !Catch::Contains("<script"));
  CHECK_THAT(page.body, Catch::Contains("<blockquote dir=\"auto\">سأتصل بمحامي lawyer</blockquote>"));
  CHECK_THAT(page.body, Catch::Contains("department=legal") && Catch::Contains("P12: a legal threat") &&
                            Catch::Contains("policy.require_approval lists escalate:legal") &&
                            Catch::Contains("@anna") && Catch::Contains("2 action(s) waiting"));
  // Newest first.
  CHECK(page.body.find("/approvals/" + second + "/approve") < page.body.find("/approvals/" + first + "/approve"));
  const auto token = form_token(page.body);
  CHECK(token.size() == 64);

  const auto approve_first = "/approvals/" + first + "/approve";
  SECTION("approve: refused without the token, from another site or without a name; then done once") {
    const auto without_token = post(console.port, approve_first, form({{"by", "alice"}}));
    CHECK(without_token.status == 403);
    CHECK_THAT(without_token.body, Catch::Contains("Reload the list"));
    const auto wrong_token = (token[0] == '0' ? "1" : "0") + token.substr(1);
    CHECK(post(console.port, approve_first, form({{"token", wrong_token}, {"by", "alice"}})).status == 403);
    const auto other_site = post(console.port, approve_first, form({{"token", token}, {"by", "alice"}}),
                                 {{"Origin", "https://evil.example"}});
    CHECK(other_site.status == 403);
    const auto without_name = post(console.port, approve_first, form({{"token", token}, {"by", "  "}}));
    CHECK(without_name.status == 400);
    CHECK_THAT(without_name.body, Catch::Contains("your name"));
    CHECK(action_keys(dir + "/actions.jsonl").count(kFirstKey) == 0);

    // The console's own origin is fine: what a browser on the page sends.
    const auto own = "127.0.0.1:" + std::to_string(console.port);
    const auto approved =
        post(console.port, approve_first, form({{"token", token}, {"by", "Alice Martin"}, {"note", "legal agreed"}}),
             {{"Host", own}, {"Origin", "http://" + own}});
    INFO(approved.body);
    CHECK(approved.status == 303);
    CHECK(header(approved, "Location") == "/?decided=" + first);
    CHECK_THAT(approved.body, Catch::Contains("approved by Alice Martin") && Catch::Contains("Carried out"));
    CHECK(action_keys(dir + "/actions.jsonl")[kFirstKey] == 1);

    const auto after = http_request(console.port, "GET", "/?decided=" + first);
    CHECK_THAT(after.body, Catch::Contains("approved by Alice Martin") && Catch::Contains("legal agreed") &&
                               Catch::Contains("1 action(s) waiting"));

    const auto again = post(console.port, approve_first, form({{"token", token}, {"by", "bob"}}));
    CHECK(again.status == 409);
    CHECK_THAT(again.body, Catch::Contains("already approved by Alice Martin") && Catch::Contains("now done"));
    const auto reject_after =
        post(console.port, "/approvals/" + first + "/reject", form({{"token", token}, {"by", "bob"}, {"note", "no"}}));
    CHECK(reject_after.status == 409);
    CHECK(action_keys(dir + "/actions.jsonl")[kFirstKey] == 1);

    // The record is the one `parley approvals` keeps.
    const auto shown = run_parley({"approvals", "show", pipeline, first, "--state", dir});
    CHECK_THAT(shown.out, Catch::Contains("status done") && Catch::Contains("approved by Alice Martin") &&
                              Catch::Contains("(note: legal agreed)"));
    const auto cli_again = run_parley({"approvals", "approve", pipeline, first, "--by", "carol", "--state", dir});
    CHECK(cli_again.exit_code == 1);
  }

  SECTION("reject: needs a note, then never executes") {
    const auto reject_second = "/approvals/" + second + "/reject";
    const auto without_note = post(console.port, reject_second, form({{"token", token}, {"by", "bob"}}));
    CHECK(without_note.status == 400);
    // Through a TLS proxy that passes the Host it was asked for.
    const auto rejected =
        post(console.port, reject_second, form({{"token", token}, {"by", "bob"}, {"note", "not a legal matter"}}),
             {{"Host", "console.agency.example"}, {"Origin", "https://console.agency.example"}});
    CHECK(rejected.status == 303);
    CHECK_THAT(rejected.body, Catch::Contains("rejected by bob") && Catch::Contains("never be carried out"));
    CHECK(parked_ids(pipeline, dir).count("e-2") == 0);
    CHECK(post(console.port, "/approvals/" + second + "/approve", form({{"token", token}, {"by", "alice"}})).status ==
          409);
    const auto rerun = run_parley({"run", pipeline, "--state", dir});
    CHECK(rerun.exit_code == 0);
    CHECK(action_keys(dir + "/actions.jsonl").count(kSecondKey) == 0);
  }

  SECTION("unknown actions and pages, and GET on a form's target") {
    CHECK(post(console.port, "/approvals/999999/approve", form({{"token", token}, {"by", "alice"}})).status == 404);
    CHECK(http_request(console.port, "GET", "/admin").status == 404);
    CHECK(http_request(console.port, "GET", approve_first).status == 405);
    CHECK(action_keys(dir + "/actions.jsonl").count(kFirstKey) == 0);
  }

  CHECK(console.stop() == 0);
}

TEST_CASE("console: --help, a bad --listen and a missing state are reported") {
  const auto help = run_parley({"console", "--help"});
  CHECK(help.exit_code == 0);
  CHECK_THAT(help.out, Catch::Contains("parley console PIPELINE.yaml") && Catch::Contains("TLS proxy"));
  const auto dir = fresh_dir("console-usage");
  const auto pipeline = write_pipeline(dir);
  CHECK(run_parley({"console", pipeline, "--listen", "localhost"}).exit_code == 2);
  const auto no_state = run_parley({"console", pipeline, "--state", dir + "/nowhere"});
  CHECK(no_state.exit_code == 1);
  CHECK_THAT(no_state.err, Catch::Contains("no state database"));
  CHECK(run_parley({"console"}).exit_code == 2);
}

TEST_CASE("console: secrets from the pipeline are never shown or logged") {
  const auto dir = fresh_dir("console-secret");
  const std::string secret = "queue-s3cr3t-value";
  const auto pipeline = write_pipeline(dir, ", queue: \"${env:CONSOLE_TEST_QUEUE}\"");
  // Every parley started here inherits this process's environment.
  setenv("CONSOLE_TEST_QUEUE", secret.c_str(), 1);
  REQUIRE(run_parley({"run", pipeline, "--state", dir}).exit_code == 0);
  LiveRun console(dir, pipeline, {}, "console");
  const auto page = http_request(console.port, "GET", "/");
  REQUIRE(page.status == 200);
  CHECK_THAT(page.body, Catch::Contains("department=legal, queue=***") && !Catch::Contains(secret));
  const auto id = std::to_string(parked_ids(pipeline, dir).at("e-1"));
  const auto approved =
      post(console.port, "/approvals/" + id + "/approve", form({{"token", form_token(page.body)}, {"by", "alice"}}));
  CHECK(approved.status == 303);
  CHECK_THAT(approved.body, !Catch::Contains(secret));
  CHECK(console.stop() == 0);
  unsetenv("CONSOLE_TEST_QUEUE");
  CHECK_THAT(read_file(dir + "/err") + read_file(dir + "/out"),
             Catch::Contains("POST /approvals/" + id + "/approve -> 303") && !Catch::Contains(secret));
}

}  // namespace console_test
