#include "smtp_outcome.hpp"

#include <curl/curl.h>

namespace parley::email {

namespace {

/// libcurl errors that a retry cannot fix: the configuration is wrong.
bool configuration_fault(int curl_code) {
  switch (curl_code) {
    case CURLE_UNSUPPORTED_PROTOCOL:
    case CURLE_URL_MALFORMAT:
    case CURLE_LOGIN_DENIED:
    case CURLE_USE_SSL_FAILED:  // starttls: required, and the server offers none
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CACERT_BADFILE: return true;
    default: return false;
  }
}

std::string redacted(std::string text, const std::string& secret) {
  if (secret.empty()) return text;
  for (auto at = text.find(secret); at != std::string::npos; at = text.find(secret, at + 3)) {
    text.replace(at, secret.size(), "***");
  }
  return text;
}

}  // namespace

std::string_view reply_meaning(long reply_code) {
  switch (reply_code) {
    case 421: return "service not available";
    case 450: return "mailbox unavailable";
    case 451: return "local error in processing";
    case 452: return "insufficient system storage";
    case 454: return "temporary authentication failure or TLS not available";
    case 455: return "server unable to accommodate parameters";
    case 500: return "command not recognized";
    case 501: return "syntax error in parameters";
    case 502: return "command not implemented";
    case 503: return "bad sequence of commands";
    case 504: return "parameter not implemented";
    case 530: return "authentication required";
    case 534: return "authentication mechanism too weak";
    case 535: return "authentication credentials invalid";
    case 538: return "encryption required for the authentication mechanism";
    case 550: return "mailbox unavailable";
    case 551: return "user not local";
    case 552: return "exceeded storage allocation";
    case 553: return "mailbox name not allowed";
    case 554: return "transaction failed";
    case 555: return "MAIL or RCPT parameters not recognized";
    default: return "";
  }
}

ActionResult result_of(const SmtpOutcome& outcome, const std::string& message_id, const std::string& secret) {
  ActionResult result;
  if (outcome.curl_code == CURLE_OK) {
    result.status = ActionResult::Status::done;
    result.platform_id = message_id;
    return result;
  }
  const bool server_refused = outcome.reply_code >= 400 && outcome.reply_code <= 599;
  std::string message = "email: ";
  if (server_refused) {
    message += "SMTP " + std::to_string(outcome.reply_code);
    if (const auto meaning = reply_meaning(outcome.reply_code); !meaning.empty()) {
      message += " (" + std::string(meaning) + ")";
    }
    message += ": ";
    result.status =
        outcome.reply_code >= 500 ? ActionResult::Status::failed_permanent : ActionResult::Status::failed_retryable;
  } else {
    result.status = configuration_fault(outcome.curl_code) ? ActionResult::Status::failed_permanent
                                                           : ActionResult::Status::failed_retryable;
  }
  message += outcome.curl_error;
  result.message = redacted(std::move(message), secret);
  return result;
}

}  // namespace parley::email
