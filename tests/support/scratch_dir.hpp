// scratch_dir: one temporary folder per test process and purpose, removed
// with everything in it when the process ends. ctest runs every test case
// as its own process, so folders left behind would fill /tmp run after run.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <map>
#include <mutex>
#include <string>
#include <system_error>

namespace parley::test {

namespace detail {

class ScratchFolders {
 public:
  ScratchFolders() = default;
  ScratchFolders(const ScratchFolders&) = delete;
  ScratchFolders& operator=(const ScratchFolders&) = delete;
  ~ScratchFolders() {
    for (const auto& entry : folders_) {
      std::error_code ignored;  // nothing to report to at exit
      std::filesystem::remove_all(entry.second, ignored);
    }
  }

  std::filesystem::path get(const std::string& prefix) {
    const std::lock_guard lock(mutex_);
    auto [entry, created] = folders_.try_emplace(prefix);
    if (created) {
      entry->second = std::filesystem::temp_directory_path() / (prefix + "-" + std::to_string(::getpid()));
      std::filesystem::create_directories(entry->second);
    }
    return entry->second;
  }

 private:
  std::mutex mutex_;
  std::map<std::string, std::filesystem::path> folders_;
};

inline ScratchFolders& scratch_folders() {
  static ScratchFolders folders;
  return folders;
}

}  // namespace detail

/// <tmp>/<prefix>-<pid>: created on first use, removed when the test process exits.
inline std::filesystem::path scratch_dir(const std::string& prefix) { return detail::scratch_folders().get(prefix); }

}  // namespace parley::test
