#include "facebook_connector.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "comment_event.hpp"
#include "feed_webhook.hpp"
#include "graph_error.hpp"

namespace parley::facebook {

namespace {

using nlohmann::json;
using Status = ActionResult::Status;

constexpr std::int64_t kPrivateReplyWindowMs = 7LL * 24 * 3600 * 1000;
constexpr std::string_view kSignaturePrefix = "sha256=";

ActionResult result(Status status, std::string message, std::string platform_id = {}) {
  ActionResult made;
  made.status = status;
  made.message = std::move(message);
  made.platform_id = std::move(platform_id);
  return made;
}

/// Graph ids are digits, joined by '_' for comments ("<post>_<comment>"): anything else
/// is not one, and must not reach a URL path.
bool is_graph_id(std::string_view id) {
  return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) { return (c >= '0' && c <= '9') || c == '_'; });
}

bool is_retry(const Action& action) {
  const auto found = action.params.find("parley.retry");
  return found != action.params.end() && found->second == "1";
}

std::string string_at(const json& object, const char* key) {
  if (!object.is_object()) return {};
  const auto found = object.find(key);
  return found != object.end() && found->is_string() ? found->get<std::string>() : std::string();
}

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; });
  return text;
}

}  // namespace

FacebookPagesConnector::FacebookPagesConnector(const ConfigValue& config, PluginContext& context)
    : context_(context),
      config_(FacebookConfig::from(config)),
      graph_(context_, config_),
      poller_(context_, config_, graph_, times_) {}

void FacebookPagesConnector::poll(PollBatch& batch, std::size_t max_events) { poller_.poll(batch, max_events); }

std::vector<ActionKind> FacebookPagesConnector::supported_actions() const {
  return {ActionKind::reply_public, ActionKind::reply_private, ActionKind::hide,   ActionKind::unhide,
          ActionKind::delete_event, ActionKind::ban,           ActionKind::warn,   ActionKind::request_removal,
          ActionKind::ignore,       ActionKind::label,         ActionKind::assign, ActionKind::follow_up,
          ActionKind::escalate,     ActionKind::notify};
}

// ---- webhooks ----

WebhookReply FacebookPagesConnector::on_webhook(const WebhookRequest& request, PollBatch& batch) {
  if (request.method == "GET") return handshake(request);
  if (request.method == "POST") return delivery(request, batch);
  return {405, "text/plain", "method not allowed", "webhook: method " + request.method + " not allowed"};
}

WebhookReply FacebookPagesConnector::handshake(const WebhookRequest& request) const {
  const auto mode = query_parameter(request.query, "hub.mode");
  const auto token = query_parameter(request.query, "hub.verify_token");
  if (config_.verify_token.empty()) {
    return {403, "text/plain", "forbidden", "subscription handshake refused: verify_token is not configured"};
  }
  if (mode != "subscribe" || !constant_time_equal(token, config_.verify_token)) {
    return {403, "text/plain", "forbidden", "subscription handshake refused: wrong hub.mode or hub.verify_token"};
  }
  return {200, "text/plain", query_parameter(request.query, "hub.challenge"), "subscription handshake accepted"};
}

