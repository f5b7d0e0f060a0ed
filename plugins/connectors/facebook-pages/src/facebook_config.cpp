#include "facebook_config.hpp"

#include <algorithm>
#include <regex>
#include <stdexcept>

namespace parley::facebook {

ConfigSchema facebook_config_schema() {
  return {
      schema::string("page_id").require().describe("the Facebook Page's numeric id"),
      schema::string("access_token")
          .require()
          .mark_secret()
          .describe("a Page access token; write ${env:NAME} or ${file:PATH}. Sent only in the Authorization header"),
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
      schema::boolean("polling").defaults(false).describe(
          "also read the page's feed every poll_interval_s (a fallback when webhooks are not set up)"),
      schema::integer("poll_interval_s")
          .range(10, 86400)
          .defaults(60)
          .describe("polling: seconds between two reads of the feed"),
      schema::integer("poll_window_s")
          .range(0, std::nullopt)
          .defaults(7 * 24 * 3600)
          .describe("polling: posts this much older than the last comment seen are still read for new comments"),
      schema::list("brand_author_ids", schema::string())
          .defaults(ConfigValue::List{})
          .describe("author ids whose comments are the brand's own, besides the page itself"),
  };
}

namespace {

std::string required_string(const ConfigValue& config, const char* key) {
  const auto* value = config.find(key);
  if (!value || !value->is_string() || value->as_string().empty()) {
    throw std::invalid_argument(std::string("facebook-pages: config '") + key + "' is required");
  }
  return value->as_string();
}

}  // namespace

FacebookConfig FacebookConfig::from(const ConfigValue& config) {
  FacebookConfig result;
  result.page_id = required_string(config, "page_id");
  // The id goes into URL paths: digits only, so it can never change the path.
  if (!std::all_of(result.page_id.begin(), result.page_id.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    throw std::invalid_argument("facebook-pages: config 'page_id' must be the page's numeric id, got '" +
                                result.page_id + "'");
  }
  result.access_token = required_string(config, "access_token");
  result.app_secret = config.string_or("app_secret", "");
  result.verify_token = config.string_or("verify_token", "");
  result.graph_url = config.string_or("graph_url", result.graph_url);
  while (!result.graph_url.empty() && result.graph_url.back() == '/') result.graph_url.pop_back();
  if (result.graph_url.rfind("https://", 0) != 0 && result.graph_url.rfind("http://", 0) != 0) {
    throw std::invalid_argument("facebook-pages: config 'graph_url' must start with https:// or http://, got '" +
                                result.graph_url + "'");
  }
  result.graph_version = config.string_or("graph_version", result.graph_version);
  if (!std::regex_match(result.graph_version, std::regex(R"(v[0-9]+\.[0-9]+)"))) {
    throw std::invalid_argument("facebook-pages: config 'graph_version' must look like v21.0, got '" +
                                result.graph_version + "'");
  }
  result.polling = config.bool_or("polling", false);
  result.poll_interval_s = config.integer_or("poll_interval_s", result.poll_interval_s);
  result.poll_window_s = config.integer_or("poll_window_s", result.poll_window_s);
  if (result.poll_interval_s < 1 || result.poll_window_s < 0) {
    throw std::invalid_argument(
        "facebook-pages: config 'poll_interval_s' must be 1 or more and 'poll_window_s' 0 "
        "or more");
  }
  result.brand_author_ids.push_back(result.page_id);
  if (const auto* ids = config.find("brand_author_ids"); ids && ids->is_list()) {
    for (const auto& id : ids->as_list()) {
      if (id.is_string() && !id.as_string().empty()) result.brand_author_ids.push_back(id.as_string());
    }
  }
  return result;
}

bool FacebookConfig::is_brand_author(const std::string& author_id) const {
  return std::find(brand_author_ids.begin(), brand_author_ids.end(), author_id) != brand_author_ids.end();
}

}  // namespace parley::facebook
