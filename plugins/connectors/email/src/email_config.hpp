// The email connector's config: its schema (what the host validates) and the
// typed form the connector reads once at construction.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <parley/action.hpp>
#include <parley/config.hpp>

#include "mail_address.hpp"

namespace parley::email {

enum class StartTls { required, optional, off };

struct EmailConfig {
  std::string smtp_url;  ///< smtp://host[:port] or smtps://host[:port], no path, no credentials
  StartTls starttls = StartTls::required;
  std::string username;  ///< empty: no AUTH
  std::string password;  ///< secret: only ever handed to libcurl
  std::string ca_file;   ///< PEM file to trust, or empty for the system's certificates
  bool verify_tls = true;
  Mailbox from;
  std::string reply_to;  ///< empty: no Reply-To header
  std::int64_t timeout_ms = 30000;
  std::string subject_prefix;
  std::vector<ActionKind> kinds{ActionKind::reply_private, ActionKind::escalate, ActionKind::notify};

  /// Reads a validated config section (ca_file as written; the connector
  /// resolves it). Throws std::invalid_argument naming the field and where it
  /// was written, for what a schema cannot say. Never puts the password in a message.
  static EmailConfig read(const ConfigValue& config);

  /// smtps://: TLS from the first byte, so `starttls` does not apply.
  bool uses_implicit_tls() const { return smtp_url.rfind("smtps://", 0) == 0; }
};

/// The action kinds `kinds` may list.
inline constexpr ActionKind kEmailActionKinds[] = {ActionKind::reply_private, ActionKind::escalate, ActionKind::notify,
                                                   ActionKind::warn};

/// The fields of the `config:` section, with types, defaults and descriptions.
ConfigSchema email_config_schema();

}  // namespace parley::email
