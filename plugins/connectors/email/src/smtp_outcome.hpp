// From an SMTP delivery attempt to the ActionResult the host records:
// 4xx replies, connection failures and timeouts are worth retrying; 5xx
// replies and configuration faults (TLS, login) are not.
#pragma once

#include <string>
#include <string_view>

#include <parley/action.hpp>

#include "smtp_sender.hpp"

namespace parley::email {

/// A few words for a reply code of RFC 5321 (4.2.3) or RFC 4954, e.g.
/// "mailbox unavailable" for 550; empty for a code it does not know.
std::string_view reply_meaning(long reply_code);

/// done with the Message-ID as platform_id, or a failure whose message has
/// the reply code and a short reason; every occurrence of `secret` (the
/// password) in it is replaced by "***".
ActionResult result_of(const SmtpOutcome& outcome, const std::string& message_id, const std::string& secret);

}  // namespace parley::email
