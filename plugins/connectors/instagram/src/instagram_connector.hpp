// InstagramConnector: comments on one Instagram professional account's media
// in (Instagram webhooks, plus an optional polling fallback), moderation
// actions out through the Graph API (Instagram API with Facebook Login).
// Instagram has no ban: pipelines name a fallback. What it shares with
// facebook-pages is meta-graph's MetaConnector. See README.md.
#pragma once

#include <vector>

#include "instagram_config.hpp"
#include "media_poller.hpp"
#include "meta_connector.hpp"

namespace parley::instagram {

class InstagramConnector final : public graph::MetaConnector<InstagramConfig, MediaPoller> {
 public:
  /// Reads the config (throws std::invalid_argument naming a bad field).
  /// Sends nothing: `parley check` creates it too.
  InstagramConnector(const ConfigValue& config, PluginContext& context);

  /// Replies, private replies, hide/unhide and delete through the Graph API
  /// (README.md lists each request); internal kinds without a request.
  /// Threading: the host's executor thread only.
  ActionResult execute(const Action& action) override { return moderator_.execute(action); }

  /// Everything but ban, which Instagram's API does not offer.
  std::vector<ActionKind> supported_actions() const override;

 private:
  graph::Delivery read_delivery(std::string_view body, std::string_view where) const override;
};

}  // namespace parley::instagram
