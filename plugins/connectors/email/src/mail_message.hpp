// The e-mail an action becomes: SMTP envelope plus an RFC 5322 message
// (CRLF line endings, MIME text/plain UTF-8, base64 body).
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include <parley/action.hpp>

#include "email_config.hpp"

namespace parley::email {

/// Params the connector reads (see README.md). The "parley.event.*" ones are
/// the source event's context that pipeline routes add when this connector
/// acts for an event of another connector.
namespace param {
inline constexpr const char* kTo = "to";            ///< recipients, comma-separated; first choice
inline constexpr const char* kContact = "contact";  ///< the playbook's contact (e.g. legal@brand.example)
inline constexpr const char* kSubject = "subject";
inline constexpr const char* kEventPrefix = "parley.event.";
inline constexpr const char* kEventEmail = "parley.event.email";           ///< the author's address; last choice
inline constexpr const char* kEventMessageId = "parley.event.message_id";  ///< In-Reply-To / References
inline constexpr const char* kEventConnector = "parley.event.connector";
inline constexpr const char* kEventId = "parley.event.id";
inline constexpr const char* kEventText = "parley.event.text";
inline constexpr const char* kEventAuthorId = "parley.event.author_id";
inline constexpr const char* kEventAuthorName = "parley.event.author_name";
inline constexpr const char* kEventPermalink = "parley.event.permalink";
}  // namespace param

struct OutgoingMail {
  std::string envelope_from;            ///< MAIL FROM
  std::vector<std::string> recipients;  ///< RCPT TO, one each
  std::string message_id;               ///< "<...@domain>", the same for every attempt of one action
  std::string data;                     ///< the whole message, CRLF line endings
};

/// An action that can never become a valid e-mail (no recipient, a line
/// break in a header value, no text to send): a permanent failure.
struct MailRefused : std::invalid_argument {
  using std::invalid_argument::invalid_argument;
};

/// "<parley.KEY@domain>" with every character of the idempotency key other
/// than letters, digits, '-' and '_' written as =XX (so distinct keys stay
/// distinct and the id is a valid dot-atom).
std::string message_id_for(const std::string& idempotency_key, const std::string& domain);

/// Builds the e-mail for `action`; `now_ms` gives the Date header.
/// Throws MailRefused.
OutgoingMail compose_mail(const Action& action, const EmailConfig& config, std::int64_t now_ms);

}  // namespace parley::email
