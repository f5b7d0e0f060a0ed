#include <catch2/catch.hpp>

#include "policy_test/time_text.hpp"

using namespace parley::host;

TEST_CASE("durations: units, combinations, and what is refused", "[policy_test]") {
  CHECK(parse_duration_ms("90s") == 90'000);
  CHECK(parse_duration_ms("10m") == 600'000);
  CHECK(parse_duration_ms("1h30m") == 5'400'000);
  CHECK(parse_duration_ms("3d") == 3 * 86'400'000LL);
  CHECK(parse_duration_ms("1w") == 7 * 86'400'000LL);
  CHECK(parse_duration_ms("0m") == 0);
  for (const char* bad : {"", "10", "m", "10 m", "-5m", "1.5h", "3days", "10x", "99999999999d"}) {
    INFO(bad);
    CHECK_FALSE(parse_duration_ms(bad));
  }
}

TEST_CASE("timestamps: UTC and offsets, calendar checked", "[policy_test]") {
  CHECK(parse_timestamp_ms("2026-01-05T09:00:00Z") == 1'767'603'600'000);
  CHECK(parse_timestamp_ms("2026-01-05T09:00Z") == 1'767'603'600'000);
  CHECK(parse_timestamp_ms("2026-01-05T11:00:00+02:00") == 1'767'603'600'000);
  CHECK(parse_timestamp_ms("2024-02-29T00:00:00Z"));
  for (const char* bad : {"2026-01-05T09:00:00", "2026-01-05", "2025-02-29T00:00Z", "2026-13-01T00:00Z",
                          "2026-01-05T24:00Z", "yesterday", "2026-01-05T09:00:00+2"}) {
    INFO(bad);
    CHECK_FALSE(parse_timestamp_ms(bad));
  }
  CHECK(format_timestamp(1'767'603'600'000) == "2026-01-05T09:00:00Z");
  CHECK(format_timestamp(*parse_timestamp_ms("2026-11-30T23:59:59Z")) == "2026-11-30T23:59:59Z");
}
