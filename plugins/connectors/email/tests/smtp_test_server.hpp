// Runs tests/smtp_test_server.py (Debian's python3-aiosmtpd) as a child
// process: a real SMTP server on 127.0.0.1, on an ephemeral port, that
// records every message it is sent. One server per test.
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

namespace parley::test {

struct SmtpServerOptions {
  std::string user;  ///< with password: offer AUTH PLAIN/LOGIN for this user only
  std::string password;
  bool starttls = false;      ///< offer and require STARTTLS (certificate made with the openssl CLI)
  bool implicit_tls = false;  ///< TLS from the first byte (smtps://), same certificate
  /// Scripted answers, used once each in order, e.g. "DATA:451 4.3.0 Try again later".
  std::vector<std::string> replies;
};

/// One DATA the server received (refused by a scripted reply or accepted).
struct ReceivedMail {
  std::string mail_from;
  std::vector<std::string> recipients;
  std::string auth_user;  ///< "-" without AUTH
  bool tls = false;
  std::string reply;  ///< what the server answered to it
  std::string data;   ///< the message bytes as received (after dot-unstuffing)
};

class SmtpTestServer {
 public:
  /// Starts the server and waits until it listens; throws with its stderr if it cannot start.
  explicit SmtpTestServer(SmtpServerOptions options = {});
  ~SmtpTestServer();
  SmtpTestServer(const SmtpTestServer&) = delete;
  SmtpTestServer& operator=(const SmtpTestServer&) = delete;

  int port() const { return port_; }
  std::string url() const {
    return (implicit_tls_ ? "smtps://127.0.0.1:" : "smtp://127.0.0.1:") + std::to_string(port_);
  }
  /// The self-signed certificate (PEM) of a --starttls server.
  std::string certificate() const { return dir_ + "/cert.pem"; }
  /// Every message received so far, in order.
  std::vector<ReceivedMail> received() const;

 private:
  std::string dir_;
  pid_t pid_ = -1;
  int port_ = 0;
  bool implicit_tls_ = false;
};

/// A TCP port on 127.0.0.1 with nothing listening (bound, then closed).
int closed_port();

/// A socket listening on 127.0.0.1 that never accepts or answers (for timeouts).
class SilentListener {
 public:
  SilentListener();
  ~SilentListener();
  SilentListener(const SilentListener&) = delete;
  SilentListener& operator=(const SilentListener&) = delete;
  int port() const { return port_; }

 private:
  int fd_ = -1;
  int port_ = 0;
};

}  // namespace parley::test
