#include "webhook_connector.hpp"

#include "delivery_result.hpp"
#include "inbound_events.hpp"
#include "outbound_body.hpp"
#include "signature.hpp"

namespace parley::webhook {

namespace {

HmacHex hmac_of(const PluginContext& context) {
  return [&context](std::string_view key, std::string_view message) { return context.hmac_sha256_hex(key, message); };
}

}  // namespace

WebhookConnector::WebhookConnector(const ConfigValue& config, PluginContext& context)
    : context_(context), config_(WebhookConfig::from(config, context.instance_id())) {
  if (config_.inbound) {
    secrets_.push_back(config_.inbound->secret);
    if (config_.inbound->shared_secret_header) secrets_.push_back(config_.inbound->shared_secret_header->value);
  }
  if (config_.outbound) {
    secrets_.push_back(config_.outbound->secret);
    if (config_.outbound->format == OutboundFormat::slack) secrets_.push_back(config_.outbound->url);
  }
}

void WebhookConnector::poll(PollBatch& batch, std::size_t max_events) {
  (void)max_events;
  // Nothing is ever polled: deliveries wait in the host's inbox. Without
  // webhooks, this lets a run of finite sources end.
  batch.exhausted = true;
}

std::vector<ActionKind> WebhookConnector::supported_actions() const {
  return config_.outbound ? config_.outbound->kinds : std::vector<ActionKind>{};
}

// ---- inbound ----

std::string WebhookConnector::refusal(const WebhookRequest& request) const {
  const auto& inbound = *config_.inbound;
  if (inbound.shared_secret_header) {
    const auto& expected = *inbound.shared_secret_header;
    const auto given = request.header(expected.name);
    if (!given) return "missing " + expected.name;
    return constant_time_equal(*given, expected.value) ? "" : "bad " + expected.name;
  }
  return signature_refusal(hmac_of(context_), inbound.secret, request.header(kSignatureHeader).value_or(""),
                           request.header(kTimestampHeader).value_or(""), request.body, context_.now_ms(),
                           inbound.replay_window_s);
}

WebhookReply WebhookConnector::on_webhook(const WebhookRequest& request, PollBatch& batch) {
  if (!config_.inbound) return {404, "text/plain", "no inbound webhook here", "inbound is not configured"};
  if (request.method != "POST") return {405, "text/plain", "POST only", "refused " + request.method};
  if (const auto why = refusal(request); !why.empty()) {
    return {401, "text/plain", "unauthorized", "delivery refused: " + why};
  }
  auto delivery = parse_delivery(request.body, *config_.inbound, "POST " + request.path);
  if (delivery.malformed) {
    return {400, "text/plain", *delivery.malformed, "delivery refused: " + *delivery.malformed};
  }
  const auto received = delivery.events.size();
  for (auto& event : delivery.events) batch.events.push_back(std::move(event));
  for (auto& rejected : delivery.rejected) batch.rejected.push_back(std::move(rejected));
  return {
      200, "application/json",
      "{\"received\":" + std::to_string(received) + ",\"rejected\":" + std::to_string(delivery.rejected.size()) + "}",
      ""};
}

// ---- outbound ----

HttpRequest WebhookConnector::outbound_request(const Action& action) const {
  const auto& outbound = *config_.outbound;
  HttpRequest request;
  request.method = "POST";
  request.url = outbound.url;
  request.timeout_ms = outbound.timeout_ms;
  request.rate_limit_key = "webhook:" + context_.pipeline() + "/" + context_.instance_id();
  request.headers.push_back({"Content-Type", "application/json"});
  if (outbound.format == OutboundFormat::slack) {
    // Slack cannot de-duplicate: the host must not resend after an ambiguous failure.
    request.idempotent = false;
    request.body = slack_message_json(action);
    return request;
  }
  // The receiver de-duplicates by Idempotency-Key, so a resend is harmless.
  request.idempotent = true;
  request.body = parley_action_json(action);
  const auto now_s = context_.now_ms() / 1000;
  request.headers.push_back({std::string(kTimestampHeader), std::to_string(now_s)});
  request.headers.push_back(
      {std::string(kSignatureHeader), signature_header(hmac_of(context_), outbound.secret, now_s, request.body)});
  request.headers.push_back({"Idempotency-Key", action.idempotency_key});
  return request;
}

ActionResult WebhookConnector::execute(const Action& action) {
  if (!config_.outbound) {
    return {ActionResult::Status::failed_permanent, "", "webhook: no 'outbound' configured, so no actions"};
  }
  if (const auto done = done_.find(action.idempotency_key); done != done_.end()) return done->second;
  const auto response = context_.http().send(outbound_request(action));
  auto result = delivery_result(response, secrets_);
  if (result.status == ActionResult::Status::done && !action.idempotency_key.empty()) {
    done_[action.idempotency_key] = result;
  }
  return result;
}

}  // namespace parley::webhook
