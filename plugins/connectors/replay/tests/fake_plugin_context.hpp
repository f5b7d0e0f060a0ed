// A PluginContext for in-process tests: paths resolve against a folder the
// test chooses, the clock is set by hand, log lines are kept for asserts.
#pragma once

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <parley/plugin.hpp>

namespace parley::testing {

class FakePluginContext final : public PluginContext {
 public:
  explicit FakePluginContext(std::filesystem::path base_dir = std::filesystem::current_path())
      : base_dir_(std::move(base_dir)) {}

  void log(LogLevel level, std::string_view message) override {
    logged.push_back({level, std::string(message)});
  }
  const std::string& pipeline() const override { return pipeline_; }
  const std::string& instance_id() const override { return instance_id_; }
  std::string resolve_path(std::string_view path) const override {
    const std::filesystem::path given(path);
    return (given.is_absolute() ? given : base_dir_ / given).lexically_normal().string();
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
  std::filesystem::path base_dir_;
  std::string pipeline_ = "test-client";
  std::string instance_id_ = "under-test";
};

/// A fresh folder under the system temp folder, removed with everything in it.
class TemporaryFolder {
 public:
  TemporaryFolder() {
    std::string pattern = (std::filesystem::temp_directory_path() / "parley-test-XXXXXX").string();
    if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
  }
  ~TemporaryFolder() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TemporaryFolder(const TemporaryFolder&) = delete;
  TemporaryFolder& operator=(const TemporaryFolder&) = delete;

  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace parley::testing
