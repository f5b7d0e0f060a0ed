// A path for a new SQLite file in a per-process temporary folder, with any
// file (and WAL/SHM companion) of an earlier run removed.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <string>

namespace parley::test {

inline std::filesystem::path fresh_database_file(const std::string& folder, const std::string& name) {
  auto dir = std::filesystem::temp_directory_path() / (folder + "-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  auto file = dir / (name + ".db");
  for (const auto* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(file.string() + suffix);
  return file;
}

}  // namespace parley::test
