// ActionJournal: the replay connector's "platform". Each executed action is
// appended to a JSONL file, one line per action, flushed at once; the keys
// already in the file are remembered so that an action is written at most
// once, also across restarts (exactly-once together with the host's outbox).
#pragma once

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <unordered_set>

#include <parley/action.hpp>

namespace parley::replay {

class ActionJournal {
 public:
  /// `path` empty: actions are written nowhere (keys are still remembered
  /// for this process). Otherwise the existing file, if any, is read for
  /// its keys; the file itself is opened on the first record() or open().
  /// Lines that are not JSON objects with a string "key" are skipped and
  /// counted in unreadable_lines(). Throws std::runtime_error when the file
  /// exists but cannot be read.
  explicit ActionJournal(std::string path);
  ~ActionJournal();
  ActionJournal(const ActionJournal&) = delete;
  ActionJournal& operator=(const ActionJournal&) = delete;

  /// Creates the parent folders and opens the file for appending (a no-op
  /// when already open or when there is no path). Throws std::runtime_error
  /// naming the path and the system's reason when that fails.
  void open();

  /// True when `key` was recorded before (in this process or in the file).
  bool contains(const std::string& key) const { return keys_.count(key) != 0; }

  /// Appends one line for `action` executed at `at_ms`, flushes it, then
  /// remembers its key (an empty key is written but not remembered).
  /// Throws std::runtime_error when writing fails; the key is then not
  /// remembered, so a retry writes it again.
  void record(const Action& action, std::int64_t at_ms);

  const std::string& path() const { return path_; }
  std::size_t known_keys() const { return keys_.size(); }
  std::size_t unreadable_lines() const { return unreadable_lines_; }

 private:
  void load_existing_keys();

  struct FileCloser {
    void operator()(std::FILE* file) const { std::fclose(file); }
  };

  std::string path_;
  std::unique_ptr<std::FILE, FileCloser> file_;
  std::unordered_set<std::string> keys_;
  std::size_t unreadable_lines_ = 0;
  bool needs_newline_ = false;  ///< the file ends in a partial line (a crash mid-write)
};

/// The JSON line written for `action` (without the newline), fields in this
/// order: key, action, target_event_id, target_author_id, text, params,
/// reason, rule, at. Invalid UTF-8 in texts is replaced by U+FFFD.
std::string action_to_json_line(const Action& action, std::int64_t at_ms);

}  // namespace parley::replay
