// Store tests' files: a path for a new SQLite file in a per-process temporary
// folder removed when the process exits (scratch_dir; any file and WAL/SHM
// companion of an earlier test in the process removed), and the schema
// version a file was left at.
#pragma once

#include <sqlite3.h>

#include <filesystem>
#include <string>

#include "scratch_dir.hpp"

namespace parley::test {

inline std::filesystem::path fresh_database_file(const std::string& folder, const std::string& name) {
  auto file = scratch_dir(folder) / (name + ".db");
  for (const auto* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(file.string() + suffix);
  return file;
}

/// meta.schema_version of a state file, as the store left it; "" when none.
inline std::string stored_schema_version(const std::filesystem::path& file) {
  sqlite3* db = nullptr;
  std::string version;
  if (sqlite3_open(file.string().c_str(), &db) == SQLITE_OK) {
    sqlite3_stmt* select = nullptr;
    if (sqlite3_prepare_v2(db, "SELECT value FROM meta WHERE key = 'schema_version'", -1, &select, nullptr) ==
            SQLITE_OK &&
        sqlite3_step(select) == SQLITE_ROW) {
      version = reinterpret_cast<const char*>(sqlite3_column_text(select, 0));
    }
    sqlite3_finalize(select);
  }
  sqlite3_close(db);
  return version;
}

}  // namespace parley::test
