// FacebookPagesConnector: comments on one Facebook Page in (Webhooks for
// Pages, plus an optional polling fallback), moderation actions out through
// the Graph API. See README.md.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <parley/plugin.hpp>

#include "comment_times.hpp"
#include "facebook_config.hpp"
#include "feed_poller.hpp"
#include "graph_api.hpp"

namespace parley::facebook {

class FacebookPagesConnector final : public Connector {
 public:
  /// Reads the config (throws std::invalid_argument naming a bad field).
  /// Sends nothing: `parley check` creates it too.
  FacebookPagesConnector(const ConfigValue& config, PluginContext& context);

  /// The polling fallback when `polling: true`; otherwise no events and
  /// never exhausted (events arrive through on_webhook).
  /// Threading: the host's source thread only.
  void poll(PollBatch& batch, std::size_t max_events) override;

  /// Carries out one action through the Graph API (see README.md for each
  /// kind's request). Internal kinds are done without any request.
  /// Threading: the host's executor thread only.
  ActionResult execute(const Action& action) override;

  std::vector<ActionKind> supported_actions() const override;

  bool receives_webhooks() const override { return true; }

  /// GET: the subscription handshake. POST: a delivery, checked against
  /// X-Hub-Signature-256 (401 without events when it does not match), then
  /// read into events; answered 200 "EVENT_RECEIVED".
  /// Threading: the host's listener thread, concurrently with poll/execute.
  WebhookReply on_webhook(const WebhookRequest& request, PollBatch& batch) override;

 private:
  WebhookReply handshake(const WebhookRequest& request) const;
  WebhookReply delivery(const WebhookRequest& request, PollBatch& batch);

  ActionResult carry_out(const Action& action);
  ActionResult reply_public(const Action& action, const std::string& comment_id);
  ActionResult reply_private(const Action& action, const std::string& comment_id);
  ActionResult set_hidden(const std::string& comment_id, bool hidden);
  ActionResult delete_comment(const Action& action, const std::string& comment_id);
  ActionResult ban(const Action& action);
  /// The id of the page's own reply with exactly `text` in a page of GET /{comment-id}/comments.
  std::optional<std::string> page_reply_in(const std::string& replies_page, const std::string& text) const;
  std::optional<std::int64_t> comment_created_at_ms(const std::string& comment_id);

  PluginContext& context_;
  FacebookConfig config_;
  GraphApi graph_;
  CommentTimes times_;                        ///< shared by the three threads; locks inside
  FeedPoller poller_;                         ///< source thread only
  std::map<std::string, ActionResult> done_;  ///< executor thread only: idempotency key -> result
};

}  // namespace parley::facebook
