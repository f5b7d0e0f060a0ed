#include "email_config.hpp"

#include <regex>
#include <stdexcept>

namespace parley::email {

ConfigSchema email_config_schema() {
  return {
      schema::string("smtp_url")
          .require()
          .describe("the SMTP server: smtp://host:port (STARTTLS per 'starttls') or smtps://host:port (TLS from "
                    "the first byte)"),
      schema::string("starttls")
          .one_of({"required", "optional", "off"})
          .defaults("required")
          .describe("smtp:// only: required refuses to send without STARTTLS, optional uses it when offered, off "
                    "never does"),
      schema::string("username").defaults("").describe("SMTP AUTH user; empty sends without AUTH"),
      schema::string("password")
          .defaults("")
          .mark_secret()
          .describe("SMTP AUTH password; write ${env:NAME} or ${file:PATH}. Never logged or reported"),
      schema::string("ca_file").defaults("").describe(
          "PEM file of the CA (or self-signed certificate) to trust; empty uses the system's certificates"),
      schema::boolean("verify_tls")
          .defaults(true)
          .describe("check the server's certificate and host name (turn off only for a local test server)"),
      schema::string("from").require().describe(
          "the sender: address@domain or \"Display Name <address@domain>\"; its domain names the Message-IDs"),
      schema::string("reply_to").defaults("").describe("Reply-To address; empty leaves the header out"),
      schema::integer("timeout_ms")
          .range(100, 600000)
          .defaults(30000)
          .describe("limit for one delivery (connect, TLS, AUTH and the whole transaction), in milliseconds"),
      schema::string("subject_prefix").defaults("").describe("put before every subject, e.g. \"[Parley] \""),
      schema::list("kinds", schema::string().one_of({"reply_private", "escalate", "notify", "warn"}))
          .defaults(ConfigValue::List{"reply_private", "escalate", "notify"})
          .describe("the action kinds this connector carries out (its supported actions)"),
  };
}

namespace {

/// "pipeline.yaml:12:5: email: config 'NAME' " for a value written in the file.
std::string where(const ConfigValue& config, const char* key) {
  const auto* value = config.find(key);
  const std::string location = value && !value->location().empty() ? value->location() + ": " : "";
  return location + "email: config '" + key + "' ";
}

bool has_line_break(const std::string& text) {
  return text.find_first_of(std::string("\r\n\0", 3)) != std::string::npos;
}

}  // namespace

EmailConfig EmailConfig::read(const ConfigValue& config) {
  EmailConfig result;
  result.smtp_url = config.string_or("smtp_url", "");
  // Host and optional port only: credentials have their own (secret) fields,
  // and a path would change libcurl's EHLO name.
  static const std::regex url_shape(R"(smtps?://[A-Za-z0-9.\-]+(:[0-9]{1,5})?/?)");
  if (!std::regex_match(result.smtp_url, url_shape)) {
    throw std::invalid_argument(where(config, "smtp_url") +
                                "must be smtp://host[:port] or smtps://host[:port] (no user, no path), got '" +
                                result.smtp_url + "'");
  }
  if (result.smtp_url.back() == '/') result.smtp_url.pop_back();
  if (const auto colon = result.smtp_url.rfind(':');
      colon > 6 && std::stol(result.smtp_url.substr(colon + 1)) > 65535) {
    throw std::invalid_argument(where(config, "smtp_url") + "has a port above 65535");
  }

  const auto starttls = config.string_or("starttls", "required");
  if (starttls == "required") {
    result.starttls = StartTls::required;
  } else if (starttls == "optional") {
    result.starttls = StartTls::optional;
  } else if (starttls == "off") {
    result.starttls = StartTls::off;
  } else {
    throw std::invalid_argument(where(config, "starttls") + "must be required, optional or off");
  }

  result.username = config.string_or("username", "");
  result.password = config.string_or("password", "");
  if (!result.username.empty() && result.password.empty()) {
    throw std::invalid_argument(where(config, "password") + "is required when 'username' is set");
  }
  if (result.username.empty() && !result.password.empty()) {
    throw std::invalid_argument(where(config, "username") + "is required when 'password' is set");
  }
  result.ca_file = config.string_or("ca_file", "");
  result.verify_tls = config.bool_or("verify_tls", true);

  try {
    result.from = parse_mailbox(config.string_or("from", ""));
  } catch (const std::invalid_argument& error) {
    throw std::invalid_argument(where(config, "from") + "is not an address: " + error.what());
  }
  result.reply_to = config.string_or("reply_to", "");
  if (!result.reply_to.empty()) {
    if (auto problem = address_problem(result.reply_to)) {
      throw std::invalid_argument(where(config, "reply_to") + *problem);
    }
  }
  result.timeout_ms = config.integer_or("timeout_ms", result.timeout_ms);
  result.subject_prefix = config.string_or("subject_prefix", "");
  if (has_line_break(result.subject_prefix)) {
    throw std::invalid_argument(where(config, "subject_prefix") + "has a line break");
  }

  if (const auto* kinds = config.find("kinds"); kinds && kinds->is_list()) {
    result.kinds.clear();
    for (const auto& item : kinds->as_list()) {
      const auto kind = item.is_string() ? action_kind_from_string(item.as_string()) : std::nullopt;
      bool allowed = false;
      for (auto email_kind : kEmailActionKinds) allowed = allowed || (kind && *kind == email_kind);
      if (!allowed) {
        throw std::invalid_argument(where(config, "kinds") + "may list reply_private, escalate, notify and warn only");
      }
      result.kinds.push_back(*kind);
    }
  }
  return result;
}

}  // namespace parley::email
