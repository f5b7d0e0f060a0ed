// What the Meta comment connectors (facebook-pages, instagram) have in
// common around their own config and poller: the Graph client with the
// account's rate limiter, the comment-time table the three threads share,
// Meta's webhooks and the shared comment actions. A connector derives,
// reads its deliveries (read_delivery) and lists its kinds.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>

#include <parley/plugin.hpp>

#include "comment_moderator.hpp"
#include "comment_times.hpp"
#include "graph_api.hpp"
#include "meta_webhook.hpp"

namespace parley::graph {

/// `Config` derives from ConnectorSettings; `Poller` is built from
/// (context, config, graph, times) and has poll(batch, max_events).
template <typename Config, typename Poller>
class MetaConnector : public Connector {
 public:
  /// The polling fallback when `polling: true`; otherwise no events and
  /// never exhausted (events arrive through on_webhook).
  /// Threading: the host's source thread only.
  void poll(PollBatch& batch, std::size_t max_events) override { poller_.poll(batch, max_events); }

  bool receives_webhooks() const override { return true; }

  /// GET: the subscription handshake. POST: a delivery, checked against
  /// X-Hub-Signature-256 (401 without events when it does not match), then
  /// read into events; answered 200 "EVENT_RECEIVED".
  /// Threading: the host's listener thread, concurrently with poll/execute.
  WebhookReply on_webhook(const WebhookRequest& request, PollBatch& batch) override {
    return answer_webhook(request, {config_.app_secret, config_.verify_token}, context_, times_, batch,
                          [this](std::string_view body, std::string_view where) { return read_delivery(body, where); });
  }

 protected:
  /// Requests share the rate limiter "<platform_key>:<account id>";
  /// `platform_for` names the edges and fields of the shared actions for this config.
  MetaConnector(PluginContext& context, Config config, std::string_view platform_key,
                CommentPlatform (*platform_for)(const Config&))
      : context_(context),
        config_(std::move(config)),
        graph_(context_, config_.access(std::string(platform_key) + ":" + config_.account_id)),
        poller_(context_, config_, graph_, times_),
        moderator_(context_, graph_, times_, platform_for(config_)) {}

  /// The body of a signed delivery -> events. Thread-safe.
  virtual Delivery read_delivery(std::string_view body, std::string_view where) const = 0;

  PluginContext& context_;
  Config config_;
  GraphApi graph_;
  CommentTimes times_;          ///< shared by the three threads; locks inside
  Poller poller_;               ///< source thread only
  CommentModerator moderator_;  ///< executor thread only
};

}  // namespace parley::graph
