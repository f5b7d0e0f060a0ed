// MastodonConnector: mentions of one Mastodon account in (notification
// polling with a durable checkpoint), answers, blocks and reports out through
// the instance's REST API. See README.md.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <parley/plugin.hpp>

#include "known_statuses.hpp"
#include "mastodon_api.hpp"
#include "mastodon_config.hpp"
#include "notification_poller.hpp"

namespace parley::mastodon {

class MastodonConnector final : public Connector {
 public:
  /// Reads the config (throws std::invalid_argument naming a bad field).
  /// Sends nothing: `parley check` creates it too.
  MastodonConnector(const ConfigValue& config, PluginContext& context);

  /// Reads new mentions every poll_interval_s; never exhausted.
  /// Threading: the host's source thread only.
  void poll(PollBatch& batch, std::size_t max_events) override;

  /// Carries out one action (see README.md for each kind's request).
  /// Internal kinds are done without any request.
  /// Threading: the host's executor thread only.
  ActionResult execute(const Action& action) override;

  /// No hide, unhide or delete: Mastodon lets an account delete only its own
  /// statuses, so `parley check` asks for fallbacks instead.
  std::vector<ActionKind> supported_actions() const override;

 private:
  ActionResult carry_out(const Action& action);
  /// A status answering the target, mentioning its author; `direct` for reply_private.
  ActionResult post_reply(const Action& action, bool direct);
  ActionResult ban(const Action& action);
  /// escalate with params.department == "instance": POST /api/v1/reports.
  ActionResult report(const Action& action);
  /// Facts of the status from what polling saw, else from GET /api/v1/statuses/:id.
  std::optional<StatusFacts> facts_of(const std::string& status_id, ActionResult& failure);

  PluginContext& context_;
  MastodonConfig config_;
  MastodonApi api_;
  KnownStatuses known_;                       ///< shared by the source and executor threads; locks inside
  NotificationPoller poller_;                 ///< source thread only
  std::map<std::string, ActionResult> done_;  ///< executor thread only: idempotency key -> result
};

}  // namespace parley::mastodon
