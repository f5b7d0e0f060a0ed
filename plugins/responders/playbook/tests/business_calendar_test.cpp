#include <catch2/catch.hpp>

#include <limits>
#include <stdexcept>

#include "business_calendar.hpp"

using namespace parley::playbook;

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace business_calendar_test {

constexpr std::int64_t kMinute = 60'000;
constexpr std::int64_t kHour = 60 * kMinute;

// Milliseconds since the epoch of a UTC date and time (H. Hinnant's days_from_civil).
std::int64_t utc(int y, unsigned m, unsigned d, int hour = 0, int minute = 0) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  const std::int64_t days = era * 146097 + static_cast<std::int64_t>(doe) - 719468;
  return days * 24 * kHour + hour * kHour + minute * kMinute;
}

/// Monday..Friday `weekdays`, the weekend closed.
OpeningHours office(std::string_view weekdays) {
  OpeningHours hours;
  for (int day = 0; day < 5; ++day) hours.days[day] = OpeningHours::parse_day(weekdays);
  return hours;
}

OpeningHours always_open() {
  OpeningHours hours;
  for (auto& day : hours.days) day = OpeningHours::parse_day("24h");
  return hours;
}

TEST_CASE("opening hours parse the YAML forms", "[calendar]") {
  using P = std::vector<std::pair<int, int>>;
  CHECK(OpeningHours::parse_day("09:00-18:00") == P{{540, 1080}});
  CHECK(OpeningHours::parse_day("13:00-17:00, 09:00-12:00") == P{{540, 720}, {780, 1020}});
  CHECK(OpeningHours::parse_day("closed").empty());
  CHECK(OpeningHours::parse_day(" 24h ") == P{{0, 1440}});
  CHECK(OpeningHours::parse_day("18:00-24:00") == P{{1080, 1440}});
  for (const auto* bad :
       {"", "9-18", "18:00-09:00", "09:00-25:00", "09:00-12:00, 11:00-13:00", "09:00-12:00,", "09:60-10:00", "open"}) {
    INFO(bad);
    CHECK_THROWS_AS(OpeningHours::parse_day(bad), std::invalid_argument);
  }
  CHECK_THROWS_WITH(OpeningHours::parse_day("9 to 5"), Catch::Contains("9 to 5"));
}

TEST_CASE("calendar refuses unknown zones and malformed holidays", "[calendar]") {
  CHECK_THROWS_WITH(BusinessCalendar("Mars/Olympus", office("09:00-17:00"), {}), Catch::Contains("Mars/Olympus"));
  CHECK_THROWS_WITH(BusinessCalendar("Europe/Athens", office("09:00-17:00"), {"2024-13-01"}),
                    Catch::Contains("2024-13-01"));
  CHECK_THROWS_AS(BusinessCalendar("Europe/Athens", office("09:00-17:00"), {"25.12.2024"}), std::invalid_argument);
  OpeningHours reversed;
  reversed.days[0] = {{600, 540}};
  CHECK_THROWS_AS(BusinessCalendar("Europe/Athens", reversed, {}), std::invalid_argument);
}

TEST_CASE("default calendar is always open in UTC", "[calendar]") {
  const BusinessCalendar calendar;
  const auto now = utc(2024, 3, 2, 23, 30);  // a Saturday night
  CHECK(calendar.open_at(now));
  CHECK(calendar.add_open_time(now, 2 * kHour) == now + 2 * kHour);
  CHECK(calendar.open_time_between(now, now + 5 * kHour) == 5 * kHour);
  CHECK(calendar.promise_text(now, now + 2 * kHour, "en") == "tomorrow by 01:30");
  BusinessCalendar moved;
  moved = BusinessCalendar("Europe/Athens", office("09:00-17:00"), {});
  CHECK_FALSE(moved.open_at(now));
}

TEST_CASE("Athens office hours across a weekend", "[calendar]") {
  const BusinessCalendar athens("Europe/Athens", office("09:00-17:00"), {});
  const auto friday_1600 = utc(2024, 3, 1, 14);  // EET = UTC+2
  CHECK(athens.open_at(friday_1600));
  CHECK_FALSE(athens.open_at(utc(2024, 3, 1, 15)));     // Friday 17:00 local: closed
  CHECK_FALSE(athens.open_at(utc(2024, 3, 2, 10)));     // Saturday
  CHECK_FALSE(athens.open_at(utc(2024, 3, 4, 6, 59)));  // Monday 08:59
  CHECK(athens.open_at(utc(2024, 3, 4, 7)));            // Monday 09:00
  const auto due = athens.add_open_time(friday_1600, 2 * kHour);
  CHECK(due == utc(2024, 3, 4, 8));  // Monday 10:00 local
  CHECK(athens.open_time_between(friday_1600, due) == 2 * kHour);
  CHECK(athens.open_time_between(due, friday_1600) == 0);
  CHECK(athens.open_time_between(utc(2024, 3, 2), utc(2024, 3, 4)) == 0);  // the weekend

  CHECK(athens.promise_text(friday_1600, due, "en") == "on Monday by 10:00");
  CHECK(athens.promise_text(friday_1600, due, "el") == "τη Δευτέρα έως τις 10:00");
  CHECK(athens.promise_text(friday_1600, due, "ru") == "в понедельник до 10:00");
  CHECK(athens.promise_text(friday_1600, due, "pl") == "w poniedziałek do 10:00");
  CHECK(athens.promise_text(friday_1600, due, "fi") == "maanantaina klo 10.00 mennessä");
  CHECK(athens.promise_text(friday_1600, due, "ar") == "يوم الاثنين بحلول الساعة 10:00");
  CHECK(athens.promise_text(friday_1600, due, "de") == "on Monday by 10:00");  // fallback
}

