// Test plugin: a connector that receives webhooks (API 1.3), so tests drive
// the host's listener, inbox and checkpoints end to end. POST bodies are
// {"id","author","text"}, authenticated by a shared `X-Token`; a GET answers
// the hub.challenge handshake. The reply to a POST names the checkpoint the
// connector read before it (load_checkpoint), "none" at first.
#include <nlohmann/json.hpp>
#include <parley/parley.hpp>
#include <string>

namespace {

class TestWebhookConnector final : public parley::Connector {
 public:
  TestWebhookConnector(const parley::ConfigValue& config, parley::PluginContext& context)
      : context_(context),
        token_(config.at("token").as_string()),
        verify_token_(config.at("verify_token").as_string()),
        account_(config.at("account").as_string()) {}

  void poll(parley::PollBatch& batch, std::size_t) override {
    // Nothing to poll; one checkpoint shows a poll's cursor is committed too.
    batch.checkpoints["polled"] = "yes";
    batch.exhausted = true;
  }

  parley::ActionResult execute(const parley::Action& action) override {
    return {parley::ActionResult::Status::done, "test-webhook:" + action.idempotency_key, ""};
  }

  std::vector<parley::ActionKind> supported_actions() const override {
    return {parley::ActionKind::reply_public, parley::ActionKind::reply_private};
  }

  bool receives_webhooks() const override { return true; }

  parley::WebhookReply on_webhook(const parley::WebhookRequest& request, parley::PollBatch& batch) override {
    if (request.method == "GET") return handshake(request);
    if (!parley::constant_time_equal(request.header("X-Token").value_or(""), token_)) {
      return {401, "text/plain", "bad token\n", "bad X-Token"};
    }
    const auto previous = context_.load_checkpoint("last_id").value_or("none");
    const auto body = nlohmann::json::parse(request.body, nullptr, false);
    if (!body.is_object() || !body.contains("id") || !body["id"].is_string()) {
      batch.rejected.push_back({"webhook body", "not an object with a string 'id'", request.body});
      return {200, "text/plain", "rejected\n", "rejected a body"};
    }
    parley::Event event;
    event.id = body["id"].get<std::string>();
    event.platform = "test-webhook";
    event.account = account_;
    event.author.id = body.value("author", "unknown");
    event.text = body.value("text", "");
    event.created_at = context_.now_ms();
    event.raw = request.body;
    batch.checkpoints["last_id"] = event.id;
    batch.events.push_back(std::move(event));
    return {200, "text/plain", "ok; previous=" + previous + "\n", ""};
  }

 private:
  parley::WebhookReply handshake(const parley::WebhookRequest& request) const {
    const auto mode = parley::query_parameter(request.query, "hub.mode");
    const auto token = parley::query_parameter(request.query, "hub.verify_token");
    if (mode != "subscribe" || !parley::constant_time_equal(token, verify_token_)) {
      return {403, "text/plain", "forbidden\n", "handshake refused"};
    }
    return {200, "text/plain", parley::query_parameter(request.query, "hub.challenge"), "handshake"};
  }

  parley::PluginContext& context_;
  std::string token_;
  std::string verify_token_;
  std::string account_;
};

parley::ConfigSchema test_webhook_schema() {
  return {parley::schema::string("token").describe("shared secret expected in X-Token").require().mark_secret(),
          parley::schema::string("verify_token").describe("hub.verify_token of the handshake").require().mark_secret(),
          parley::schema::string("account").defaults("test-account")};
}

}  // namespace

PARLEY_PLUGIN(connector, TestWebhookConnector, "test-webhook", "1.0.0", "Receives test webhooks (tests only)",
              test_webhook_schema)
