#include "meta_webhook.hpp"

#include <algorithm>

#include "graph_json.hpp"

namespace parley::graph {

namespace {

using nlohmann::json;

constexpr std::size_t kMaxRawBytes = 4096;
constexpr std::string_view kSignaturePrefix = "sha256=";

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; });
  return text;
}

WebhookReply handshake(const WebhookRequest& request, const WebhookSecrets& secrets) {
  const auto mode = query_parameter(request.query, "hub.mode");
  const auto token = query_parameter(request.query, "hub.verify_token");
  if (secrets.verify_token.empty()) {
    return {403, "text/plain", "forbidden", "subscription handshake refused: verify_token is not configured"};
  }
  if (mode != "subscribe" || !constant_time_equal(token, secrets.verify_token)) {
    return {403, "text/plain", "forbidden", "subscription handshake refused: wrong hub.mode or hub.verify_token"};
  }
  return {200, "text/plain", query_parameter(request.query, "hub.challenge"), "subscription handshake accepted"};
}

WebhookReply delivery(const WebhookRequest& request, const WebhookSecrets& secrets, PluginContext& context,
                      CommentTimes& times, PollBatch& batch, const DeliveryParser& parse) {
  if (secrets.app_secret.empty()) {
    return {401, "text/plain", "", "delivery refused: app_secret is not configured"};
  }
  const auto signature = request.header("X-Hub-Signature-256");
  if (!signature || signature->rfind(kSignaturePrefix, 0) != 0) {
    return {401, "text/plain", "", "delivery refused: missing X-Hub-Signature-256"};
  }
  const auto expected = context.hmac_sha256_hex(secrets.app_secret, request.body);
  if (!constant_time_equal(lower(signature->substr(kSignaturePrefix.size())), expected)) {
    return {401, "text/plain", "", "delivery refused: bad X-Hub-Signature-256"};
  }
  auto read = parse(request.body, "POST " + request.path);
  for (const auto& [comment_id, created_at_ms] : read.comment_times) times.remember(comment_id, created_at_ms);
  for (auto& event : read.events) batch.events.push_back(std::move(event));
  for (auto& rejected : read.rejected) batch.rejected.push_back(std::move(rejected));
  if (!read.ignored.empty()) {
    std::string list;
    for (const auto& ignored : read.ignored) list += (list.empty() ? "" : "; ") + ignored;
    context.log(LogLevel::debug,
                "webhook: " + std::to_string(read.ignored.size()) + " change(s) not moderated: " + list);
  }
  return {200, "text/plain", "EVENT_RECEIVED", ""};
}

}  // namespace

Delivery DeliveryReader::read(std::string_view body) {
  json document;
  try {
    document = json::parse(body);
  } catch (const json::exception& error) {
    reject("", std::string("invalid JSON: ") + error.what(), body);
    return std::move(result_);
  }
  if (!document.is_object() || string_at(document, "object") != object_) {
    reject("", "expected an object with \"object\": \"" + object_ + "\"", body);
    return std::move(result_);
  }
  const auto entries = document.find("entry");
  if (entries == document.end() || !entries->is_array()) {
    reject("", "missing array 'entry'", body);
    return std::move(result_);
  }
  for (std::size_t i = 0; i < entries->size(); ++i) read_entry((*entries)[i], "entry[" + std::to_string(i) + "]");
  return std::move(result_);
}

void DeliveryReader::reject(const std::string& at, std::string error, std::string_view raw) {
  RejectedInput rejected;
  rejected.where = at.empty() ? std::string(where_) : std::string(where_) + " " + at;
  rejected.error = std::move(error);
  rejected.raw = std::string(raw.substr(0, kMaxRawBytes));
  result_.rejected.push_back(std::move(rejected));
}

WebhookReply answer_webhook(const WebhookRequest& request, const WebhookSecrets& secrets, PluginContext& context,
                            CommentTimes& times, PollBatch& batch, const DeliveryParser& parse) {
  if (request.method == "GET") return handshake(request, secrets);
  if (request.method == "POST") return delivery(request, secrets, context, times, batch, parse);
  return {405, "text/plain", "method not allowed", "webhook: method " + request.method + " not allowed"};
}

}  // namespace parley::graph
