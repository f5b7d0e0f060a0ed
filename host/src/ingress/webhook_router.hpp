// WebhookRouter: /webhooks/<client>/<connector id> -> that pipeline's
// connector. It asks the connector to verify and parse the request, then
// stores what it gave in the pipeline's inbox before the sender gets a 2xx
// (docs/adr/0009-webhook-ingress.md); the engine handles it from there.
#pragma once

#include <map>
#include <memory>
#include <parley/plugin.hpp>
#include <string>

#include "config/secrets.hpp"
#include "ingress/webhook_listener.hpp"
#include "plugins/plugin_instances.hpp"
#include "store/store.hpp"

namespace parley::host {

/// "/webhooks/<client>/<connector id>".
std::string webhook_path(const std::string& client, const std::string& connector_id);

class WebhookRouter final : public WebhookHandler {
 public:
  /// Routes the connector's webhooks to `store` (the pipeline's, which must
  /// outlive the router). `secrets` redacts what the connector logs. Throws
  /// std::invalid_argument when the route is taken.
  void add_route(const std::string& client, const PluginInstance<Connector>& connector, Store& store,
                 std::shared_ptr<const SecretRegistry> secrets);
  bool empty() const { return routes_.empty(); }

  bool has_route(std::string_view path) const override;
  ListenerReply handle(const WebhookRequest& request) override { return {answer(request), {}}; }

 private:
  WebhookReply answer(const WebhookRequest& request);

  struct Route {
    PluginInstance<Connector> connector;
    Store* store = nullptr;
    std::shared_ptr<const SecretRegistry> secrets;
  };
  std::map<std::string, Route, std::less<>> routes_;
};

/// What a connector's batch stores: its events (one without an id becomes a
/// dead letter: it could not be de-duplicated), its rejected inputs as dead
/// letters named like a polled input's, and its checkpoints.
InboxDelivery inbox_delivery(const std::string& connector_id, const std::string& plugin, PollBatch batch);

}  // namespace parley::host
