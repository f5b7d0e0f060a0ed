// BusinessCalendar: a brand's opening hours in its time zone (PLAYBOOK P2):
// when the first-response SLA runs, and the time a full answer can be
// promised ("by Monday 10:00"). Time zones and localised day names via ICU.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace parley::playbook {

struct OpeningHours {
  /// Per weekday (0 = Monday .. 6 = Sunday), open intervals in minutes since
  /// local midnight, [from, to). An empty day is closed.
  std::array<std::vector<std::pair<int, int>>, 7> days;
  /// Parses the YAML form's strings: "09:00-18:00", "09:00-12:00, 13:00-17:00",
  /// "closed", "24h". Throws std::invalid_argument with the offending text.
  static std::vector<std::pair<int, int>> parse_day(std::string_view text);
};

class BusinessCalendar {
 public:
  /// `time_zone` is an IANA name ("Europe/Athens"); holidays are local dates
  /// "YYYY-MM-DD". Throws std::invalid_argument for an unknown zone or a
  /// malformed date. Default-constructed: always open, UTC.
  BusinessCalendar();
  BusinessCalendar(std::string time_zone, OpeningHours hours, std::set<std::string> holidays);
  ~BusinessCalendar();
  BusinessCalendar(BusinessCalendar&&) noexcept;
  BusinessCalendar& operator=(BusinessCalendar&&) noexcept;

  bool open_at(std::int64_t at_ms) const;
  /// `start_ms` plus `duration_ms` of open time (the clock stops while closed).
  std::int64_t add_open_time(std::int64_t start_ms, std::int64_t duration_ms) const;
  /// Open time between two instants (0 when `to_ms` <= `from_ms`).
  std::int64_t open_time_between(std::int64_t from_ms, std::int64_t to_ms) const;
  /// A localised promise of a time for `lang`, relative to `now_ms`:
  /// e.g. en "today by 14:00", "tomorrow by 10:00", "on Monday by 10:00";
  /// same idea in el, ru, pl, fi, ar (falls back to en for other languages).
  std::string promise_text(std::int64_t now_ms, std::int64_t due_ms, std::string_view lang) const;

 private:
  struct Zone;
  std::unique_ptr<Zone> zone_;  // ICU time zone (pimpl: keeps ICU out of this header)
  OpeningHours hours_;
  std::set<std::string> holidays_;
};

}  // namespace parley::playbook