WebhookReply FacebookPagesConnector::delivery(const WebhookRequest& request, PollBatch& batch) {
  if (config_.app_secret.empty()) {
    return {401, "text/plain", "", "delivery refused: app_secret is not configured"};
  }
  const auto signature = request.header("X-Hub-Signature-256");
  if (!signature || signature->rfind(kSignaturePrefix, 0) != 0) {
    return {401, "text/plain", "", "delivery refused: missing X-Hub-Signature-256"};
  }
  const auto expected = context_.hmac_sha256_hex(config_.app_secret, request.body);
  if (!constant_time_equal(lower(signature->substr(kSignaturePrefix.size())), expected)) {
    return {401, "text/plain", "", "delivery refused: bad X-Hub-Signature-256"};
  }
  auto read = parse_feed_delivery(request.body, config_, "POST " + request.path);
  for (auto& event : read.events) {
    // An edit's time is not the comment's: only originals date the 7-day private-reply window.
    if (event.metadata.count("facebook.verb") == 0)
      times_.remember(event.metadata["facebook.comment_id"], event.created_at);
    batch.events.push_back(std::move(event));
  }
  for (auto& rejected : read.rejected) batch.rejected.push_back(std::move(rejected));
  if (!read.ignored.empty()) {
    std::string list;
    for (const auto& ignored : read.ignored) list += (list.empty() ? "" : "; ") + ignored;
    context_.log(LogLevel::debug,
                 "webhook: " + std::to_string(read.ignored.size()) + " change(s) not moderated: " + list);
  }
  return {200, "text/plain", "EVENT_RECEIVED", ""};
}

// ---- actions ----

ActionResult FacebookPagesConnector::execute(const Action& action) {
  if (!action.idempotency_key.empty()) {
    if (const auto done = done_.find(action.idempotency_key); done != done_.end()) return done->second;
  }
  auto outcome = carry_out(action);
  if (outcome.status == Status::done && !action.idempotency_key.empty()) done_[action.idempotency_key] = outcome;
  return outcome;
}

ActionResult FacebookPagesConnector::carry_out(const Action& action) {
  switch (action.kind) {
    case ActionKind::ignore:
    case ActionKind::label:
    case ActionKind::assign:
    case ActionKind::follow_up:
    case ActionKind::escalate:
    case ActionKind::notify:
      return result(Status::done, std::string(to_string(action.kind)) +
                                      ": nothing to do on Facebook (the host or a notification connector does it)");
    case ActionKind::ban: return ban(action);
    default: break;
  }
  const auto comment_id = comment_id_from_event_id(action.target_event_id);
  if (comment_id.empty()) return result(Status::failed_permanent, "no target comment: target_event_id is empty");
  if (!is_graph_id(comment_id)) {
    return result(Status::failed_permanent, "target '" + action.target_event_id + "' is not a Facebook comment id");
  }
  switch (action.kind) {
    case ActionKind::reply_public:
    case ActionKind::warn:
    case ActionKind::request_removal: return reply_public(action, comment_id);
    case ActionKind::reply_private: return reply_private(action, comment_id);
    case ActionKind::hide: return set_hidden(comment_id, true);
    case ActionKind::unhide: return set_hidden(comment_id, false);
    case ActionKind::delete_event: return delete_comment(action, comment_id);
    default: return result(Status::failed_permanent, "facebook-pages cannot do " + std::string(to_string(action.kind)));
  }
}

std::optional<std::string> FacebookPagesConnector::page_reply_in(const std::string& replies_page,
                                                                 const std::string& text) const {
  const auto page = json::parse(replies_page, nullptr, /*allow_exceptions=*/false);
  if (!page.is_object() || !page.contains("data") || !page["data"].is_array()) return std::nullopt;
  for (const auto& reply : page["data"]) {
    if (!reply.is_object() || !reply.contains("from")) continue;
    if (string_at(reply["from"], "id") == config_.page_id && string_at(reply, "message") == text) {
      return string_at(reply, "id");
    }
  }
  return std::nullopt;
}

ActionResult FacebookPagesConnector::reply_public(const Action& action, const std::string& comment_id) {
  if (action.text.empty()) return result(Status::failed_permanent, "nothing to post: the action has no text");
  if (is_retry(action)) {
    // An earlier attempt may have reached Meta before its answer was lost: look before posting again,
    // and do not post at all while we cannot look.
    const auto replies = graph_.get("/" + comment_id + "/comments", {{"fields", "id,from,message"}, {"limit", "100"}});
    if (!replies.ok()) return result_for_failure(replies, config_.access_token);
    if (auto earlier = page_reply_in(replies.body, action.text)) {
      return result(Status::done, "the reply was already posted by an earlier attempt", std::move(*earlier));
    }
  }
  const auto response = graph_.post_form("/" + comment_id + "/comments", {{"message", action.text}}, false);
  if (!response.ok()) return result_for_failure(response, config_.access_token);
  const auto id = string_at(json::parse(response.body, nullptr, false), "id");
  return result(Status::done, id.empty() ? "posted; the Graph API returned no id" : "", id);
}

