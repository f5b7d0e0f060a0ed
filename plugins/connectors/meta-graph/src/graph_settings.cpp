#include "graph_settings.hpp"

#include <algorithm>
#include <regex>
#include <stdexcept>

namespace parley::graph {

namespace {

std::string required_string(const ConfigValue& config, std::string_view plugin, const char* key) {
  const auto* value = config.find(key);
  if (!value || !value->is_string() || value->as_string().empty()) {
    throw std::invalid_argument(std::string(plugin) + ": config '" + key + "' is required");
  }
  return value->as_string();
}

}  // namespace

bool ConnectorSettings::is_brand_author(const std::string& author_id) const {
  return std::find(brand_author_ids.begin(), brand_author_ids.end(), author_id) != brand_author_ids.end();
}

GraphAccess ConnectorSettings::access(std::string rate_limit_key) const {
  return {graph_url, graph_version, access_token, std::move(rate_limit_key)};
}

std::string read_settings(const ConfigValue& config, std::string_view plugin, const char* account_key,
                          std::string_view account_what, ConnectorSettings& result) {
  const std::string prefix = std::string(plugin) + ": config '";
  const auto account = required_string(config, plugin, account_key);
  if (!std::all_of(account.begin(), account.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    throw std::invalid_argument(prefix + account_key + "' must be " + std::string(account_what) + ", got '" + account +
                                "'");
  }
  result.account_id = account;
  result.access_token = required_string(config, plugin, "access_token");
  result.app_secret = config.string_or("app_secret", "");
  result.verify_token = config.string_or("verify_token", "");
  result.graph_url = config.string_or("graph_url", result.graph_url);
  while (!result.graph_url.empty() && result.graph_url.back() == '/') result.graph_url.pop_back();
  if (result.graph_url.rfind("https://", 0) != 0 && result.graph_url.rfind("http://", 0) != 0) {
    throw std::invalid_argument(prefix + "graph_url' must start with https:// or http://, got '" + result.graph_url +
                                "'");
  }
  result.graph_version = config.string_or("graph_version", result.graph_version);
  if (!std::regex_match(result.graph_version, std::regex(R"(v[0-9]+\.[0-9]+)"))) {
    throw std::invalid_argument(prefix + "graph_version' must look like v21.0, got '" + result.graph_version + "'");
  }
  result.polling = config.bool_or("polling", false);
  result.poll_interval_s = config.integer_or("poll_interval_s", result.poll_interval_s);
  result.poll_window_s = config.integer_or("poll_window_s", result.poll_window_s);
  if (result.poll_interval_s < 1 || result.poll_window_s < 0) {
    throw std::invalid_argument(std::string(plugin) +
                                ": config 'poll_interval_s' must be 1 or more and 'poll_window_s' 0 or more");
  }
  result.brand_author_ids.push_back(account);
  if (const auto* ids = config.find("brand_author_ids"); ids && ids->is_list()) {
    for (const auto& id : ids->as_list()) {
      if (id.is_string() && !id.as_string().empty()) result.brand_author_ids.push_back(id.as_string());
    }
  }
  return account;
}

ConfigSchema settings_schema(const SchemaTexts& texts) {
  return {
      schema::string(texts.account_key).require().describe(texts.account_description),
      schema::string("access_token").require().mark_secret().describe(texts.access_token),
      schema::string("app_secret")
          .defaults("")
          .mark_secret()
          .describe("the Meta app's secret, to check X-Hub-Signature-256 on webhook deliveries; empty refuses "
                    "every delivery"),
      schema::string("verify_token")
          .defaults("")
          .mark_secret()
          .describe("the Verify Token entered in the app's Webhooks settings (subscription handshake); empty "
                    "refuses every handshake"),
      schema::string("graph_url")
          .defaults("https://graph.facebook.com")
          .describe("base URL of the Graph API (tests point it at a local fake)"),
      schema::string("graph_version").defaults("v21.0").describe("the Graph API version every request names"),
      schema::boolean("polling").defaults(false).describe(texts.polling),
      schema::integer("poll_interval_s").range(10, 86400).defaults(60).describe(texts.poll_interval),
      schema::integer("poll_window_s").range(0, std::nullopt).defaults(7 * 24 * 3600).describe(texts.poll_window),
      schema::list("brand_author_ids", schema::string()).defaults(ConfigValue::List{}).describe(texts.brand_authors),
  };
}

}  // namespace parley::graph
