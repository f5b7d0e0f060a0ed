#include "cli/queue_command.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <charconv>
#include <iostream>

namespace parley::host {

namespace po = boost::program_options;

namespace {

bool blank(const std::string& text) { return text.find_first_not_of(" \t") == std::string::npos; }

}  // namespace

std::string queue_usage_problem(const QueueCommand& command, QueueOptions& options) {
  const auto& sub = options.subcommand;
  const std::string first = command.decisions[0];
  const std::string second = command.decisions[1];
  if (sub != "list" && sub != "show" && sub != first && sub != second) {
    return fmt::format("unknown {} command '{}'; expected list, show, {} or {}", command.name, sub, first, second);
  }
  if (options.pipeline.empty()) return "missing PIPELINE.yaml";
  if (sub == "list") {
    if (!options.id_text.empty()) return "list takes no ID";
  } else {
    if (options.id_text.empty()) {
      return fmt::format("{} needs the ID of {} (see parley {} list)", sub, command.item, command.name);
    }
    const auto* end = options.id_text.data() + options.id_text.size();
    auto [at, error] = std::from_chars(options.id_text.data(), end, options.id);
    if (error != std::errc() || at != end || options.id <= 0) {
      return fmt::format("'{}' is not {} ID; expected a positive number", options.id_text, command.item);
    }
  }
  if (options.all && sub != "list") return "--all is for list";
  const bool deciding = sub == first || sub == second;
  if (!deciding && (!options.by.empty() || !options.note.empty())) {
    return fmt::format("--by and --note are for {} and {}", first, second);
  }
  // Who decided is part of the record; the second decision must say why.
  if (deciding && blank(options.by)) return sub + " needs --by NAME";
  if (sub == second && blank(options.note)) return fmt::format("{} needs --note {}", second, command.note_needed);
  return {};
}

int run_queue_command(const QueueCommand& command, const std::vector<std::string>& arguments, const QueueWork& work) {
  CommonOptions common;
  QueueOptions parsed;
  po::options_description options(fmt::format("parley {} options", command.name));
  options.add_options()("subcommand", po::value(&parsed.subcommand)->required(), command.subcommand_help)(
      "pipeline", po::value(&parsed.pipeline)->required(), "the pipeline YAML file")(
      "id", po::value(&parsed.id_text), command.id_help)("by", po::value(&parsed.by), command.by_help)(
      "note", po::value(&parsed.note), command.note_help);
  if (command.all_help != nullptr) options.add_options()("all", po::bool_switch(&parsed.all), command.all_help);
  options.add_options()("json", po::bool_switch(&parsed.json), "one JSON document on standard output, for tools")(
      "state", po::value<std::string>()->notifier([&](const std::string& dir) { parsed.state_dir = dir; }),
      "folder of the state database (DIR/<client>.db), as given to parley run");
  add_common_options(options, common);
  po::positional_options_description positional;
  positional.add("subcommand", 1).add("pipeline", 1).add("id", 1);
  if (auto exit = parse_command_line(arguments, command.usage, options, positional, common)) return *exit;
  if (auto problem = queue_usage_problem(command, parsed); !problem.empty()) {
    std::cerr << "parley: " << problem << "\nUsage: " << command.usage << "\n(see --help)\n";
    return kExitBadUsage;
  }

  auto loaded = load_pipeline_reporting(parsed.pipeline);
  if (!loaded) return kExitBadUsage;
  const auto state = existing_state_file(*loaded, parsed.state_dir);
  if (state.exit_code != kExitOk) return state.exit_code;
  try {
    return work(std::move(parsed), std::move(common), std::move(*loaded), state.file);
  } catch (const std::exception& error) {
    spdlog::error("{}", error.what());
    return kExitWorkFailed;
  }
}

}  // namespace parley::host
