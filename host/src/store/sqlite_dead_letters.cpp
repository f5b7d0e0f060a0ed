// SqliteStore: dead letters, and what people decide about them
// (parley dead-letters: retry, requeue, discard).
#include <array>
#include <utility>

#include "store/sqlite_statement.hpp"
#include "store/sqlite_store.hpp"

namespace parley::host {

using namespace sqlite;

namespace {

constexpr std::array<std::pair<DeadLetterStatus, std::string_view>, 4> kStatusNames{{
    {DeadLetterStatus::open, "open"},
    {DeadLetterStatus::retried, "retried"},
    {DeadLetterStatus::requeued, "requeued"},
    {DeadLetterStatus::discarded, "discarded"},
}};

constexpr const char* kSelectDeadLetters =
    "SELECT stage, plugin, event_id, location, error, raw, created_at, id, connector, event, status, resolved_by, "
    "resolution_note, resolved_at FROM dead_letters ";

DeadLetter read_dead_letter_row(sqlite3_stmt* select) {
  DeadLetter letter{column_text(select, 0),         column_text(select, 1), column_text(select, 2),
                    column_text(select, 3),         column_text(select, 4), column_text(select, 5),
                    sqlite3_column_int64(select, 6)};
  letter.id = sqlite3_column_int64(select, 7);
  letter.connector_id = column_text(select, 8);
  letter.event_json = column_text(select, 9);
  letter.status = dead_letter_status_from_string(column_text(select, 10)).value_or(DeadLetterStatus::open);
  letter.resolved_by = column_text(select, 11);
  letter.resolution_note = column_text(select, 12);
  letter.resolved_at = sqlite3_column_int64(select, 13);
  return letter;
}

}  // namespace

std::string_view to_string(DeadLetterStatus status) {
  for (const auto& [value, name] : kStatusNames) {
    if (value == status) return name;
  }
  return "open";
}

std::optional<DeadLetterStatus> dead_letter_status_from_string(std::string_view text) {
  for (const auto& [value, name] : kStatusNames) {
    if (name == text) return value;
  }
  return std::nullopt;
}

void SqliteStore::insert_dead_letter(const DeadLetter& letter) {
  Step step(
      statement("INSERT INTO dead_letters(stage, plugin, event_id, location, error, raw, created_at, connector, event) "
                "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)"));
  step.bind(1, letter.stage)
      .bind(2, letter.plugin)
      .bind(3, letter.event_id)
      .bind(4, letter.location)
      .bind(5, letter.error)
      .bind(6, letter.raw)
      .bind(7, letter.created_at ? letter.created_at : now_ms())
      .bind(8, letter.connector_id)
      .bind(9, letter.event_json);
  if (step.next() != SQLITE_DONE) fail("writing a dead letter");
}

void SqliteStore::add_dead_letter(const DeadLetter& letter) {
  std::lock_guard lock(mutex_);
  insert_dead_letter(letter);
}

std::vector<DeadLetter> SqliteStore::dead_letters() {
  std::lock_guard lock(mutex_);
  static const std::string sql = std::string(kSelectDeadLetters) + "ORDER BY id";
  auto* select = statement(sql.c_str());
  Step step(select);
  std::vector<DeadLetter> letters;
  while (step.next() == SQLITE_ROW) letters.push_back(read_dead_letter_row(select));
  return letters;
}

std::optional<DeadLetter> SqliteStore::dead_letter(std::int64_t id) {
  std::lock_guard lock(mutex_);
  static const std::string sql = std::string(kSelectDeadLetters) + "WHERE id = ?";
  auto* select = statement(sql.c_str());
  Step step(select);
  if (step.bind(1, id).next() != SQLITE_ROW) return std::nullopt;
  return read_dead_letter_row(select);
}

bool SqliteStore::resolve_dead_letter(std::int64_t id, const DeadLetterResolution& resolution) {
  std::lock_guard lock(mutex_);
  Step step(
      statement("UPDATE dead_letters SET status = ?, resolved_by = ?, resolution_note = ?, resolved_at = ? "
                "WHERE id = ? AND status = 'open'"));
  step.bind(1, std::string(to_string(resolution.status)))
      .bind(2, resolution.by)
      .bind(3, resolution.note)
      .bind(4, now_ms())
      .bind(5, id);
  if (step.next() != SQLITE_DONE) fail("resolving a dead letter");
  return sqlite3_changes(db_) > 0;
}

bool SqliteStore::requeue_dead_letter(std::int64_t id, const std::string& by, const std::string& note) {
  std::lock_guard lock(mutex_);
  const auto now = now_ms();
  exec("BEGIN IMMEDIATE");
  try {
    auto* select = statement(
        "SELECT event_id, connector, event FROM dead_letters WHERE id = ? AND status = 'open' AND event != '' "
        "AND connector != ''");
    std::string event_id, connector, event;
    {
      Step step(select);
      if (step.bind(1, id).next() != SQLITE_ROW) {
        exec("ROLLBACK");
        return false;
      }
      event_id = column_text(select, 0);
      connector = column_text(select, 1);
      event = column_text(select, 2);
    }
    Step(statement("UPDATE dead_letters SET status = 'requeued', resolved_by = ?, resolution_note = ?, "
                   "resolved_at = ? WHERE id = ?"))
        .bind(1, by)
        .bind(2, note)
        .bind(3, now)
        .bind(4, id)
        .next();
    // Not seen any more, and waiting: the next run takes it from the inbox.
    Step(statement("DELETE FROM handled WHERE event_id = ?")).bind(1, event_id).next();
    Step insert(statement("INSERT OR REPLACE INTO inbox(event_id, connector, event, received_at) VALUES(?, ?, ?, ?)"));
    if (insert.bind(1, event_id).bind(2, connector).bind(3, event).bind(4, now).next() != SQLITE_DONE) {
      fail("requeueing a dead letter's event");
    }
    exec("COMMIT");
  } catch (...) {
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
  return true;
}

}  // namespace parley::host
