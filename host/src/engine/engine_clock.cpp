#include "engine/engine_clock.hpp"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdio>

namespace parley::host {

namespace {
thread_local const EngineClock* scoped_clock = nullptr;
thread_local std::int64_t scoped_at = 0;

bool read_number(std::string_view text, std::size_t at, std::size_t digits, int& value) {
  if (at + digits > text.size()) return false;
  const auto* first = text.data() + at;
  const auto [end, error] = std::from_chars(first, first + digits, value);
  return error == std::errc() && end == first + digits;
}
}  // namespace

std::string_view to_string(ClockMode mode) { return mode == ClockMode::events ? "events" : "wall"; }

std::optional<ClockMode> clock_mode_from_string(std::string_view name) {
  if (name == "wall") return ClockMode::wall;
  if (name == "events") return ClockMode::events;
  return std::nullopt;
}

std::optional<std::int64_t> parse_clock_time(std::string_view text) {
  if (!text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    std::int64_t ms = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), ms);
    if (error == std::errc() && end == text.data() + text.size()) return ms;
    return std::nullopt;
  }
  // YYYY-MM-DDTHH:MM:SS[.mmm](Z|+00:00): UTC only, so no zone database is needed.
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, millis = 0;
  if (text.size() < 20 || text[4] != '-' || text[7] != '-' || (text[10] != 'T' && text[10] != ' ') || text[13] != ':' ||
      text[16] != ':' || !read_number(text, 0, 4, year) || !read_number(text, 5, 2, month) ||
      !read_number(text, 8, 2, day) || !read_number(text, 11, 2, hour) || !read_number(text, 14, 2, minute) ||
      !read_number(text, 17, 2, second)) {
    return std::nullopt;
  }
  std::string_view rest = text.substr(19);
  if (!rest.empty() && rest[0] == '.') {
    if (!read_number(rest, 1, 3, millis)) return std::nullopt;
    rest.remove_prefix(4);
  }
  if (rest != "Z" && rest != "+00:00") return std::nullopt;
  using namespace std::chrono;
  const year_month_day date{std::chrono::year(year), std::chrono::month(static_cast<unsigned>(month)),
                            std::chrono::day(static_cast<unsigned>(day))};
  if (!date.ok() || hour > 23 || minute > 59 || second > 59) return std::nullopt;
  const auto since_epoch = sys_days(date).time_since_epoch() + hours(hour) + minutes(minute) + seconds(second);
  return duration_cast<milliseconds>(since_epoch).count() + millis;
}

std::string format_clock_time(std::int64_t ms) {
  using namespace std::chrono;
  const auto time = sys_time<milliseconds>(milliseconds(ms));
  const auto day = floor<days>(time);
  const year_month_day date(day);
  const hh_mm_ss clock(time - day);
  char text[40];
  std::snprintf(text, sizeof text, "%04d-%02u-%02uT%02ld:%02ld:%02ld", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                static_cast<long>(clock.hours().count()), static_cast<long>(clock.minutes().count()),
                static_cast<long>(clock.seconds().count()));
  std::string result = text;
  if (const auto rest = clock.subseconds().count(); rest != 0) {
    std::snprintf(text, sizeof text, ".%03ld", static_cast<long>(rest));
    result += text;
  }
  return result + "Z";
}

std::int64_t EngineClock::system_ms() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

void EngineClock::start(ClockMode mode, std::optional<std::int64_t> start_ms, std::int64_t persisted_ms) {
  mode_ = mode;
  offset_ms_ = start_ms ? *start_ms - system_ms() : 0;
  events_ms_ = std::max(start_ms.value_or(0), persisted_ms);
}

std::int64_t EngineClock::now() const {
  if (scoped_clock == this) return scoped_at;
  return mode_.load() == ClockMode::events ? events_ms_.load() : system_ms() + offset_ms_.load();
}

std::int64_t EngineClock::event_now(std::int64_t created_at) const {
  const auto clock = now();
  return mode_.load() == ClockMode::events ? std::max(clock, created_at) : clock;
}

void EngineClock::observe(std::int64_t created_at) {
  if (mode_.load() != ClockMode::events) return;
  auto current = events_ms_.load();
  while (created_at > current && !events_ms_.compare_exchange_weak(current, created_at)) {
  }
}

void EngineClock::advance_to(std::int64_t ms) {
  if (mode_.load() == ClockMode::events) {
    observe(ms);
    return;
  }
  const auto behind = ms - (system_ms() + offset_ms_.load());
  if (behind > 0) offset_ms_ += behind;
}

EventTimeScope::EventTimeScope(const EngineClock& clock, std::int64_t at_ms)
    : previous_clock_(scoped_clock), previous_at_(scoped_at) {
  scoped_clock = &clock;
  scoped_at = at_ms;
}

EventTimeScope::~EventTimeScope() {
  scoped_clock = previous_clock_;
  scoped_at = previous_at_;
}

}  // namespace parley::host