std::optional<std::int64_t> FacebookPagesConnector::comment_created_at_ms(const std::string& comment_id) {
  if (auto known = times_.created_at_ms(comment_id)) return known;
  const auto response = graph_.get("/" + comment_id, {{"fields", "id,created_time"}});
  if (!response.ok()) return std::nullopt;
  return parse_graph_time(string_at(json::parse(response.body, nullptr, false), "created_time"));
}

ActionResult FacebookPagesConnector::reply_private(const Action& action, const std::string& comment_id) {
  if (action.text.empty()) return result(Status::failed_permanent, "nothing to send: the action has no text");
  if (const auto created = comment_created_at_ms(comment_id)) {
    const auto age_ms = context_.now_ms() - *created;
    if (age_ms > kPrivateReplyWindowMs) {
      return result(Status::failed_permanent,
                    "Meta allows a private reply only within 7 days of the comment; this one is " +
                        std::to_string(age_ms / (24 * 3600 * 1000)) + " days old");
    }
  }
  const json body = {{"recipient", {{"comment_id", comment_id}}}, {"message", {{"text", action.text}}}};
  const auto response = graph_.post_json("/" + config_.page_id + "/messages", body.dump(), false);
  if (response.ok()) {
    return result(Status::done, "", string_at(json::parse(response.body, nullptr, false), "message_id"));
  }
  if (const auto error = parse_graph_error(response.body); error && error->code == kAlreadyRepliedPrivately) {
    if (is_retry(action)) {
      return result(Status::done, "the private reply was already sent by an earlier attempt (Meta allows one)");
    }
    return result(Status::failed_permanent,
                  "Meta allows one private reply per comment and this comment already has one (code 10900)");
  }
  return result_for_failure(response, config_.access_token);
}

ActionResult FacebookPagesConnector::set_hidden(const std::string& comment_id, bool hidden) {
  const auto response = graph_.post_form("/" + comment_id, {{"is_hidden", hidden ? "true" : "false"}}, true);
  if (!response.ok()) return result_for_failure(response, config_.access_token);
  return result(Status::done, "", comment_id);
}

ActionResult FacebookPagesConnector::delete_comment(const Action& action, const std::string& comment_id) {
  const auto response = graph_.remove("/" + comment_id);
  if (response.ok()) return result(Status::done, "", comment_id);
  const auto error = parse_graph_error(response.body);
  if (error && is_missing_object(*error) && is_retry(action)) {
    return result(Status::done, "the comment was already deleted by an earlier attempt", comment_id);
  }
  return result_for_failure(response, config_.access_token);
}

ActionResult FacebookPagesConnector::ban(const Action& action) {
  const auto& author = action.target_author_id;
  if (author.empty()) return result(Status::failed_permanent, "no author to ban: target_author_id is empty");
  if (!is_graph_id(author)) {
    return result(Status::failed_permanent, "author '" + author + "' is not a Facebook user id");
  }
  const auto response = graph_.post_form("/" + config_.page_id + "/blocked", {{"user", author}}, true);
  if (!response.ok()) return result_for_failure(response, config_.access_token);
  const auto answer = json::parse(response.body, nullptr, false);
  if (answer.is_object() && answer.contains(author) && answer[author] == false) {
    return result(Status::failed_permanent, "Meta did not block author " + author + " from the page");
  }
  return result(Status::done, "", author);
}

}  // namespace parley::facebook
