// What `parley approvals` and `parley dead-letters` share: a queue in a
// pipeline's state that a person lists, shows and decides on, with who
// decided and why recorded:
//   parley NAME list|show|DECISION PIPELINE.yaml [ID] [--by NAME] [--note TEXT] [--json] [--state DIR]
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "cli/cli.hpp"
#include "cli/pipeline_setup.hpp"

namespace parley::host {

/// The words of one queue command, for its options and its messages.
struct QueueCommand {
  const char* name;                      ///< "approvals"
  const char* usage;                     ///< the usage line
  const char* item;                      ///< what an ID names, with its article: "an action"
  std::array<const char*, 2> decisions;  ///< {"approve", "reject"}; the second needs --note
  const char* note_needed;               ///< what the second decision's --note says: "WHY"
  const char* subcommand_help;
  const char* id_help;
  const char* by_help;
  const char* note_help;
  const char* all_help = nullptr;  ///< --all (list the decided ones too); nullptr: no --all
};

struct QueueOptions {
  std::string subcommand;
  std::string pipeline;
  std::string id_text;
  std::int64_t id = 0;  ///< id_text read, for every subcommand but list
  std::string by;
  std::string note;
  bool all = false;
  bool json = false;
  std::optional<std::string> state_dir;
};

/// What the command line alone can tell; an error message, empty when fine.
std::string queue_usage_problem(const QueueCommand& command, QueueOptions& options);

/// Does the command's work on the pipeline's existing state file; returns the exit code.
using QueueWork = std::function<int(QueueOptions, CommonOptions, LoadedPipeline, std::filesystem::path state_file)>;

/// Parses `arguments`, loads the pipeline and finds its state (each failure
/// said and exit 2), then runs `work`; an exception from it is logged and
/// the work failed (exit 1).
int run_queue_command(const QueueCommand& command, const std::vector<std::string>& arguments, const QueueWork& work);

}  // namespace parley::host
