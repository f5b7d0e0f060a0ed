// WebhookConnector: events in as signed JSON deliveries, actions out as a
// signed JSON POST or a Slack message, for platforms without a connector of
// their own and for team channels that `routes:` sends actions to. README.md.
#pragma once

#include <map>
#include <parley/plugin.hpp>
#include <string>
#include <vector>

#include "webhook_config.hpp"

namespace parley::webhook {

class WebhookConnector final : public Connector {
 public:
  /// Throws std::invalid_argument for a bad config. Sends nothing.
  WebhookConnector(const ConfigValue& config, PluginContext& context);

  /// Events arrive through on_webhook only: nothing here, always exhausted.
  void poll(PollBatch& batch, std::size_t max_events) override;

  /// One POST per action key (a key already done answers done again).
  /// Threading: the host's executor thread only.
  ActionResult execute(const Action& action) override;

  /// outbound.kinds; none without `outbound`.
  std::vector<ActionKind> supported_actions() const override;

  bool receives_webhooks() const override { return config_.inbound.has_value(); }

  /// POST with a valid signature (or shared header): the events, 200.
  /// 401 bad/missing/stale signature, 400 unreadable body, 405 other methods.
  WebhookReply on_webhook(const WebhookRequest& request, PollBatch& batch) override;

 private:
  std::string refusal(const WebhookRequest& request) const;
  HttpRequest outbound_request(const Action& action) const;

  PluginContext& context_;
  WebhookConfig config_;
  std::vector<std::string> secrets_;          ///< never quoted in a message
  std::map<std::string, ActionResult> done_;  ///< executor thread only: idempotency key -> result
};

}  // namespace parley::webhook
