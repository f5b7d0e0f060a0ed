#include "parley_process.hpp"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "scratch_dir.hpp"

namespace parley::testing {

namespace {

pid_t spawn(const std::vector<std::string>& arguments, const std::vector<std::string>& extra_env,
            const std::string& out_file, const std::string& err_file) {
  std::vector<std::string> args{PARLEY_BINARY};
  args.insert(args.end(), arguments.begin(), arguments.end());
  const pid_t pid = fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    const int out = open(out_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int err = open(err_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(out, 1);
    dup2(err, 2);
    for (const auto& assignment : extra_env) putenv(const_cast<char*>(assignment.c_str()));
    std::vector<char*> argv;
    for (auto& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    _exit(127);
  }
  return pid;
}

}  // namespace

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

void write_file(const std::string& path, const std::string& text) {
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) lines.push_back(line);
  }
  return lines;
}

std::string fresh_dir(const std::string& name) {
  const auto dir = parley::test::scratch_dir("parley-it") / name;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir.string();
}

ProcessResult run_parley(const std::vector<std::string>& arguments, const std::vector<std::string>& extra_env) {
  const auto dir = fresh_dir("process-" + std::to_string(rand()));
  const pid_t pid = spawn(arguments, extra_env, dir + "/out", dir + "/err");
  int status = 0;
  waitpid(pid, &status, 0);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, read_file(dir + "/out"), read_file(dir + "/err")};
}

pid_t start_parley(const std::vector<std::string>& arguments, const std::string& dir) {
  return spawn(arguments, {}, dir + "/out", dir + "/err");
}

}  // namespace parley::testing
