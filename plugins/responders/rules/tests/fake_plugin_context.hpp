// A PluginContext for in-process tests: fixed pipeline and instance names,
// a clock set by hand, log lines kept for asserts.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include <parley/plugin.hpp>

namespace parley::testing {

class FakePluginContext final : public PluginContext {
 public:
  void log(LogLevel level, std::string_view message) override {
    logged.push_back({level, std::string(message)});
  }
  const std::string& pipeline() const override { return pipeline_; }
  const std::string& instance_id() const override { return instance_id_; }
  std::string resolve_path(std::string_view path) const override {
    return (std::filesystem::path("/pipelines") / path).lexically_normal().string();
  }
  std::int64_t now_ms() const override { return now; }
  bool dry_run() const override { return dry; }

  struct LogLine {
    LogLevel level;
    std::string message;
  };
  std::vector<LogLine> logged;
  std::int64_t now = 1793610900000;  // 2026-11-02T09:15:00Z
  bool dry = false;

 private:
  std::string pipeline_ = "test-client";
  std::string instance_id_ = "rules";
};

}  // namespace parley::testing
