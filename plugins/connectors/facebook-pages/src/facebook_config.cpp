#include "facebook_config.hpp"

namespace parley::facebook {

ConfigSchema facebook_config_schema() {
  return graph::settings_schema({
      "page_id",
      "the Facebook Page's numeric id",
      "a Page access token; write ${env:NAME} or ${file:PATH}. Sent only in the Authorization header",
      "also read the page's feed every poll_interval_s (a fallback when webhooks are not set up)",
      "polling: seconds between two reads of the feed",
      "polling: posts this much older than the last comment seen are still read for new comments",
      "author ids whose comments are the brand's own, besides the page itself",
  });
}

FacebookConfig FacebookConfig::from(const ConfigValue& config) {
  FacebookConfig result;
  result.page_id = graph::read_settings(config, "facebook-pages", "page_id", "the page's numeric id", result);
  return result;
}

}  // namespace parley::facebook
