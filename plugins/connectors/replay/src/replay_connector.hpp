// ReplayConnector: events from a JSONL file (or stdin), actions appended to
// a JSONL file. For demos, tests and backtests; see README.md.
#pragma once

#include <chrono>
#include <cstdint>
#include <fstream>
#include <functional>
#include <istream>
#include <memory>
#include <optional>
#include <string>

#include <parley/plugin.hpp>

#include "action_journal.hpp"
#include "event_line.hpp"
#include "replay_config.hpp"

namespace parley::replay {

class ReplayConnector final : public Connector {
 public:
  /// How realtime mode waits; tests pass one that records instead of sleeping.
  using Sleeper = std::function<void(std::chrono::milliseconds)>;

  /// Opens the input (throws std::runtime_error naming the file when it
  /// cannot be opened) and reads the keys already in the output. Unless
  /// context.dry_run(), also creates the output's folders and opens it, so a
  /// bad output path fails here rather than at the first action.
  ReplayConnector(const ConfigValue& config, PluginContext& context);
  ReplayConnector(const ConfigValue& config, PluginContext& context, Sleeper sleep);

  /// Appends up to `max_events` entries (events plus rejected lines) in file
  /// order. Blank lines and lines starting with '#' are skipped. A bad line
  /// goes to batch.rejected with where = "INPUT:LINE" (INPUT as configured,
  /// "stdin" for -). At the end of the input sets batch.exhausted.
  /// Realtime: a batch ends before an event that has to wait, and the wait
  /// happens in the next call; with distinct times, one event per call.
  /// Threading: the host's source thread only (shares no state with execute).
  void poll(PollBatch& batch, std::size_t max_events) override;

  /// Appends the action to the output (or nowhere) and returns done; a key
  /// already written (now or in an earlier run) returns done without
  /// writing. A write failure returns failed_retryable with the reason.
  /// Threading: the host's executor thread only.
  ActionResult execute(const Action& action) override;

  /// Every action kind (the replay "platform" can do anything), or the
  /// config's `supported_actions`.
  std::vector<ActionKind> supported_actions() const override;

 private:
  bool read_line(std::string& line);
  std::string where() const;

  PluginContext& context_;
  ReplayConfig config_;
  EventDefaults defaults_;
  Sleeper sleep_;

  // Source side (poll).
  std::unique_ptr<std::ifstream> file_;
  std::istream* input_ = nullptr;
  std::size_t line_number_ = 0;
  bool input_ended_ = false;
  std::optional<Event> waiting_;             ///< realtime: parsed, to be delivered after its gap
  std::optional<std::int64_t> latest_time_;  ///< realtime: latest created_at delivered so far

  // Executor side (execute).
  ActionJournal journal_;
};

}  // namespace parley::replay
