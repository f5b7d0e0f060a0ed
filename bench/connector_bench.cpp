// The connector kit under load, through the real `parley` binary on loopback:
//
//  ingress  signed webhook deliveries (the generic webhook connector, HMAC
//           checked) from C client threads, one connection per request;
//           requests/s and the latency from sending a request to its 200,
//           which the host answers only after the event is committed to the
//           state database (so it is the time to a recorded event).
//  actions  replayed events whose rule answers each one, routed to the
//           webhook connector's signed POST against a local fake server;
//           actions executed per second, with the rate limiter out of the way
//           (a limit of 100,000/s, the most the pipeline file allows).
//
//   connector_bench [--requests N] [--connections C] [--actions N] [--repeats R]
//
// Prints every run and the median per figure. docs/performance.md.
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "fake_http_server.hpp"
#include "http_test_client.hpp"
#include "openssl_hmac.hpp"
#include "pipeline_yaml.hpp"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using parley::testing::PipelineYaml;
using parley::testing::rules_responder;

namespace {

constexpr const char* kSecret = "bench-secret-7f3a";

struct Options {
  int requests = 20000;
  int connections = 4;
  int actions = 5000;
  int repeats = 3;
};

void write_file(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

fs::path fresh_dir(const std::string& name) {
  const auto dir = fs::temp_directory_path() / ("parley-connector-bench-" + std::to_string(::getpid())) / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

/// `parley ARGS...` in the background, its output in DIR/out and DIR/err.
pid_t start_parley(const std::vector<std::string>& arguments, const fs::path& dir) {
  std::fflush(stdout);  // or the child would print what is buffered again
  const pid_t pid = fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    std::freopen((dir / "out").c_str(), "w", stdout);
    std::freopen((dir / "err").c_str(), "w", stderr);
    std::vector<std::string> all{PARLEY_BINARY};
    all.insert(all.end(), arguments.begin(), arguments.end());
    std::vector<char*> argv;
    for (auto& argument : all) argv.push_back(argument.data());
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    std::_Exit(127);
  }
  return pid;
}

int wait_for(pid_t pid) {
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/// Events the state database holds for the client: handled or waiting.
long recorded_events(const fs::path& database) {
  sqlite3* db = nullptr;
  long count = -1;
  if (sqlite3_open(database.c_str(), &db) == SQLITE_OK) {
    sqlite3_stmt* select = nullptr;
    if (sqlite3_prepare_v2(db,
                           "SELECT (SELECT count(*) FROM handled) + (SELECT count(*) FROM inbox WHERE event_id "
                           "NOT IN (SELECT event_id FROM handled))",
                           -1, &select, nullptr) == SQLITE_OK &&
        sqlite3_step(select) == SQLITE_ROW) {
      count = sqlite3_column_int64(select, 0);
    }
    sqlite3_finalize(select);
  }
  sqlite3_close(db);
  return count;
}

template <typename T>
T median(std::vector<T> values) {
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

double percentile_ms(std::vector<double>& sorted_ms, double p) {
  const auto index = static_cast<std::size_t>(p * static_cast<double>(sorted_ms.size() - 1));
  return sorted_ms[index];
}

struct IngressRun {
  double requests_per_s = 0;
  double p50_ms = 0;
  double p99_ms = 0;
};

IngressRun run_ingress(const Options& options, int repeat) {
  const auto dir = fresh_dir("ingress-" + std::to_string(repeat));
  write_file(dir / "secret.txt", kSecret);
  PipelineYaml yaml("bench-ingress");
  yaml.connectors = R"(
- id: hooks
  plugin: webhook
  config:
    inbound: { secret: "${file:secret.txt}" }
)";
  yaml.responders = rules_responder(R"(
- id: note
  when: "event.text contains 'late'"
  then: [label]
  reason: "bench: every event gets one decision"
)");
  const auto pipeline = yaml.write(dir.string());
  const auto pid = start_parley({"run", pipeline, "--state", dir.string(), "--listen", "127.0.0.1:0",
                                 "--listen-port-file", (dir / "port").string(), "--log-level", "warn"},
                                dir);
  std::uint16_t port = 0;
  for (int waited = 0; port == 0 && waited < 500; ++waited) {
    const auto text = read_file(dir / "port");
    if (!text.empty()) port = static_cast<std::uint16_t>(std::stoi(text));
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  if (port == 0) throw std::runtime_error("parley did not start listening: " + read_file(dir / "err"));

  const auto route = std::string("/webhooks/bench-ingress/hooks");
  std::vector<std::vector<double>> latencies(static_cast<std::size_t>(options.connections));
  std::atomic<int> failures{0};
  std::vector<std::thread> clients;
  const auto started = Clock::now();
  for (int client = 0; client < options.connections; ++client) {
    clients.emplace_back([&, client] {
      auto& mine = latencies[static_cast<std::size_t>(client)];
      for (int index = client; index < options.requests; index += options.connections) {
        const auto body = R"({"id":"r-)" + std::to_string(index) + R"(","text":"my order is late again",)" +
                          R"("author":{"id":"u-)" + std::to_string(index % 1000) + R"("}})";
        const auto now_s = std::to_string(std::time(nullptr));
        const std::vector<parley::HttpHeader> headers{
            {"Content-Type", "application/json"},
            {"X-Parley-Timestamp", now_s},
            {"X-Parley-Signature", "sha256=" + parley::test::hmac_sha256_hex(kSecret, now_s + "." + body)}};
        const auto sent = Clock::now();
        const auto reply = parley::test::http_request(port, "POST", route, headers, body);
        mine.push_back(std::chrono::duration<double, std::milli>(Clock::now() - sent).count());
        if (reply.status != 200) ++failures;
      }
    });
  }
  for (auto& client : clients) client.join();
  const double seconds = std::chrono::duration<double>(Clock::now() - started).count();
  kill(pid, SIGTERM);
  wait_for(pid);
  if (failures > 0) throw std::runtime_error(std::to_string(failures.load()) + " requests were not answered 200");
  const auto recorded = recorded_events(dir / "bench-ingress.db");
  if (recorded != options.requests) {
    throw std::runtime_error("recorded " + std::to_string(recorded) + " events of " + std::to_string(options.requests));
  }
  std::vector<double> all;
  for (const auto& mine : latencies) all.insert(all.end(), mine.begin(), mine.end());
  std::sort(all.begin(), all.end());
  return {options.requests / seconds, percentile_ms(all, 0.50), percentile_ms(all, 0.99)};
}

double run_actions(const Options& options, int repeat) {
  const auto dir = fresh_dir("actions-" + std::to_string(repeat));
  std::atomic<long> posts{0};
  parley::test::FakeHttpServer platform([&posts](const parley::test::RecordedRequest&) {
    const auto id = ++posts;
    return parley::test::CannedResponse{200, {}, R"({"id":"p-)" + std::to_string(id) + R"("})", {}};
  });
  std::string events;
  for (int index = 0; index < options.actions; ++index) {
    events += R"({"id":"a-)" + std::to_string(index) + R"(","author":"u-)" + std::to_string(index % 1000) +
              R"(","text":"my order is late"})" + "\n";
  }
  write_file(dir / "events.jsonl", events);
  write_file(dir / "secret.txt", kSecret);
  PipelineYaml yaml("bench-actions");
  yaml.connectors = R"(
- id: source
  plugin: replay
  config: { input: events.jsonl }
- id: platform
  plugin: webhook
  actions_only: true
  config:
    outbound:
)";
  yaml.connectors += "      url: " + platform.base_url() + "/actions\n";
  yaml.connectors += R"(      secret: "${file:secret.txt}"
      kinds: [reply_public]
)";
  yaml.responders = rules_responder(R"(
- id: ack
  when: "event.text contains 'late'"
  then: [reply_public]
  text: "Sorry, we are on it"
  reason: "bench: one reply per event"
)");
  yaml.rest = R"(routes:
  reply_public: platform
