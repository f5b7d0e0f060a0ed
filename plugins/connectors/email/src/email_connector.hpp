// EmailConnector: carries out actions by sending e-mail over SMTP (the "take
// it offline" channel). It reads nothing: poll gives no events. See README.md.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <parley/plugin.hpp>

#include "email_config.hpp"
#include "smtp_sender.hpp"

namespace parley::email {

class EmailConnector final : public Connector {
 public:
  /// Reads the config (throws std::invalid_argument naming a bad field).
  /// Connects to nothing: `parley check` creates it too.
  EmailConnector(const ConfigValue& config, PluginContext& context);

  /// No events, and exhausted: a run over a finite source still ends.
  void poll(PollBatch& batch, std::size_t max_events) override;

  /// Sends the e-mail for one action (see README.md for each kind). One
  /// idempotency key is sent once per process; a retry after a failure sends
  /// the same Message-ID again.
  /// Threading: the host's executor thread only.
  ActionResult execute(const Action& action) override;

  std::vector<ActionKind> supported_actions() const override { return config_.kinds; }

 private:
  PluginContext& context_;
  EmailConfig config_;
  SmtpSender sender_;
  std::map<std::string, ActionResult> done_;  ///< executor thread only: idempotency key -> result
};

}  // namespace parley::email
