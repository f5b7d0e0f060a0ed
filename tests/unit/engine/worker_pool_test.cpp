#include <catch2/catch.hpp>

#include <atomic>
#include <vector>

#include "engine/worker_pool.hpp"

using namespace parley::host;

TEST_CASE("workers: a configured count is taken as given; 0 leaves one core to an overlapped commit") {
  CHECK(worker_count(3, 8, true) == 3);
  CHECK(worker_count(3, 1, false) == 3);
  CHECK(worker_count(0, 8, false) == 8);
  CHECK(worker_count(0, 8, true) == 7);
  CHECK(worker_count(0, 2, true) == 1);
  CHECK(worker_count(0, 1, true) == 1);
  // hardware_concurrency() may say 0 when it cannot tell.
  CHECK(worker_count(0, 0, false) == 1);
  CHECK(worker_count(0, 0, true) == 1);
}

TEST_CASE("worker pool: every index runs once per call, on as many workers as asked") {
  for (std::size_t threads : {1u, 3u}) {
    WorkerPool pool(threads);
    REQUIRE(pool.size() == threads);
    for (int round = 0; round < 5; ++round) {
      std::vector<std::atomic<int>> calls(threads);
      pool.run_each([&](std::size_t index) { ++calls[index]; });
      for (auto& count : calls) CHECK(count.load() == 1);
    }
  }
}
