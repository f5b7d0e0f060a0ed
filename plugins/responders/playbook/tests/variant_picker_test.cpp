#include <catch2/catch.hpp>

#include <algorithm>
#include <parley/testing.hpp>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "variant_picker.hpp"

using parley::playbook::VariantPicker;
using parley::testing::FakePluginContext;

TEST_CASE("picker never repeats the previous variant for one account", "[picker]") {
  FakePluginContext context;
  VariantPicker picker(context);
  std::size_t previous = picker.pick("acme", "acknowledge", "en", 3, "event-0");
  std::set<std::size_t> seen{previous};
  for (int i = 1; i < 200; ++i) {
    const auto index = picker.pick("acme", "acknowledge", "en", 3, "event-" + std::to_string(i));
    REQUIRE(index < 3);
    CHECK(index != previous);
    seen.insert(index);
    previous = index;
  }
  CHECK(seen.size() == 3);
}

TEST_CASE("picker remembers per account, message and language", "[picker]") {
  FakePluginContext context;
  VariantPicker picker(context);
  const auto first = picker.pick("acme", "thanks", "en", 3, "same-seed");
  CHECK(picker.pick("other", "thanks", "en", 3, "same-seed") == first);
  CHECK(picker.pick("acme", "thanks", "el", 3, "same-seed") == first);
  CHECK(picker.pick("acme", "warning", "en", 3, "same-seed") == first);
  CHECK(picker.pick("acme", "thanks", "en", 3, "another-seed-with-same-start") != first);
}

TEST_CASE("picker is deterministic per seed", "[picker]") {
  const std::vector<std::string> seeds{"e1", "e2", "e2", "e3", "e4", "e5", "e6", "e7"};
  std::vector<std::size_t> first_run, second_run;
  FakePluginContext context_a, context_b;
  VariantPicker a(context_a), b(context_b);
  for (const auto& seed : seeds) first_run.push_back(a.pick("acme", "acknowledge", "en", 4, seed));
  for (const auto& seed : seeds) second_run.push_back(b.pick("acme", "acknowledge", "en", 4, seed));
  CHECK(first_run == second_run);
  CHECK(first_run[1] == first_run[2]);  // the same event asking again gets the same text
}

TEST_CASE("picker keeps its memory in plugin state, so a restart does not repeat the last text", "[picker]") {
  FakePluginContext context;
  std::size_t before_restart = 0;
  {
    VariantPicker picker(context);
    before_restart = picker.pick("acme", "acknowledge", "en", 3, "event-1");
  }
  REQUIRE(context.state.at(VariantPicker::state_key("acme", "acknowledge", "en")) ==
          std::to_string(before_restart) + " event-1");
  // A new picker (a new process) on the same state, asked by the event whose
  // seed starts where the last choice was: it moves on.
  std::string seed;
  for (int i = 0; seed.empty(); ++i) {
    FakePluginContext scratch;
    if (VariantPicker(scratch).pick("acme", "acknowledge", "en", 3, "e" + std::to_string(i)) == before_restart) {
      seed = "e" + std::to_string(i);
    }
  }
  VariantPicker after_restart(context);
  CHECK(after_restart.pick("acme", "acknowledge", "en", 3, seed) != before_restart);
  // ...while the event that made the saved choice gets it again (a replay).
  FakePluginContext replay_context;
  replay_context.state = {{VariantPicker::state_key("acme", "acknowledge", "en"), "2 event-9"}};
  CHECK(VariantPicker(replay_context).pick("acme", "acknowledge", "en", 3, "event-9") == 2);
}

TEST_CASE("picker starts afresh from state it cannot read", "[picker]") {
  FakePluginContext context;
  const auto key = VariantPicker::state_key("acme", "thanks", "en");
  for (const char* garbage : {"", "x event-1", "7", "1x event-1"}) {
    context.state[key] = garbage;
    FakePluginContext fresh;
    const auto expected = VariantPicker(fresh).pick("acme", "thanks", "en", 3, "event-1");
    CHECK(VariantPicker(context).pick("acme", "thanks", "en", 3, "event-1") == expected);
  }
}

TEST_CASE("picker handles one or no variant and a shrinking count", "[picker]") {
  FakePluginContext context;
  VariantPicker picker(context);
  CHECK(picker.pick("acme", "thanks", "en", 1, "x") == 0);
  CHECK(picker.pick("acme", "thanks", "en", 1, "y") == 0);
  CHECK(picker.pick("acme", "thanks", "en", 0, "z") == 0);
  for (int i = 0; i < 20; ++i) {
    CHECK(picker.pick("acme", "offer", "en", 5 - i % 4, "s" + std::to_string(i)) < static_cast<std::size_t>(5 - i % 4));
  }
  // A saved index beyond a shrunk catalog is not returned, even for its own event.
  context.state[VariantPicker::state_key("acme", "offer", "en")] = "4 s-old";
  CHECK(picker.pick("acme", "offer", "en", 2, "s-old") < 2);
}

TEST_CASE("picker is safe to call from several threads", "[picker]") {
  FakePluginContext context;
  VariantPicker picker(context);
  std::vector<std::vector<std::size_t>> picked(4);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&picker, &picked, t] {
      for (int i = 0; i < 500; ++i) {
        picked[static_cast<std::size_t>(t)].push_back(picker.pick("acct" + std::to_string(i % 7), "thanks", "en", 3,
                                                                  std::to_string(t) + "-" + std::to_string(i)));
      }
    });
  }
  for (auto& thread : threads) thread.join();
  for (const auto& choices : picked) {
    CHECK(choices.size() == 500);
    CHECK(std::all_of(choices.begin(), choices.end(), [](std::size_t index) { return index < 3; }));
  }
  CHECK(context.state.size() == 7);  // one remembered choice per account
}
