// A history file in the replay format (JSONL, plugins/connectors/replay) read
// for a backtest: the usable events in created_at order, every other line
// with its reason.
#pragma once

#include <string>
#include <vector>

#include <parley/event.hpp>

#include "backtest/backtest_record.hpp"

namespace parley::host {

struct History {
  std::string file;
  std::vector<Event> events;  ///< sorted by created_at, ties in file order
  std::vector<InputProblem> bad_lines;
  std::string read_error;  ///< the file could not be opened; empty otherwise
};

/// Reads `file` ("-" for stdin). Lines without an account get `account`.
/// Blank and '#' lines are skipped as the replay connector does; a line
/// without created_at is bad (a backtest runs on the events' own time).
History read_history(const std::string& file, const std::string& account);

}  // namespace parley::host
