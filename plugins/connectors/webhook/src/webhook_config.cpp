#include "webhook_config.hpp"

#include <stdexcept>

namespace parley::webhook {

namespace {

std::vector<std::string> action_kind_names() {
  std::vector<std::string> names;
  for (const auto kind : kAllActionKinds) names.emplace_back(to_string(kind));
  return names;
}

[[noreturn]] void refuse(const std::string& message) { throw std::invalid_argument("webhook: config " + message); }

bool is_http_url(const std::string& url) { return url.rfind("https://", 0) == 0 || url.rfind("http://", 0) == 0; }

/// A header name: the token characters of RFC 9110 (no spaces, no ':').
bool is_header_name(const std::string& name) {
  if (name.empty()) return false;
  for (const char c : name) {
    const bool allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                         c == '_' || c == '.' || c == '!' || c == '#' || c == '$' || c == '%' || c == '&' ||
                         c == '\'' || c == '*' || c == '+' || c == '^' || c == '`' || c == '|' || c == '~';
    if (!allowed) return false;
  }
  return true;
}

InboundConfig read_inbound(const ConfigValue& section, const std::string& instance_id) {
  InboundConfig inbound;
  inbound.secret = section.string_or("secret", "");
  inbound.replay_window_s = section.integer_or("replay_window_s", 300);
  inbound.platform = section.string_or("platform", "webhook");
  inbound.account = section.string_or("account", "");
  if (inbound.account.empty()) inbound.account = instance_id;
  if (const auto* header = section.find("shared_secret_header"); header && header->is_map()) {
    SharedSecretHeader shared{header->string_or("name", ""), header->string_or("value", "")};
    if (!is_header_name(shared.name)) refuse("'inbound.shared_secret_header.name' must be an HTTP header name");
    if (shared.value.empty()) refuse("'inbound.shared_secret_header.value' must not be empty");
    inbound.shared_secret_header = std::move(shared);
  }
  if (inbound.secret.empty() == !inbound.shared_secret_header) {
    refuse("'inbound' needs exactly one of 'secret' (HMAC signatures) and 'shared_secret_header'");
  }
  if (inbound.platform.empty()) refuse("'inbound.platform' must not be empty");
  return inbound;
}

OutboundConfig read_outbound(const ConfigValue& section) {
  OutboundConfig outbound;
  outbound.url = section.string_or("url", "");
  outbound.secret = section.string_or("secret", "");
  outbound.format = section.string_or("format", "parley") == "slack" ? OutboundFormat::slack : OutboundFormat::parley;
  outbound.timeout_ms = static_cast<int>(section.integer_or("timeout_ms", 0));
  // The URL is never quoted: in slack format it is the credential.
  if (!is_http_url(outbound.url)) refuse("'outbound.url' must start with https:// or http://");
  if (outbound.format == OutboundFormat::parley && outbound.secret.empty()) {
    refuse("'outbound.secret' is required with format 'parley' (it signs every request)");
  }
  if (outbound.format == OutboundFormat::slack && !outbound.secret.empty()) {
    refuse("'outbound.secret' is not used with format 'slack' (the URL is the credential); remove it");
  }
  if (const auto* kinds = section.find("kinds"); kinds && kinds->is_list()) {
    for (const auto& name : kinds->as_list()) {
      const auto kind = name.is_string() ? action_kind_from_string(name.as_string()) : std::nullopt;
      if (!kind) refuse("'outbound.kinds' lists an unknown action kind");
      for (const auto known : outbound.kinds) {
        if (known == *kind) refuse("'outbound.kinds' lists '" + std::string(to_string(*kind)) + "' twice");
      }
      outbound.kinds.push_back(*kind);
    }
  }
  if (outbound.kinds.empty()) refuse("'outbound.kinds' must name at least one action kind");
  return outbound;
}

}  // namespace

ConfigSchema webhook_config_schema() {
  auto shared_header =
      schema::object("shared_secret_header",
                     {
                         schema::string("name").require().describe("the header the sender sets, e.g. X-Webhook-Token"),
                         schema::string("value").require().mark_secret().describe("its value; write ${env:NAME}"),
                     })
          .describe("instead of 'secret', for senders that can only set a static header");
  return {
      schema::object(
          "inbound",
          {
              schema::string("secret").mark_secret().describe(
                  "HMAC-SHA256 key the sender signs with (X-Parley-Signature); write ${env:NAME}"),
              std::move(shared_header),
              schema::integer("replay_window_s")
                  .range(1, 86400)
                  .defaults(300)
                  .describe("a signed delivery whose X-Parley-Timestamp is further from now than this is refused"),
              schema::string("platform").defaults("webhook").describe("Event::platform of the events"),
              schema::string("account").defaults("").describe("Event::account of the events; '' = the connector id"),
          })
          .describe("signed JSON events POSTed to /webhooks/<client>/<connector id>; absent = no events"),
      schema::object(
          "outbound",
          {
              schema::string("url").require().mark_secret().describe(
                  "where actions are POSTed; with format slack, the incoming-webhook URL (a secret: ${env:NAME})"),
              schema::string("secret").mark_secret().describe(
                  "HMAC-SHA256 key signing each request (format parley; required there)"),
              schema::string("format")
                  .one_of({"parley", "slack"})
                  .defaults("parley")
                  .describe("parley: signed JSON action; slack: a Slack incoming-webhook message"),
              schema::list("kinds", schema::string().one_of(action_kind_names()))
                  .require()
                  .range(1, std::nullopt)
                  .describe("the action kinds this connector carries out (its supported_actions)"),
              schema::integer("timeout_ms").range(0, 600'000).defaults(0).describe("per attempt; 0 = the host's"),
          })
          .describe("actions out; absent = no actions"),
  };
}

WebhookConfig WebhookConfig::from(const ConfigValue& config, const std::string& instance_id) {
  WebhookConfig result;
  // The validator fills in an absent `inbound` with its defaults (no field
  // of it is required): absent = neither credential and no place in the file.
  if (const auto* inbound = config.find("inbound"); inbound && inbound->is_map()) {
    const bool written = !inbound->location().empty() || inbound->find("secret") != nullptr ||
                         inbound->find("shared_secret_header") != nullptr;
    if (written) result.inbound = read_inbound(*inbound, instance_id);
  }
  if (const auto* outbound = config.find("outbound"); outbound && outbound->is_map()) {
    result.outbound = read_outbound(*outbound);
  }
  if (!result.inbound && !result.outbound) refuse("needs 'inbound', 'outbound' or both");
  return result;
}

}  // namespace parley::webhook
