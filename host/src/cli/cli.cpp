#include "cli/cli.hpp"

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <string_view>

#include "cli/logging.hpp"

namespace parley::host {

namespace po = boost::program_options;

namespace {

struct Command {
  const char* name;
  const char* summary;
  int (*run)(const std::vector<std::string>&);
};

constexpr Command kCommands[] = {
    {"run", "run a pipeline: events in, decisions and actions out", &run_command},
    {"check", "validate pipeline files and every plugin's config", &check_command},
    {"plugins", "list the plugins on the search path", &plugins_command},
    {"classify", "run only the classifiers over a JSONL file (labels as JSONL)", &classify_command},
    {"test", "run a brand's policy test cases through the pipeline (dry run)", &test_command},
    {"backtest", "what a policy would have done on past events: a report (dry run)", &backtest_command},
    {"approvals", "list, show, approve or reject actions parked for approval", &approvals_command},
    {"console", "a web page to approve or reject parked actions (behind your TLS proxy)", &console_command},
    {"dead-letters", "list, show, retry or discard what failed for good (events, actions, inputs)",
     &dead_letters_command},
};

void print_overview(std::ostream& out) {
  out << "parley " PARLEY_VERSION
         " - plugin-based moderation for brands\n\n"
         "Usage: parley COMMAND [OPTIONS]   (parley COMMAND --help for its options)\n\nCommands:\n";
  std::size_t width = 0;
  for (const auto& command : kCommands) width = std::max(width, std::string_view(command.name).size());
  for (const auto& command : kCommands) {
    out << "  " << command.name << std::string(width + 2 - std::string_view(command.name).size(), ' ')
        << command.summary << "\n";
  }
  out << "\nExit codes: 0 ok, 1 the work failed, 2 bad usage or bad configuration.\n";
}

}  // namespace

void add_common_options(po::options_description& options, CommonOptions& common) {
  options.add_options()("help,h", "show this help")(
      "plugin-path", po::value(&common.plugin_path)->composing(),
      "extra folder to search for plugins (repeatable; searched before PARLEY_PLUGIN_PATH)")(
      "log-format", po::value(&common.log_format)->default_value("text"), "text (terminal) or json (services)")(
      "log-level", po::value(&common.log_level)->default_value("info"), "debug, info, warn or error");
}

std::optional<int> parse_command_line(const std::vector<std::string>& arguments, const char* usage,
                                      po::options_description& options,
                                      const po::positional_options_description& positional, CommonOptions& common) {
  po::variables_map values;
  try {
    po::store(po::command_line_parser(arguments).options(options).positional(positional).run(), values);
    if (values.count("help")) {
      std::cout << "Usage: " << usage << "\n\n" << options << "\n";
      return kExitOk;
    }
    po::notify(values);
    if (common.log_format != "text" && common.log_format != "json") {
      throw po::error("--log-format must be 'text' or 'json', not '" + common.log_format + "'");
    }
    configure_logging(common.log_format, common.log_level);
  } catch (const po::error& error) {
    std::cerr << "parley: " << error.what() << "\nUsage: " << usage << "\n(see --help)\n";
    return kExitBadUsage;
  } catch (const std::invalid_argument& error) {
    std::cerr << "parley: " << error.what() << "\n";
    return kExitBadUsage;
  }
  return std::nullopt;
}

int run_cli(int argc, char** argv) {
  std::vector<std::string> arguments(argv + 1, argv + argc);
  if (arguments.empty() || arguments[0] == "--help" || arguments[0] == "-h" || arguments[0] == "help") {
    print_overview(std::cout);
    return arguments.empty() ? kExitBadUsage : kExitOk;
  }
  if (arguments[0] == "--version") {
    std::cout << "parley " PARLEY_VERSION "\n";
    return kExitOk;
  }
  for (const auto& command : kCommands) {
    if (arguments[0] == command.name) {
      arguments.erase(arguments.begin());
      return command.run(arguments);
    }
  }
  std::cerr << "parley: unknown command '" << arguments[0] << "'\n\n";
  print_overview(std::cerr);
  return kExitBadUsage;
}

}  // namespace parley::host
