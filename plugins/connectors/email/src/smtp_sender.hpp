// Sends one e-mail with libcurl's SMTP support (docs/adr/0012): connection,
// STARTTLS, AUTH, MAIL/RCPT/DATA, and the reply code of the step that failed.
#pragma once

#include <string>

#include "email_config.hpp"
#include "mail_message.hpp"

namespace parley::email {

/// What one delivery attempt came to.
struct SmtpOutcome {
  int curl_code = 0;       ///< CURLcode; 0 when the server accepted the message
  long reply_code = 0;     ///< the server's last SMTP reply code, 0 when none came
  std::string curl_error;  ///< libcurl's error text (no credentials: they are never in the URL)
};

class SmtpSender {
 public:
  /// Keeps a reference: `config` must outlive the sender.
  explicit SmtpSender(const EmailConfig& config);
  /// One attempt, with the config's timeout; never throws for a network or
  /// server error (that is in the outcome). Verbose output stays off.
  SmtpOutcome send(const OutgoingMail& mail) const;

 private:
  const EmailConfig& config_;
};

}  // namespace parley::email
