// The routes of `parley console` on the host's HTTP listener:
//   GET  /                        the approval queue (console_page.hpp)
//   POST /approvals/ID/approve    form fields token, by, note
//   POST /approvals/ID/reject     form fields token, by, note (required)
// A decision is made exactly as `parley approvals approve|reject` makes it
// (engine/approval_decision.hpp). Every POST must carry the process's
// random form token and, when it has an Origin header, come from the
// console's own host: another site cannot make a browser decide.
#pragma once

#include <memory>
#include <string>

#include "config/pipeline_config.hpp"
#include "config/secrets.hpp"
#include "engine/pipeline_runtime.hpp"
#include "ingress/webhook_listener.hpp"
#include "store/store.hpp"

namespace parley::host {

/// What the console serves: one pipeline, its state and its connectors.
struct ConsolePipeline {
  const PipelineConfig& config;
  Store& store;
  const PipelineRuntime& runtime;  ///< its connectors, to carry out approved actions
  std::shared_ptr<const SecretRegistry> secrets;
};

/// 32 random bytes as hex (std::random_device: the kernel's generator).
std::string random_form_token();

class ConsoleHandler final : public WebhookHandler {
 public:
  /// `pipeline`'s parts must outlive the handler.
  ConsoleHandler(ConsolePipeline pipeline, std::string form_token);

  bool has_route(std::string_view path) const override;
  ListenerReply handle(const WebhookRequest& request) override;

 private:
  ListenerReply queue(const WebhookRequest& request);
  ListenerReply decide(const WebhookRequest& request, std::int64_t id, bool approve);
  std::string redact(std::string_view text) const { return pipeline_.secrets->redact(text); }

  ConsolePipeline pipeline_;
  std::string form_token_;
};

}  // namespace parley::host