http:
  rate_limits: [{ key_prefix: "", per_second: 100000, burst: 100000 }]
)";
  const auto pipeline = yaml.write(dir.string());
  const auto started = Clock::now();
  const auto pid = start_parley({"run", pipeline, "--state", dir.string()}, dir);
  const int exit_code = wait_for(pid);
  const double seconds = std::chrono::duration<double>(Clock::now() - started).count();
  if (exit_code != 0 || posts != options.actions) {
    throw std::runtime_error("parley exited " + std::to_string(exit_code) + " after " + std::to_string(posts.load()) +
                             " of " + std::to_string(options.actions) + " actions: " + read_file(dir / "err"));
  }
  return options.actions / seconds;
}

Options parse(int argc, char** argv) {
  Options options;
  for (int index = 1; index + 1 < argc; index += 2) {
    const std::string name = argv[index];
    const int value = std::atoi(argv[index + 1]);
    if (value <= 0) throw std::invalid_argument("bad value for " + name);
    if (name == "--requests")
      options.requests = value;
    else if (name == "--connections")
      options.connections = value;
    else if (name == "--actions")
      options.actions = value;
    else if (name == "--repeats")
      options.repeats = value;
    else
      throw std::invalid_argument("unknown option " + name);
  }
  return options;
}

}  // namespace

int main(int argc, char** argv) try {
  const auto options = parse(argc, argv);
  std::vector<double> rates, p50s, p99s, action_rates;
  for (int repeat = 0; repeat < options.repeats; ++repeat) {
    const auto run = run_ingress(options, repeat);
    std::printf("ingress run %d: %d requests over %d connections: %.0f requests/s, p50 %.2f ms, p99 %.2f ms\n",
                repeat + 1, options.requests, options.connections, run.requests_per_s, run.p50_ms, run.p99_ms);
    rates.push_back(run.requests_per_s);
    p50s.push_back(run.p50_ms);
    p99s.push_back(run.p99_ms);
  }
  for (int repeat = 0; repeat < options.repeats; ++repeat) {
    const auto rate = run_actions(options, repeat);
    std::printf("actions run %d: %d actions: %.0f actions/s\n", repeat + 1, options.actions, rate);
    action_rates.push_back(rate);
  }
  std::printf("median: ingress %.0f requests/s, p50 %.2f ms, p99 %.2f ms; actions %.0f actions/s\n", median(rates),
              median(p50s), median(p99s), median(action_rates));
  fs::remove_all(fs::temp_directory_path() / ("parley-connector-bench-" + std::to_string(::getpid())));
  return 0;
} catch (const std::exception& error) {
  std::fprintf(stderr, "connector_bench: %s\n", error.what());
  return 1;
}
