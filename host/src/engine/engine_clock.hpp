// EngineClock: the one time line of a pipeline's run. Plugins read it through
// PluginContext::now_ms(); the engine uses it for case times and timers.
//   wall:   the system clock, optionally shifted so the run starts at --now.
//   events: follows the events (the latest created_at handled), never goes
//           back; for replays, backtests and `parley test`.
#pragma once

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace parley::host {

enum class ClockMode { wall, events };

std::string_view to_string(ClockMode mode);
std::optional<ClockMode> clock_mode_from_string(std::string_view name);

/// "2026-12-04T10:00:00Z" (seconds or milliseconds, UTC 'Z' or +00:00) or a
/// number of ms since the epoch. nullopt when it is neither.
std::optional<std::int64_t> parse_clock_time(std::string_view text);
/// ms since the epoch as "2026-12-04T10:00:00Z" (".123" when not whole seconds).
std::string format_clock_time(std::int64_t ms);

class EngineClock {
 public:
  explicit EngineClock(ClockMode mode = ClockMode::wall) : mode_(mode) {}

  /// Sets the mode and start. Wall: starts at `start_ms` when given (then
  /// ticks with the system clock). Events: the max of `start_ms` and
  /// `persisted_ms` (the clock of earlier runs).
  void start(ClockMode mode, std::optional<std::int64_t> start_ms, std::int64_t persisted_ms);

  ClockMode mode() const { return mode_.load(); }

  /// The clock; inside an EventTimeScope on this thread, that event's time.
  std::int64_t now() const;

  /// The time an event is handled at: in events mode the later of the clock
  /// and its created_at (so a responder's SLA sees the event's own time).
  std::int64_t event_now(std::int64_t created_at) const;

  /// Events mode: moves the clock to `created_at` if that is later.
  void observe(std::int64_t created_at);

  /// Moves the clock forward to `ms` (never back), in either mode.
  void advance_to(std::int64_t ms);

  /// The system clock, ms since the epoch: for what is not engine time
  /// (how long an approval has waited, when a person decided).
  static std::int64_t system_ms();

 private:
  std::atomic<ClockMode> mode_;
  std::atomic<std::int64_t> events_ms_{0};  ///< events mode
  std::atomic<std::int64_t> offset_ms_{0};  ///< wall mode: added to the system clock
};

/// While alive, `clock.now()` on this thread answers `at_ms`: the engine
/// opens one around each event, so plugins see that event's time.
class EventTimeScope {
 public:
  EventTimeScope(const EngineClock& clock, std::int64_t at_ms);
  ~EventTimeScope();
  EventTimeScope(const EventTimeScope&) = delete;
  EventTimeScope& operator=(const EventTimeScope&) = delete;

 private:
  const EngineClock* previous_clock_;
  std::int64_t previous_at_;
};

}  // namespace parley::host
