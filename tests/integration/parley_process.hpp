// Runs the real `parley` binary and captures what it printed.
#pragma once

#include <sys/types.h>
#include <string>
#include <vector>

namespace parley::testing {

struct ProcessResult {
  int exit_code = -1;  ///< -1 when killed by a signal
  std::string out;
  std::string err;
};

/// Runs `parley ARGS...` to completion with `extra_env` ("NAME=value") added.
ProcessResult run_parley(const std::vector<std::string>& arguments, const std::vector<std::string>& extra_env = {});

/// Starts `parley ARGS...` in the background, output to files in `dir`; returns its pid.
pid_t start_parley(const std::vector<std::string>& arguments, const std::string& dir);

/// A fresh empty folder for one test.
std::string fresh_dir(const std::string& name);

std::string read_file(const std::string& path);
void write_file(const std::string& path, const std::string& text);
std::vector<std::string> lines_of(const std::string& text);

}  // namespace parley::testing
