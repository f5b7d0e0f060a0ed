#include "smtp_test_server.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace parley::test {

namespace {

std::string read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::string fresh_dir() {
  static std::atomic<int> counter{0};
  const auto dir = std::filesystem::temp_directory_path() /
                   ("parley-smtp-" + std::to_string(getpid()) + "-" + std::to_string(counter++));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir.string();
}

/// A socket bound to 127.0.0.1 on an ephemeral port; `port` is set.
int bound_socket(int& port) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) throw std::runtime_error("socket failed");
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  socklen_t length = sizeof address;
  if (bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
      getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    close(fd);
    throw std::runtime_error("bind failed");
  }
  port = ntohs(address.sin_port);
  return fd;
}

}  // namespace

SmtpTestServer::SmtpTestServer(SmtpServerOptions options) : dir_(fresh_dir()), implicit_tls_(options.implicit_tls) {
  std::vector<std::string> args{PARLEY_SMTP_TEST_PYTHON, PARLEY_SMTP_TEST_SERVER, dir_};
  if (!options.user.empty()) args.insert(args.end(), {"--user", options.user, "--password", options.password});
  if (options.starttls) args.emplace_back("--starttls");
  if (options.implicit_tls) args.emplace_back("--implicit-tls");
  for (const auto& reply : options.replies) args.insert(args.end(), {"--reply", reply});

  const std::string err_file = dir_ + "/stderr";
  pid_ = fork();
  if (pid_ < 0) throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    const int err = open(err_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(err, 1);
    dup2(err, 2);
    std::vector<char*> argv;
    for (auto& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    _exit(127);
  }
  // The server writes the port file (by rename) once it accepts connections.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (!std::filesystem::exists(dir_ + "/port")) {
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      throw std::runtime_error("the SMTP test server exited: " + read_all(err_file) +
                               " (is python3-aiosmtpd installed? run scripts/setup.sh)");
    }
    if (std::chrono::steady_clock::now() > deadline) throw std::runtime_error("the SMTP test server did not start");
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  port_ = std::stoi(read_all(dir_ + "/port"));
}

SmtpTestServer::~SmtpTestServer() {
  if (pid_ > 0) {
    kill(pid_, SIGTERM);
    int status = 0;
    waitpid(pid_, &status, 0);
  }
  std::error_code ignored;
  std::filesystem::remove_all(dir_, ignored);
}

std::vector<ReceivedMail> SmtpTestServer::received() const {
  std::vector<ReceivedMail> result;
  for (int n = 1;; ++n) {
    const auto base = dir_ + "/message-" + std::to_string(n);
    if (!std::filesystem::exists(base + ".envelope")) break;
    ReceivedMail mail;
    std::istringstream envelope(read_all(base + ".envelope"));
    for (std::string line; std::getline(envelope, line);) {
      const auto colon = line.find(": ");
      const auto name = line.substr(0, colon);
      const auto value = line.substr(colon + 2);
      if (name == "from") mail.mail_from = value;
      if (name == "to") mail.recipients.push_back(value);
      if (name == "auth") mail.auth_user = value;
      if (name == "tls") mail.tls = value == "yes";
      if (name == "reply") mail.reply = value;
    }
    mail.data = read_all(base + ".eml");
    result.push_back(std::move(mail));
  }
  return result;
}

int closed_port() {
  int port = 0;
  close(bound_socket(port));
  return port;
}

SilentListener::SilentListener() {
  fd_ = bound_socket(port_);  // in the body: port_'s initializer would overwrite it
  if (listen(fd_, 4) != 0) throw std::runtime_error("listen failed");
}

SilentListener::~SilentListener() { close(fd_); }

}  // namespace parley::test
