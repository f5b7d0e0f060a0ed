// The webhook connector's settings: `inbound` (signed JSON events in) and
// `outbound` (actions out as a signed POST, or a Slack message). See README.md.
#pragma once

#include <cstdint>
#include <optional>
#include <parley/action.hpp>
#include <parley/config.hpp>
#include <string>
#include <vector>

namespace parley::webhook {

/// `shared_secret_header: {name, value}`: for senders that can only set a
/// static header instead of signing.
struct SharedSecretHeader {
  std::string name;
  std::string value;  ///< a secret
};

struct InboundConfig {
  std::string secret;  ///< HMAC key; empty when shared_secret_header is used
  std::optional<SharedSecretHeader> shared_secret_header;
  std::int64_t replay_window_s = 300;
  std::string platform = "webhook";  ///< Event::platform
  std::string account;               ///< Event::account; defaults to the connector id
};

enum class OutboundFormat { parley, slack };

struct OutboundConfig {
  std::string url;     ///< a secret in slack format (the URL is the credential)
  std::string secret;  ///< HMAC key (parley format)
  OutboundFormat format = OutboundFormat::parley;
  std::vector<ActionKind> kinds;  ///< what it can carry out (supported_actions)
  int timeout_ms = 0;             ///< 0 = the host's default
};

struct WebhookConfig {
  std::optional<InboundConfig> inbound;
  std::optional<OutboundConfig> outbound;

  /// Reads a validated config; throws std::invalid_argument naming the bad
  /// field (never quoting a secret). `instance_id` is the default account.
  static WebhookConfig from(const ConfigValue& config, const std::string& instance_id);
};

ConfigSchema webhook_config_schema();

}  // namespace parley::webhook
