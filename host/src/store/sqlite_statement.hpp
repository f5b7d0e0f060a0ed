// Small helpers over SQLite's C API shared by the SqliteStore's files.
#pragma once

#include <sqlite3.h>

#include <chrono>
#include <cstdint>
#include <string>

namespace parley::host::sqlite {

inline std::int64_t now_ms() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

inline std::string column_text(sqlite3_stmt* statement, int column) {
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement, column));
  return text ? std::string(text, static_cast<std::size_t>(sqlite3_column_bytes(statement, column))) : std::string();
}

/// Binds and steps one statement, and resets it whatever happens.
class Step {
 public:
  explicit Step(sqlite3_stmt* statement) : statement_(statement) {}
  ~Step() {
    sqlite3_reset(statement_);
    sqlite3_clear_bindings(statement_);
  }
  /// A named string must outlive the step (it does: callers bind fields of
  /// what they store and step at once). SQLite then reads it in place
  /// instead of copying it, which was a tenth of a batch commit.
  Step& bind(int index, const std::string& text) {
    sqlite3_bind_text(statement_, index, text.data(), static_cast<int>(text.size()), SQLITE_STATIC);
    return *this;
  }
  /// A temporary may be gone before the step: SQLite keeps a copy.
  Step& bind(int index, std::string&& text) {
    sqlite3_bind_text(statement_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Step& bind(int index, std::int64_t number) {
    sqlite3_bind_int64(statement_, index, number);
    return *this;
  }
  /// SQLITE_ROW or SQLITE_DONE; anything else is returned for the caller to report.
  int next() { return sqlite3_step(statement_); }

 private:
  sqlite3_stmt* statement_;
};

}  // namespace parley::host::sqlite
