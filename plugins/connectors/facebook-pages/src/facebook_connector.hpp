// FacebookPagesConnector: comments on one Facebook Page in (Webhooks for
// Pages, plus an optional polling fallback), moderation actions out through
// the Graph API. What it shares with instagram is meta-graph's
// MetaConnector. See README.md.
#pragma once

#include <vector>

#include "facebook_config.hpp"
#include "feed_poller.hpp"
#include "meta_connector.hpp"

namespace parley::facebook {

class FacebookPagesConnector final : public graph::MetaConnector<FacebookConfig, FeedPoller> {
 public:
  /// Reads the config (throws std::invalid_argument naming a bad field).
  /// Sends nothing: `parley check` creates it too.
  FacebookPagesConnector(const ConfigValue& config, PluginContext& context);

  /// Carries out one action through the Graph API (see README.md for each
  /// kind's request). Internal kinds are done without any request.
  /// Threading: the host's executor thread only.
  ActionResult execute(const Action& action) override;

  std::vector<ActionKind> supported_actions() const override;

 private:
  graph::Delivery read_delivery(std::string_view body, std::string_view where) const override;
  ActionResult ban(const Action& action);
};

}  // namespace parley::facebook