TEST_CASE("clock changes: the open time follows local time (DST)", "[calendar][dst]") {
  const BusinessCalendar athens("Europe/Athens", office("09:00-17:00"), {});
  // Summer time starts Sunday 2024-03-31 (03:00 -> 04:00 local).
  const auto friday_1600 = utc(2024, 3, 29, 14);  // EET, UTC+2
  const auto due = athens.add_open_time(friday_1600, 2 * kHour);
  CHECK(due == utc(2024, 4, 1, 7));  // Monday 10:00 EEST = UTC+3
  CHECK(athens.promise_text(friday_1600, due, "en") == "on Monday by 10:00");
  CHECK(athens.open_at(utc(2024, 4, 1, 6)));          // Monday 09:00 EEST
  CHECK_FALSE(athens.open_at(utc(2024, 3, 29, 15)));  // Friday 17:00 EET

  // A 24h calendar counts the real length of the days: 23 h and 25 h.
  const BusinessCalendar helsinki("Europe/Helsinki", always_open(), {});
  CHECK(helsinki.open_time_between(utc(2024, 3, 30, 22), utc(2024, 3, 31, 21)) == 23 * kHour);
  CHECK(helsinki.open_time_between(utc(2024, 10, 26, 21), utc(2024, 10, 27, 22)) == 25 * kHour);
  CHECK(helsinki.add_open_time(utc(2024, 3, 30, 22), 24 * kHour) == utc(2024, 3, 31, 22));
  // Autumn: Friday 16:00 EEST + 2 h of office time = Monday 10:00 EET.
  const BusinessCalendar helsinki_office("Europe/Helsinki", office("08:00-16:30"), {});
  const auto autumn_friday = utc(2024, 10, 25, 13);                                            // 16:00 EEST
  CHECK(helsinki_office.add_open_time(autumn_friday, 2 * kHour) == utc(2024, 10, 28, 7, 30));  // Mon 09:30 EET
}

TEST_CASE("holidays are closed", "[calendar][holidays]") {
  const BusinessCalendar helsinki("Europe/Helsinki", office("08:00-16:30"), {"2024-12-24", "2024-12-25", "2024-12-26"});
  const auto monday_1600 = utc(2024, 12, 23, 14);  // EET
  CHECK_FALSE(helsinki.open_at(utc(2024, 12, 24, 8)));
  const auto due = helsinki.add_open_time(monday_1600, 2 * kHour);
  CHECK(due == utc(2024, 12, 27, 7, 30));  // 30 min on Monday, 1.5 h on Friday
  CHECK(helsinki.open_time_between(monday_1600, due) == 2 * kHour);
  CHECK(helsinki.promise_text(monday_1600, due, "fi") == "perjantaina klo 9.30 mennessä");
  CHECK(helsinki.promise_text(monday_1600, due, "en") == "on Friday by 09:30");
}

TEST_CASE("Riyadh: the weekend is Friday and Saturday", "[calendar]") {
  OpeningHours hours;
  for (const int day : {0, 1, 2, 3, 6}) hours.days[day] = OpeningHours::parse_day("09:00-17:00");  // Sun-Thu
  const BusinessCalendar riyadh("Asia/Riyadh", hours, {});
  const auto thursday_1600 = utc(2024, 3, 7, 13);  // UTC+3
  CHECK(riyadh.open_at(thursday_1600));
  CHECK_FALSE(riyadh.open_at(utc(2024, 3, 8, 7)));  // Friday 10:00
  CHECK_FALSE(riyadh.open_at(utc(2024, 3, 9, 7)));  // Saturday 10:00
  CHECK(riyadh.open_at(utc(2024, 3, 10, 7)));       // Sunday 10:00
  const auto due = riyadh.add_open_time(thursday_1600, 3 * kHour);
  CHECK(due == utc(2024, 3, 10, 8));  // Sunday 11:00
  CHECK(riyadh.open_time_between(thursday_1600, due) == 3 * kHour);
  CHECK(riyadh.promise_text(thursday_1600, due, "ar") == "يوم الأحد بحلول الساعة 11:00");
  CHECK(riyadh.promise_text(thursday_1600, due, "en") == "on Sunday by 11:00");
}

