#include "business_calendar.hpp"

#include <map>

#include <unicode/dtptngen.h>
#include <unicode/locid.h>
#include <unicode/smpdtfmt.h>
#include <unicode/timezone.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstdio>
#include <limits>
#include <stdexcept>

namespace parley::playbook {

struct BusinessCalendar::Zone {
  std::unique_ptr<icu::TimeZone> tz;
};

namespace {

constexpr std::int64_t kMinuteMs = 60'000;
constexpr std::int64_t kDayMs = 86'400'000;
constexpr int kDayMinutes = 24 * 60;
// add_open_time gives up (returns "never") after this many days without
// finding enough open time: a calendar closed for ten years will not open.
constexpr std::int64_t kMaxSearchDays = 3700;

std::int64_t floor_div(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

struct CivilDate {
  int year;
  unsigned month;
  unsigned day;
};

// Days since 1970-01-01 <-> proleptic Gregorian date (H. Hinnant's algorithms).
CivilDate civil_from_days(std::int64_t z) {
  z += 719468;
  const std::int64_t era = floor_div(z, 146097);
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {static_cast<int>(yoe + era * 400 + (m <= 2)), m, d};
}

std::string date_key(std::int64_t day) {
  const auto date = civil_from_days(day);
  char text[40];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", date.year, date.month, date.day);
  return text;
}

/// 0 = Monday .. 6 = Sunday (1970-01-01 was a Thursday).
int weekday(std::int64_t day) { return static_cast<int>(day + 3 - floor_div(day + 3, 7) * 7); }

bool valid_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  for (const auto i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (text[i] < '0' || text[i] > '9') return false;
  }
  const int month = (text[5] - '0') * 10 + (text[6] - '0');
  const int day = (text[8] - '0') * 10 + (text[9] - '0');
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

std::string_view trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

/// "09:30" -> 570; -1 when malformed. "24:00" is allowed as an end.
int parse_clock(std::string_view text) {
  text = trim(text);
  if (text.size() != 5 || text[2] != ':') return -1;
  for (const auto i : {0, 1, 3, 4}) {
    if (text[i] < '0' || text[i] > '9') return -1;
  }
  const int hours = (text[0] - '0') * 10 + (text[1] - '0');
  const int minutes = (text[3] - '0') * 10 + (text[4] - '0');
  if (minutes > 59 || hours > 24 || (hours == 24 && minutes != 0)) return -1;
  return hours * 60 + minutes;
}

void check_day(std::vector<std::pair<int, int>>& intervals, std::string_view context) {
  std::sort(intervals.begin(), intervals.end());
  for (std::size_t i = 0; i < intervals.size(); ++i) {
    const auto [from, to] = intervals[i];
    if (from < 0 || to > kDayMinutes || from >= to || (i > 0 && from < intervals[i - 1].second)) {
      throw std::invalid_argument("opening hours: bad or overlapping interval in '" + std::string(context) + "'");
    }
  }
}

std::int64_t offset_at_utc(const icu::TimeZone& tz, std::int64_t utc_ms) {
  int32_t raw = 0, dst = 0;
  UErrorCode status = U_ZERO_ERROR;
  tz.getOffset(static_cast<UDate>(utc_ms), false, raw, dst, status);
  return U_SUCCESS(status) ? std::int64_t{raw} + dst : 0;
}

/// Local wall time -> instant. In a DST gap the time is read with the
/// offset before the change (02:30 on a spring-forward night is 03:30 new
/// time); in a repeated hour, with the later offset (ICU's defaults).
std::int64_t local_to_utc(const icu::TimeZone& tz, std::int64_t local_ms) {
  int32_t raw = 0, dst = 0;
  UErrorCode status = U_ZERO_ERROR;
  tz.getOffset(static_cast<UDate>(local_ms), true, raw, dst, status);
  return U_SUCCESS(status) ? local_ms - raw - dst : local_ms;
}

std::string to_utf8(const icu::UnicodeString& text) {
  std::string out;
  text.toUTF8String(out);
  return out;
}

/// Formats local day `day` with an ICU pattern in `locale` (day names,
/// month names); the day is formatted at noon in GMT so no zone shifts it.
std::string format_day(std::int64_t day, const icu::Locale& locale, const icu::UnicodeString& pattern) {
  // A formatter loads locale data when built, and ICU formatters are not
  // shared between threads: one per thread, locale and pattern.
  thread_local std::map<std::string, std::unique_ptr<icu::SimpleDateFormat>> formats;
  auto& format = formats[std::string(locale.getName()) + "|" + to_utf8(pattern)];
  if (!format) {
    UErrorCode status = U_ZERO_ERROR;
    auto made = std::make_unique<icu::SimpleDateFormat>(pattern, locale, status);
    if (U_FAILURE(status)) return {};
    made->adoptTimeZone(icu::TimeZone::createTimeZone("GMT"));
    format = std::move(made);
  }
  icu::UnicodeString out;
  format->format(static_cast<UDate>(day * kDayMs + kDayMs / 2), out);
  return to_utf8(out);
}

std::string day_and_month(std::int64_t day, const icu::Locale& locale) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::DateTimePatternGenerator> generator(
      icu::DateTimePatternGenerator::createInstance(locale, status));
  if (U_FAILURE(status)) return date_key(day);
  const auto pattern = generator->getBestPattern(icu::UnicodeString("MMMMd"), status);
  if (U_FAILURE(status)) return date_key(day);
  return format_day(day, locale, pattern);
}

/// Replaces the last letter `from` (UTF-8) by `to`: the accusative of the
/// feminine day names in Russian ("среда" -> "среду") and Polish
/// ("środa" -> "środę").
std::string accusative(std::string name, std::string_view from, std::string_view to) {
  if (name.ends_with(from)) name.replace(name.size() - from.size(), from.size(), to);
  return name;
}

}  // namespace

std::vector<std::pair<int, int>> OpeningHours::parse_day(std::string_view text) {
  const auto whole = trim(text);
  if (whole == "closed") return {};
  if (whole == "24h") return {{0, kDayMinutes}};
  std::vector<std::pair<int, int>> intervals;
  std::size_t start = 0;
  while (start <= whole.size()) {
    auto end = whole.find(',', start);
    if (end == std::string_view::npos) end = whole.size();
    const auto part = whole.substr(start, end - start);
    start = end + 1;
    const auto dash = part.find('-');
    const int from = dash == std::string_view::npos ? -1 : parse_clock(part.substr(0, dash));
    const int to = dash == std::string_view::npos ? -1 : parse_clock(part.substr(dash + 1));
    if (from < 0 || to < 0 || from >= to || from == kDayMinutes) {
      throw std::invalid_argument("opening hours: expected \"HH:MM-HH:MM\", \"closed\" or \"24h\", got '" +
                                  std::string(text) + "'");
    }
    intervals.emplace_back(from, to);
  }
  check_day(intervals, text);
  return intervals;
}

BusinessCalendar::BusinessCalendar() : zone_(std::make_unique<Zone>()) {
  zone_->tz.reset(icu::TimeZone::createTimeZone("Etc/UTC"));
  for (auto& day : hours_.days) day = {{0, kDayMinutes}};
}

BusinessCalendar::BusinessCalendar(std::string time_zone, OpeningHours hours, std::set<std::string> holidays)
    : zone_(std::make_unique<Zone>()), hours_(std::move(hours)), holidays_(std::move(holidays)) {
  zone_->tz.reset(icu::TimeZone::createTimeZone(icu::UnicodeString::fromUTF8(time_zone)));
  if (!zone_->tz || *zone_->tz == icu::TimeZone::getUnknown()) {
    throw std::invalid_argument("unknown time zone '" + time_zone + "'");
  }
  for (auto& day : hours_.days) check_day(day, time_zone);
  for (const auto& date : holidays_) {
    if (!valid_date(date)) throw std::invalid_argument("holiday '" + date + "' is not a date YYYY-MM-DD");
  }
}

BusinessCalendar::~BusinessCalendar() = default;
BusinessCalendar::BusinessCalendar(BusinessCalendar&&) noexcept = default;
BusinessCalendar& BusinessCalendar::operator=(BusinessCalendar&&) noexcept = default;

namespace {

/// The open intervals of local day `day` as instants [from, to).
std::vector<std::pair<std::int64_t, std::int64_t>> open_intervals(const icu::TimeZone& tz, const OpeningHours& hours,
                                                                  const std::set<std::string>& holidays,
                                                                  std::int64_t day) {
  std::vector<std::pair<std::int64_t, std::int64_t>> out;
  const auto& intervals = hours.days[weekday(day)];
  if (intervals.empty() || (!holidays.empty() && holidays.contains(date_key(day)))) return out;
  for (const auto& [from, to] : intervals) {
    const auto begin = local_to_utc(tz, day * kDayMs + from * kMinuteMs);
    const auto end = local_to_utc(tz, day * kDayMs + to * kMinuteMs);
    if (end > begin) out.emplace_back(begin, end);
  }
  return out;
}

std::int64_t local_day(const icu::TimeZone& tz, std::int64_t utc_ms) {
  return floor_div(utc_ms + offset_at_utc(tz, utc_ms), kDayMs);
}

}  // namespace

bool BusinessCalendar::open_at(std::int64_t at_ms) const {
  const auto day = local_day(*zone_->tz, at_ms);
  for (auto d = day - 1; d <= day + 1; ++d) {
    for (const auto& [from, to] : open_intervals(*zone_->tz, hours_, holidays_, d)) {
      if (from <= at_ms && at_ms < to) return true;
    }
  }
  return false;
}

std::int64_t BusinessCalendar::add_open_time(std::int64_t start_ms, std::int64_t duration_ms) const {
  if (duration_ms <= 0) return start_ms;
  const bool ever_open = std::any_of(hours_.days.begin(), hours_.days.end(), [](const auto& d) { return !d.empty(); });
  if (!ever_open) return std::numeric_limits<std::int64_t>::max();
  auto remaining = duration_ms;
  auto cursor = start_ms;
  const auto first = local_day(*zone_->tz, start_ms) - 1;
  for (auto day = first; day < first + kMaxSearchDays; ++day) {
    for (auto [from, to] : open_intervals(*zone_->tz, hours_, holidays_, day)) {
      from = std::max(from, cursor);
      if (to <= from) continue;
      if (to - from >= remaining) return from + remaining;
      remaining -= to - from;
      cursor = to;
    }
  }
  return std::numeric_limits<std::int64_t>::max();
}

std::int64_t BusinessCalendar::open_time_between(std::int64_t from_ms, std::int64_t to_ms) const {
  if (to_ms <= from_ms) return 0;
  std::int64_t total = 0;
  const auto last = local_day(*zone_->tz, to_ms) + 1;
  for (auto day = local_day(*zone_->tz, from_ms) - 1; day <= last; ++day) {
    for (const auto& [open, close] : open_intervals(*zone_->tz, hours_, holidays_, day)) {
      const auto begin = std::max(open, from_ms);
      const auto end = std::min(close, to_ms);
      if (end > begin) total += end - begin;
    }
  }
  return total;
}

std::string BusinessCalendar::promise_text(std::int64_t now_ms, std::int64_t due_ms, std::string_view lang) const {
  const auto& tz = *zone_->tz;
  // Rounded up to a quarter hour: "by 13:45", not "by 13:37"; never earlier
  // than the time we can keep.
  constexpr std::int64_t kQuarterMs = 15 * kMinuteMs;
  const auto due_local = floor_div(due_ms + offset_at_utc(tz, due_ms) + kQuarterMs - 1, kQuarterMs) * kQuarterMs;
  const auto due_day = floor_div(due_local, kDayMs);
  const auto minutes = static_cast<int>((due_local - due_day * kDayMs) / kMinuteMs);
  const auto days_ahead = due_day - local_day(tz, now_ms);

  const bool finnish = lang == "fi";
  char clock[32];
  std::snprintf(clock, sizeof clock, finnish ? "%d.%02d" : "%02d:%02d", minutes / 60, minutes % 60);
  const std::string time(clock);

  const std::string locale_name = lang == "ar" ? "ar@numbers=latn" : std::string(lang);
  const icu::Locale locale(locale_name.c_str());
  const auto day_name = [&] { return format_day(due_day, locale, icu::UnicodeString("EEEE")); };
  const bool this_week = days_ahead >= 2 && days_ahead <= 6;
  const auto date = [&] { return day_and_month(due_day, locale); };

  if (lang == "el") {
    // Accusative article of each day: τη Δευτέρα, την Τρίτη, το Σάββατο.
    static constexpr const char* kArticle[] = {"τη", "την", "την", "την", "την", "το", "την"};
    const auto by = " έως τις " + time;
    if (days_ahead <= 0) return "σήμερα" + by;
    if (days_ahead == 1) return "αύριο" + by;
    if (this_week) return std::string(kArticle[weekday(due_day)]) + " " + day_name() + by;
    return "στις " + date() + by;
  }
  if (lang == "ru") {
    const auto by = " до " + time;
    if (days_ahead <= 0) return "сегодня" + by;
    if (days_ahead == 1) return "завтра" + by;
    if (this_week) return std::string(weekday(due_day) == 1 ? "во " : "в ") + accusative(day_name(), "а", "у") + by;
    return date() + by;
  }
  if (lang == "pl") {
    const auto by = " do " + time;
    if (days_ahead <= 0) return "dziś" + by;
    if (days_ahead == 1) return "jutro" + by;
    if (this_week) return std::string(weekday(due_day) == 1 ? "we " : "w ") + accusative(day_name(), "a", "ę") + by;
    return date() + by;
  }
  if (finnish) {
    // ICU's Finnish format day names are already essive: "maanantaina".
    const auto by = " klo " + time + " mennessä";
    if (days_ahead <= 0) return "tänään" + by;
    if (days_ahead == 1) return "huomenna" + by;
    if (this_week) return day_name() + by;
    return date() + by;
  }
  if (lang == "ar") {
    const auto by = " بحلول الساعة " + time;
    if (days_ahead <= 0) return "اليوم" + by;
    if (days_ahead == 1) return "غدًا" + by;
    if (this_week) return "يوم " + day_name() + by;
    return "يوم " + date() + by;
  }
  const icu::Locale english("en");
  const auto by = " by " + time;
  if (days_ahead <= 0) return "today" + by;
  if (days_ahead == 1) return "tomorrow" + by;
  if (this_week) return "on " + format_day(due_day, english, icu::UnicodeString("EEEE")) + by;
  return "on " + day_and_month(due_day, english) + by;
}

}  // namespace parley::playbook
