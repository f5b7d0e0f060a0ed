#include <catch2/catch.hpp>

#include "utc_time.hpp"

using parley::replay::format_utc_timestamp;
using parley::replay::parse_utc_timestamp;

TEST_CASE("ISO-8601 times with a zone parse to epoch milliseconds", "[utc_time]") {
  const std::int64_t nine_fifteen = 1793610900000;  // 2026-11-02T09:15:00Z
  CHECK(parse_utc_timestamp("2026-11-02T09:15:00Z") == nine_fifteen);
  CHECK(parse_utc_timestamp("2026-11-02t09:15:00z") == nine_fifteen);
  CHECK(parse_utc_timestamp("2026-11-02T09:15:00.250Z") == nine_fifteen + 250);
  CHECK(parse_utc_timestamp("2026-11-02T09:15:00.5Z") == nine_fifteen + 500);
  CHECK(parse_utc_timestamp("2026-11-02T09:15:00.123456789Z") == nine_fifteen + 123);
  CHECK(parse_utc_timestamp("2026-11-02T11:15:00+02:00") == nine_fifteen);
  CHECK(parse_utc_timestamp("2026-11-02T04:45:00-04:30") == nine_fifteen);
  CHECK(parse_utc_timestamp("1970-01-01T00:00:00Z") == 0);
  CHECK(parse_utc_timestamp("1969-12-31T23:59:59Z") == -1000);
  CHECK(parse_utc_timestamp("2024-02-29T00:00:00Z") == 1709164800000);
}

TEST_CASE("malformed or impossible times are refused", "[utc_time]") {
  for (const char* text :
       {"", "2026-11-02", "2026-11-02T09:15:00", "2026-11-02 09:15:00Z", "2026-11-02T09:15Z", "2026-13-02T09:15:00Z",
        "2026-02-30T09:15:00Z", "2025-02-29T00:00:00Z", "2026-11-02T24:00:00Z", "2026-11-02T09:60:00Z",
        "2026-11-02T09:15:60Z", "2026-11-02T09:15:00.Z", "2026-11-02T09:15:00.1234567890Z", "2026-11-02T09:15:00+0200",
        "2026-11-02T09:15:00+24:00", "2026-11-02T09:15:00Zjunk", "26-11-02T09:15:00Z", "yesterday", "1793610900000"}) {
    INFO(text);
    CHECK_FALSE(parse_utc_timestamp(text).has_value());
  }
}

TEST_CASE("epoch milliseconds format as UTC with milliseconds", "[utc_time]") {
  CHECK(format_utc_timestamp(1793610900000) == "2026-11-02T09:15:00.000Z");
  CHECK(format_utc_timestamp(1793610900042) == "2026-11-02T09:15:00.042Z");
  CHECK(format_utc_timestamp(0) == "1970-01-01T00:00:00.000Z");
  CHECK(format_utc_timestamp(-1) == "1969-12-31T23:59:59.999Z");
  CHECK(parse_utc_timestamp(format_utc_timestamp(1709164800123)) == 1709164800123);
}