TEST_CASE("lunch breaks and overnight closing", "[calendar]") {
  const BusinessCalendar athens("Europe/Athens", office("09:00-12:00, 13:00-17:00"), {});
  const auto tuesday_1130 = utc(2024, 3, 5, 9, 30);
  CHECK_FALSE(athens.open_at(utc(2024, 3, 5, 10, 30)));  // 12:30 lunch
  const auto after_lunch = athens.add_open_time(tuesday_1130, kHour);
  CHECK(after_lunch == utc(2024, 3, 5, 11, 30));  // 13:30
  CHECK(athens.promise_text(tuesday_1130, after_lunch, "en") == "today by 13:30");
  CHECK(athens.promise_text(tuesday_1130, after_lunch, "ru") == "сегодня до 13:30");
  CHECK(athens.promise_text(tuesday_1130, after_lunch, "ar") == "اليوم بحلول الساعة 13:30");

  const auto tuesday_1630 = utc(2024, 3, 5, 14, 30);
  const auto next_morning = athens.add_open_time(tuesday_1630, kHour);
  CHECK(next_morning == utc(2024, 3, 6, 7, 30));  // Wednesday 09:30
  CHECK(athens.open_time_between(tuesday_1630, next_morning) == kHour);
  CHECK(athens.promise_text(tuesday_1630, next_morning, "en") == "tomorrow by 09:30");
  CHECK(athens.promise_text(tuesday_1630, next_morning, "el") == "αύριο έως τις 09:30");
  CHECK(athens.promise_text(tuesday_1630, next_morning, "pl") == "jutro do 09:30");
  CHECK(athens.promise_text(tuesday_1630, next_morning, "fi") == "huomenna klo 9.30 mennessä");
  CHECK(athens.promise_text(tuesday_1630, next_morning, "ar") == "غدًا بحلول الساعة 09:30");
  // Starting while closed: the clock starts at opening.
  CHECK(athens.add_open_time(utc(2024, 3, 6, 2), 30 * kMinute) == utc(2024, 3, 6, 7, 30));
  CHECK(athens.add_open_time(utc(2024, 3, 6, 2), 0) == utc(2024, 3, 6, 2));
}

TEST_CASE("promise text: grammar of day names, rounding, far dates", "[calendar]") {
  const BusinessCalendar athens("Europe/Athens", always_open(), {});
  const auto monday = utc(2024, 3, 4, 8);  // Monday 10:00 local
  const auto tuesday = utc(2024, 3, 5, 8);
  const auto wednesday = utc(2024, 3, 6, 8);
  const auto saturday = utc(2024, 3, 9, 8);
  CHECK(athens.promise_text(monday, wednesday, "ru") == "в среду до 10:00");
  CHECK(athens.promise_text(monday, wednesday, "pl") == "w środę do 10:00");
  CHECK(athens.promise_text(monday, wednesday, "el") == "την Τετάρτη έως τις 10:00");
  CHECK(athens.promise_text(monday, saturday, "ru") == "в субботу до 10:00");
  CHECK(athens.promise_text(monday, saturday, "pl") == "w sobotę do 10:00");
  CHECK(athens.promise_text(monday, saturday, "el") == "το Σάββατο έως τις 10:00");
  CHECK(athens.promise_text(monday, saturday, "fi") == "lauantaina klo 10.00 mennessä");
  CHECK(athens.promise_text(monday - 24 * kHour, tuesday, "ru") == "во вторник до 10:00");  // from Sunday
  CHECK(athens.promise_text(monday - 24 * kHour, tuesday, "pl") == "we wtorek do 10:00");
  CHECK(athens.promise_text(monday, tuesday, "en") == "tomorrow by 10:00");
  // Rounded up to a quarter hour, never earlier than the due time.
  CHECK(athens.promise_text(monday, monday + 3 * kHour + 37 * kMinute, "en") == "today by 13:45");
  CHECK(athens.promise_text(monday, monday + 4 * kHour, "en") == "today by 14:00");
  // A week or more ahead: the date.
  const auto far = athens.promise_text(monday, utc(2024, 3, 14, 8), "en");
  CHECK_THAT(far, Catch::StartsWith("on ") && Catch::Contains("14") && Catch::Contains("March") &&
                      Catch::EndsWith(" by 10:00"));
  CHECK_THAT(athens.promise_text(monday, utc(2024, 3, 14, 8), "ru"), Catch::Contains("марта"));
  CHECK_THAT(athens.promise_text(monday, utc(2024, 3, 14, 8), "el"), Catch::StartsWith("στις 14"));
}

TEST_CASE("a calendar that never opens never reaches the due time", "[calendar]") {
  const BusinessCalendar closed("Europe/Athens", OpeningHours{}, {});
  CHECK_FALSE(closed.open_at(utc(2024, 3, 4, 8)));
  CHECK(closed.add_open_time(utc(2024, 3, 4, 8), kHour) == std::numeric_limits<std::int64_t>::max());
  CHECK(closed.open_time_between(utc(2024, 3, 1), utc(2024, 4, 1)) == 0);
}

}  // namespace business_calendar_test
