#include "replay_config.hpp"

#include <stdexcept>

namespace parley::replay {

namespace {
std::vector<std::string> action_kind_names() {
  std::vector<std::string> names;
  for (const auto kind : kAllActionKinds) names.emplace_back(to_string(kind));
  return names;
}
}  // namespace

ConfigSchema replay_config_schema() {
  return {
      schema::string("input").require().describe(
          "JSONL file of events, one JSON object per line (see the plugin README for the format); "
          "relative to the pipeline file; \"-\" reads standard input"),
      schema::string("output").defaults("").describe(
          "JSONL file the executed actions are appended to, one line per action; relative to the "
          "pipeline file; folders are created. Keys already in it are never written again. "
          "Empty: actions are written nowhere but still reported done"),
      schema::string("speed")
          .one_of({"instant", "realtime"})
          .defaults("instant")
          .describe("instant: events as fast as the pipeline takes them; realtime: wait the gaps between "
                    "the created_at of consecutive events (at most max_gap_ms each)"),
      schema::integer("max_gap_ms")
          .range(0, std::nullopt)
          .defaults(2000)
          .describe("realtime: the longest wait between two events, in milliseconds"),
      schema::string("account")
          .defaults("demo-brand")
          .describe("the brand account of events whose line has no \"account\""),
      // No default: absent means every kind.
      schema::list("supported_actions", schema::string().one_of(action_kind_names()))
          .describe("the action kinds this replay platform can do (to emulate e.g. Instagram, which cannot ban); "
                    "absent = every kind"),
  };
}

ReplayConfig ReplayConfig::from(const ConfigValue& config) {
  ReplayConfig result;
  const auto* input = config.find("input");
  if (!input || !input->is_string() || input->as_string().empty()) {
    throw std::invalid_argument("replay: config 'input' is required (a JSONL file, or - for stdin)");
  }
  result.input = input->as_string();
  result.output = config.string_or("output", "");
  const auto speed = config.string_or("speed", "instant");
  if (speed == "instant") {
    result.speed = ReplaySpeed::instant;
  } else if (speed == "realtime") {
    result.speed = ReplaySpeed::realtime;
  } else {
    throw std::invalid_argument("replay: config 'speed' must be instant or realtime, got '" + speed + "'");
  }
  result.max_gap_ms = config.integer_or("max_gap_ms", 2000);
  if (result.max_gap_ms < 0) {
    throw std::invalid_argument("replay: config 'max_gap_ms' must be 0 or more, got " +
                                std::to_string(result.max_gap_ms));
  }
  result.account = config.string_or("account", "demo-brand");
  if (const auto* kinds = config.find("supported_actions"); kinds && kinds->is_list()) {
    result.supported_actions.clear();
    for (const auto& name : kinds->as_list()) {
      const auto kind = name.is_string() ? action_kind_from_string(name.as_string()) : std::nullopt;
      if (!kind) throw std::invalid_argument("replay: config 'supported_actions' lists an unknown action kind");
      result.supported_actions.push_back(*kind);
    }
  }
  return result;
}

}  // namespace parley::replay
