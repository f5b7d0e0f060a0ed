// A `parley run` (or `parley console`) left running in the background,
// listening on a free port, for tests that talk to it while it runs.
#pragma once

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <string>
#include <thread>
#include <vector>

#include "parley_process.hpp"
#include "store/sqlite_store.hpp"

namespace parley::testing {

/// Starts `parley run PIPELINE --state DIR --listen 127.0.0.1:0 EXTRA...`
/// (or, with `command`, `parley COMMAND PIPELINE ...`) and waits (10 s at
/// most) for the port it reports.
struct LiveRun {
  LiveRun(const std::string& dir, const std::string& pipeline, const std::vector<std::string>& extra = {},
          const std::string& command = "run")
      : dir(dir) {
    std::vector<std::string> arguments{
        command, pipeline, "--state", dir, "--listen", "127.0.0.1:0", "--listen-port-file", dir + "/port"};
    arguments.insert(arguments.end(), extra.begin(), extra.end());
    std::remove((dir + "/port").c_str());
    pid = start_parley(arguments, dir);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (std::chrono::steady_clock::now() < deadline) {
      const auto text = read_file(dir + "/port");
      if (!text.empty()) {
        port = static_cast<std::uint16_t>(std::stoi(text));
        return;
      }
      int status = 0;
      if (waitpid(pid, &status, WNOHANG) == pid) {
        pid = -1;
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    FAIL("parley " << command << " did not start listening: " << read_file(dir + "/err"));
  }
  ~LiveRun() { kill_now(); }
  LiveRun(const LiveRun&) = delete;
  LiveRun& operator=(const LiveRun&) = delete;

  /// SIGTERM, then its exit code (-1 when a signal ended it).
  int stop() {
    kill(pid, SIGTERM);
    int status = 0;
    waitpid(pid, &status, 0);
    pid = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }
  /// SIGKILL: a crash, nothing flushed.
  void kill_now() {
    if (pid <= 0) return;
    kill(pid, SIGKILL);
    waitpid(pid, nullptr, 0);
    pid = -1;
  }

  std::string dir;
  pid_t pid = -1;
  std::uint16_t port = 0;
};

/// Waits up to 10 s for `done` to hold.
inline bool eventually(const std::function<bool()>& done) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (std::chrono::steady_clock::now() < deadline) {
    if (done()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return false;
}

/// Waits up to 10 s for `done` to hold on the run's state database.
inline bool eventually(const std::string& database, const std::function<bool(parley::host::SqliteStore&)>& done) {
  return eventually([&] { return done(*parley::host::SqliteStore::open(database)); });
}

}  // namespace parley::testing
