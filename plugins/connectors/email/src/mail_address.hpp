// E-mail addresses as the connector accepts them: plain ASCII addr-spec
// (local@domain), optionally with a display name ("Name <local@domain>").
// Anything that could break out of an SMTP command or a header is refused.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace parley::email {

struct Mailbox {
  std::string display_name;  ///< UTF-8, may be empty
  std::string address;       ///< local@domain
};

/// Why `address` is not an address the connector sends to or from; nullopt
/// when it is one. Refuses spaces, control characters, <>()[],;:\" and
/// non-ASCII (that would need SMTPUTF8, which is not used).
std::optional<std::string> address_problem(std::string_view address);

/// "support@brand.example" or "Brand Support <support@brand.example>".
/// Throws std::invalid_argument saying what is wrong.
Mailbox parse_mailbox(std::string_view text);

/// "a@x.example, b@y.example" -> both; throws std::invalid_argument for an
/// empty list or a bad address.
std::vector<std::string> parse_address_list(std::string_view text);

/// The part after the '@' of a valid address.
std::string domain_of(const std::string& address);

}  // namespace parley::email
