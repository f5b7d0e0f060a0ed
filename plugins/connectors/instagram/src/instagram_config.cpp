#include "instagram_config.hpp"

namespace parley::instagram {

ConfigSchema instagram_config_schema() {
  auto fields = graph::settings_schema({
      "ig_user_id",
      "the Instagram professional account's id (the IG User id, not the username)",
      "a Page access token of the Facebook Page linked to the account (Instagram API with Facebook Login); "
      "write ${env:NAME} or ${file:PATH}. Sent only in the Authorization header",
      "also list the account's recent media and read their comments every poll_interval_s (a fallback when "
      "webhooks are not set up)",
      "polling: seconds between two reads of the account's media",
      "polling: media this much older than the last comment seen are still read for new comments",
      "author ids whose comments are the brand's own, besides the account itself",
  });
  fields.push_back(schema::boolean("live_comments")
                       .defaults(false)
                       .describe("also moderate comments on live broadcasts (webhook field live_comments)"));
  return fields;
}

InstagramConfig InstagramConfig::from(const ConfigValue& config) {
  InstagramConfig result;
  result.ig_user_id =
      graph::read_settings(config, "instagram", "ig_user_id", "the professional account's numeric id", result);
  result.live_comments = config.bool_or("live_comments", false);
  return result;
}

}  // namespace parley::instagram
