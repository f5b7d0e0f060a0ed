#include <catch2/catch.hpp>
#include <thread>

#include "engine/engine_clock.hpp"

using namespace parley::host;

TEST_CASE("clock times: ISO-8601 UTC and ms since the epoch, nothing else") {
  CHECK(parse_clock_time("2026-12-04T10:00:00Z") == 1'796'378'400'000);
  CHECK(parse_clock_time("2026-12-04T10:00:00.250Z") == 1'796'378'400'250);
  CHECK(parse_clock_time("2026-12-04T10:00:00+00:00") == 1'796'378'400'000);
  CHECK(parse_clock_time("1796378400000") == 1'796'378'400'000);
  CHECK(parse_clock_time("1970-01-01T00:00:00Z") == 0);
  CHECK_FALSE(parse_clock_time("2026-12-04T10:00:00+02:00"));  // UTC only
  CHECK_FALSE(parse_clock_time("2026-12-04 10:00"));
  CHECK_FALSE(parse_clock_time("2026-02-30T10:00:00Z"));
  CHECK_FALSE(parse_clock_time("2026-12-04T24:00:00Z"));
  CHECK_FALSE(parse_clock_time("tomorrow"));
  CHECK_FALSE(parse_clock_time(""));
  CHECK(format_clock_time(1'796'378'400'000) == "2026-12-04T10:00:00Z");
  CHECK(format_clock_time(1'796'378'400'250) == "2026-12-04T10:00:00.250Z");
}

TEST_CASE("events clock: the later of the start and the saved clock, then the events; never back") {
  EngineClock clock;
  clock.start(ClockMode::events, std::nullopt, 5000);
  CHECK(clock.now() == 5000);
  clock.observe(4000);
  CHECK(clock.now() == 5000);
  clock.observe(7000);
  CHECK(clock.now() == 7000);
  CHECK(clock.event_now(9000) == 9000);  // an event is handled at its own time ...
  CHECK(clock.event_now(1000) == 7000);  // ... or the clock's, if later
  clock.advance_to(6000);
  CHECK(clock.now() == 7000);
  clock.advance_to(10'000);
  CHECK(clock.now() == 10'000);

  clock.start(ClockMode::events, 20'000, 5000);
  CHECK(clock.now() == 20'000);
  clock.start(ClockMode::events, 1000, 5000);  // --now before the saved clock: the saved one
  CHECK(clock.now() == 5000);
}

TEST_CASE("wall clock: the system time, or starting at --now and ticking from there") {
  EngineClock clock;
  clock.start(ClockMode::wall, std::nullopt, 0);
  const auto system =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
          .count();
  CHECK(std::abs(clock.now() - system) < 1000);
  clock.observe(system + 10'000'000);  // events do not move a wall clock
  CHECK(clock.now() < system + 10'000'000);

  clock.start(ClockMode::wall, 1'796'378'400'000, 0);
  const auto start = clock.now();
  CHECK(start >= 1'796'378'400'000);
  CHECK(start < 1'796'378'401'000);
  CHECK(clock.event_now(1) == Approx(start).margin(1000));  // created_at does not matter
  clock.advance_to(1'796'464'800'000);                      // a day later
  CHECK(clock.now() >= 1'796'464'800'000);
  CHECK(clock.now() < 1'796'464'801'000);
}

TEST_CASE("an event time scope answers the event's time on its own thread only") {
  EngineClock clock;
  clock.start(ClockMode::events, 1000, 0);
  {
    const EventTimeScope scope(clock, 4242);
    CHECK(clock.now() == 4242);
    std::int64_t other_thread = 0;
    std::thread([&] { other_thread = clock.now(); }).join();
    CHECK(other_thread == 1000);
    EngineClock other;
    other.start(ClockMode::events, 77, 0);
    CHECK(other.now() == 77);  // another pipeline's clock is not affected
  }
  CHECK(clock.now() == 1000);
}
