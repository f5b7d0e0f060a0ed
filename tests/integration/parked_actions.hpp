// What the approvals and console tests read back after deciding parked
// actions: how often the replay connector executed each action, and the
// outbox id `parley approvals list --json` gives each event's parked action.
#pragma once

#include <catch2/catch.hpp>
#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "parley_process.hpp"

namespace parley::testing {

/// Action key -> how many times it is in the replay connector's output file.
inline std::map<std::string, int> action_keys(const std::string& actions_file) {
  std::map<std::string, int> keys;
  for (const auto& line : lines_of(read_file(actions_file))) ++keys[nlohmann::json::parse(line).at("key")];
  return keys;
}

/// Outbox id per event, from `approvals list --json`.
inline std::map<std::string, std::int64_t> parked_ids(const std::string& pipeline, const std::string& state) {
  const auto listed = run_parley({"approvals", "list", pipeline, "--state", state, "--json"});
  INFO(listed.err);
  REQUIRE(listed.exit_code == 0);
  std::map<std::string, std::int64_t> ids;
  for (const auto& item : nlohmann::json::parse(listed.out)) ids[item.at("event")] = item.at("id");
  return ids;
}

}  // namespace parley::testing
