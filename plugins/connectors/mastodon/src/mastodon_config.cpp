#include "mastodon_config.hpp"

#include <algorithm>
#include <stdexcept>

namespace parley::mastodon {

ConfigSchema mastodon_config_schema() {
  return {
      schema::string("instance_url")
          .require()
          .describe("the account's instance, e.g. https://mastodon.social (no path)"),
      schema::string("access_token")
          .require()
          .mark_secret()
          .describe("a user access token of the brand account; write ${env:NAME} or ${file:PATH}. Sent only in the "
                    "Authorization header"),
      schema::string("account_id")
          .require()
          .describe("the brand account's id on its instance (GET /api/v1/accounts/verify_credentials shows it)"),
      schema::integer("poll_interval_s").range(10, 86400).defaults(60).describe("seconds between two reads"),
      schema::integer("page_size").range(1, 80).defaults(40).describe("notifications per request (limit)"),
      schema::integer("max_pages_per_poll")
          .range(1, 100)
          .defaults(10)
          .describe("pages one read follows at most; older mentions beyond them are skipped with a warning"),
      schema::integer("backfill")
          .range(1, 100)
          .defaults(1)
          .describe("pages of past mentions read on the very first run (no checkpoint yet)"),
      schema::boolean("include_status_notifications")
          .defaults(false)
          .describe("also read `status` notifications (new posts of accounts the brand has notifications on for)"),
      schema::string("reply_visibility")
          .one_of({"public", "unlisted"})
          .defaults("public")
          .describe("visibility of public replies, warnings and removal requests (never wider than the original)"),
      schema::string("ban_as").one_of({"block", "mute"}).defaults("block").describe("what `ban` does to the author"),
      schema::integer("max_status_chars")
          .range(1, 100000)
          .defaults(500)
          .describe("the instance's status length limit; a longer reply is refused, not split"),
      schema::boolean("report_forward")
          .defaults(false)
          .describe("escalate to the instance: also forward the report to a remote author's instance"),
      schema::list("brand_account_ids", schema::string())
          .defaults(ConfigValue::List{})
          .describe("other account ids whose statuses are the brand's own"),
  };
}

namespace {

std::string required_string(const ConfigValue& config, const char* key) {
  const auto* value = config.find(key);
  if (!value || !value->is_string() || value->as_string().empty()) {
    throw std::invalid_argument(std::string("mastodon: config '") + key + "' is required");
  }
  return value->as_string();
}

}  // namespace

bool is_mastodon_id(const std::string& id) {
  return !id.empty() && id.size() <= 64 && std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  });
}

MastodonConfig MastodonConfig::from(const ConfigValue& config) {
  MastodonConfig result;
  result.instance_url = required_string(config, "instance_url");
  while (!result.instance_url.empty() && result.instance_url.back() == '/') result.instance_url.pop_back();
  const auto scheme = result.instance_url.find("://");
  const bool http = result.instance_url.rfind("https://", 0) == 0 || result.instance_url.rfind("http://", 0) == 0;
  if (!http || result.instance_url.find('/', scheme + 3) != std::string::npos) {
    throw std::invalid_argument("mastodon: config 'instance_url' must be https://host (no path), got '" +
                                result.instance_url + "'");
  }
  result.access_token = required_string(config, "access_token");
  result.account_id = required_string(config, "account_id");
  if (!is_mastodon_id(result.account_id)) {
    throw std::invalid_argument(
        "mastodon: config 'account_id' must be the account's id (e.g. \"109876543210\"), got '" + result.account_id +
        "'");
  }
  result.poll_interval_s = config.integer_or("poll_interval_s", result.poll_interval_s);
  result.page_size = config.integer_or("page_size", result.page_size);
  result.max_pages_per_poll = config.integer_or("max_pages_per_poll", result.max_pages_per_poll);
  result.backfill = config.integer_or("backfill", result.backfill);
  if (result.poll_interval_s < 1 || result.page_size < 1 || result.page_size > 80 || result.max_pages_per_poll < 1 ||
      result.backfill < 1) {
    throw std::invalid_argument(
        "mastodon: config 'poll_interval_s', 'max_pages_per_poll' and 'backfill' must be 1 or more, "
        "'page_size' 1 to 80");
  }
  result.include_status_notifications = config.bool_or("include_status_notifications", false);
  result.reply_visibility = config.string_or("reply_visibility", result.reply_visibility);
  if (result.reply_visibility != "public" && result.reply_visibility != "unlisted") {
    throw std::invalid_argument("mastodon: config 'reply_visibility' must be public or unlisted");
  }
  result.ban_as = config.string_or("ban_as", result.ban_as);
  if (result.ban_as != "block" && result.ban_as != "mute") {
    throw std::invalid_argument("mastodon: config 'ban_as' must be block or mute");
  }
  result.max_status_chars = config.integer_or("max_status_chars", result.max_status_chars);
  result.report_forward = config.bool_or("report_forward", false);
  result.brand_account_ids.push_back(result.account_id);
  if (const auto* ids = config.find("brand_account_ids"); ids && ids->is_list()) {
    for (const auto& id : ids->as_list()) {
      if (id.is_string() && !id.as_string().empty()) result.brand_account_ids.push_back(id.as_string());
    }
  }
  return result;
}

bool MastodonConfig::is_brand_account(const std::string& account_id) const {
  return std::find(brand_account_ids.begin(), brand_account_ids.end(), account_id) != brand_account_ids.end();
}

}  // namespace parley::mastodon
