// Test support for plugin authors: a PluginContext for in-process tests.
// Not used by the host; include it from your plugin's tests only.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "parley/plugin.hpp"

namespace parley::testing {

/// Paths resolve against a folder the test chooses, the clock and dry-run
/// flag are set by hand, and log lines are kept for asserts.
class FakePluginContext final : public PluginContext {
 public:
  explicit FakePluginContext(std::filesystem::path base_dir = std::filesystem::current_path())
      : base_dir_(std::move(base_dir)) {}

  void log(LogLevel level, std::string_view message) override { logged.push_back({level, std::string(message)}); }
  const std::string& pipeline() const override { return pipeline_name; }
  const std::string& instance_id() const override { return instance; }
  std::string resolve_path(std::string_view path) const override {
    const std::filesystem::path given(path);
    return (given.is_absolute() ? given : base_dir_ / given).lexically_normal().string();
  }
  std::int64_t now_ms() const override { return now; }
  bool dry_run() const override { return dry; }
  AuthorHistory author_history(const Event& /*event*/) const override { return history; }
  HttpClient& http() override {
    if (http_client == nullptr) throw std::logic_error("FakePluginContext: set http_client first");
    return *http_client;
  }
  std::string hmac_sha256_hex(std::string_view key, std::string_view message) const override {
    if (!hmac) throw std::logic_error("FakePluginContext: set hmac first");
    return hmac(key, message);
  }
  std::optional<std::string> load_checkpoint(std::string_view key) const override {
    auto found = checkpoints.find(std::string(key));
    if (found == checkpoints.end()) return std::nullopt;
    return found->second;
  }
  std::optional<std::string> load_state(std::string_view key) const override {
    const std::lock_guard lock(state_mutex_);
    auto found = state.find(std::string(key));
    if (found == state.end()) return std::nullopt;
    return found->second;
  }
  void save_state(std::string_view key, std::string_view value) override {
    if (value.size() > kMaxStateValueBytes) throw std::length_error("FakePluginContext: state value too large");
    const std::lock_guard lock(state_mutex_);
    state[std::string(key)] = std::string(value);
  }
  const std::string& time_zone() const override { return zone; }

  struct LogLine {
    LogLevel level;
    std::string message;
  };
  std::vector<LogLine> logged;
  std::string pipeline_name = "test-client";
  std::string instance = "under-test";
  std::int64_t now = 1793610900000;  // 2026-11-02T09:15:00Z
  bool dry = false;
  AuthorHistory history;              ///< what author_history() answers, for every event
  HttpClient* http_client = nullptr;  ///< what http() returns (e.g. the host's client against a fake server)
  /// What hmac_sha256_hex() computes with; the test supplies an implementation.
  std::function<std::string(std::string_view key, std::string_view message)> hmac;
  std::map<std::string, std::string> checkpoints;  ///< what load_checkpoint() reads
  std::map<std::string, std::string> state;        ///< what load_state() reads and save_state() writes
  std::string zone = "UTC";                        ///< what time_zone() answers (the pipeline's `timezone`)

 private:
  std::filesystem::path base_dir_;
  mutable std::mutex state_mutex_;  // save_state may be called from any thread, as on the host
};

}  // namespace parley::testing
