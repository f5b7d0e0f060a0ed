// The `parley` command line: one sub-command per file, shared options here.
#pragma once

#include <boost/program_options.hpp>
#include <optional>
#include <string>
#include <vector>

namespace parley::host {

/// Exit codes, the same for every command.
enum ExitCode : int { kExitOk = 0, kExitWorkFailed = 1, kExitBadUsage = 2 };

/// Options every command takes.
struct CommonOptions {
  std::vector<std::string> plugin_path;
  std::string log_format = "text";
  std::string log_level = "info";
};

/// Adds --plugin-path, --log-format, --log-level and --help to `options`.
void add_common_options(boost::program_options::options_description& options, CommonOptions& common);

/// Parses a command's arguments and sets up logging. Returns nullopt to go
/// on, or the exit code to return at once (after --help, or on bad usage,
/// with the message printed).
std::optional<int> parse_command_line(const std::vector<std::string>& arguments, const char* usage,
                                      boost::program_options::options_description& options,
                                      const boost::program_options::positional_options_description& positional,
                                      CommonOptions& common);

int run_cli(int argc, char** argv);

int run_command(const std::vector<std::string>& arguments);
int check_command(const std::vector<std::string>& arguments);
int plugins_command(const std::vector<std::string>& arguments);
int classify_command(const std::vector<std::string>& arguments);
int test_command(const std::vector<std::string>& arguments);
int backtest_command(const std::vector<std::string>& arguments);
int approvals_command(const std::vector<std::string>& arguments);
int dead_letters_command(const std::vector<std::string>& arguments);
int console_command(const std::vector<std::string>& arguments);

}  // namespace parley::host
