#include "comment_moderator.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "graph_error.hpp"
#include "graph_json.hpp"

namespace parley::graph {

namespace {

using nlohmann::json;
using Status = ActionResult::Status;

constexpr std::int64_t kPrivateReplyWindowMs = 7LL * 24 * 3600 * 1000;
constexpr std::string_view kEditSuffix = "#edited-";

bool is_retry(const Action& action) {
  const auto found = action.params.find("parley.retry");
  return found != action.params.end() && found->second == "1";
}

/// "a Facebook", "an Instagram"
std::string with_article(const std::string& noun) {
  const bool vowel = !noun.empty() && std::string_view("AEIOUaeiou").find(noun[0]) != std::string_view::npos;
  return (vowel ? "an " : "a ") + noun;
}

}  // namespace

ActionResult make_result(Status status, std::string message, std::string platform_id) {
  ActionResult made;
  made.status = status;
  made.message = std::move(message);
  made.platform_id = std::move(platform_id);
  return made;
}

bool is_graph_id(std::string_view id) {
  return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) { return (c >= '0' && c <= '9') || c == '_'; });
}

std::string comment_id_from_event_id(std::string_view event_id, std::string_view prefix) {
  if (event_id.substr(0, prefix.size()) == prefix) event_id.remove_prefix(prefix.size());
  if (const auto edit = event_id.find(kEditSuffix); edit != std::string_view::npos) event_id = event_id.substr(0, edit);
  return std::string(event_id);
}

ActionResult CommentModerator::execute(const Action& action, const std::map<ActionKind, OwnKind>& own) {
  if (!action.idempotency_key.empty()) {
    if (const auto done = done_.find(action.idempotency_key); done != done_.end()) return done->second;
  }
  auto outcome = carry_out(action, own);
  if (outcome.status == Status::done && !action.idempotency_key.empty()) done_[action.idempotency_key] = outcome;
  return outcome;
}

ActionResult CommentModerator::carry_out(const Action& action, const std::map<ActionKind, OwnKind>& own) {
  switch (action.kind) {
    case ActionKind::ignore:
    case ActionKind::label:
    case ActionKind::assign:
    case ActionKind::follow_up:
      return make_result(Status::done, std::string(to_string(action.kind)) + ": nothing to do on " +
                                           platform_.platform + " (the host does it)");
    default: break;
  }
  if (const auto handler = own.find(action.kind); handler != own.end()) return handler->second(action);
  const auto comment_id = comment_id_from_event_id(action.target_event_id, platform_.event_prefix);
  if (comment_id.empty()) return make_result(Status::failed_permanent, "no target comment: target_event_id is empty");
  if (!is_graph_id(comment_id)) {
    return make_result(Status::failed_permanent, "target '" + action.target_event_id + "' is not " +
                                                     with_article(platform_.platform) + " comment id");
  }
  switch (action.kind) {
    case ActionKind::reply_public:
    case ActionKind::warn:
    case ActionKind::request_removal: return reply_public(action, comment_id);
    case ActionKind::reply_private: return reply_private(action, comment_id);
    case ActionKind::hide: return set_hidden(comment_id, true);
    case ActionKind::unhide: return set_hidden(comment_id, false);
    case ActionKind::delete_event: return delete_comment(action, comment_id);
    default:
      return make_result(Status::failed_permanent,
                         platform_.plugin + " cannot do " + std::string(to_string(action.kind)));
  }
}

std::optional<std::string> CommentModerator::own_reply_in(const std::string& replies_page,
                                                          const std::string& text) const {
  const auto page = json::parse(replies_page, nullptr, /*allow_exceptions=*/false);
  if (!page.is_object() || !page.contains("data") || !page["data"].is_array()) return std::nullopt;
  for (const auto& reply : page["data"]) {
    if (!reply.is_object() || !reply.contains("from")) continue;
    if (string_at(reply["from"], "id") == platform_.own_id && string_at(reply, platform_.text_field.c_str()) == text) {
      return string_at(reply, "id");
    }
  }
  return std::nullopt;
}

ActionResult CommentModerator::reply_public(const Action& action, const std::string& comment_id) {
  if (action.text.empty()) return make_result(Status::failed_permanent, "nothing to post: the action has no text");
  const auto edge = "/" + comment_id + "/" + platform_.replies_edge;
  if (is_retry(action)) {
    // An earlier attempt may have reached Meta before its answer was lost: look before posting again,
    // and do not post at all while we cannot look.
    const auto replies = graph_.get(edge, {{"fields", "id,from," + platform_.text_field}, {"limit", "100"}});
    if (!replies.ok()) return result_for_failure(replies, graph_.secret());
    if (auto earlier = own_reply_in(replies.body, action.text)) {
      return make_result(Status::done, "the reply was already posted by an earlier attempt", std::move(*earlier));
    }
  }
  const auto response = graph_.post_form(edge, {{"message", action.text}}, false);
  if (!response.ok()) return result_for_failure(response, graph_.secret());
  const auto id = string_at(json::parse(response.body, nullptr, false), "id");
  return make_result(Status::done, id.empty() ? "posted; the Graph API returned no id" : "", id);
}

std::optional<std::int64_t> CommentModerator::comment_created_at_ms(const std::string& comment_id) {
  if (auto known = times_.created_at_ms(comment_id)) return known;
  const auto response = graph_.get("/" + comment_id, {{"fields", "id," + platform_.created_field}});
  if (!response.ok()) return std::nullopt;
  return parse_graph_time(string_at(json::parse(response.body, nullptr, false), platform_.created_field.c_str()));
}

ActionResult CommentModerator::reply_private(const Action& action, const std::string& comment_id) {
  if (action.text.empty()) return make_result(Status::failed_permanent, "nothing to send: the action has no text");
  if (const auto created = comment_created_at_ms(comment_id)) {
    const auto age_ms = context_.now_ms() - *created;
    if (age_ms > kPrivateReplyWindowMs) {
      return make_result(Status::failed_permanent,
                         "Meta allows a private reply only within 7 days of the comment; this one is " +
                             std::to_string(age_ms / (24 * 3600 * 1000)) + " days old");
    }
  }
  const json body = {{"recipient", {{"comment_id", comment_id}}}, {"message", {{"text", action.text}}}};
  const auto response = graph_.post_json("/" + platform_.own_id + "/messages", body.dump(), false);
  if (response.ok()) {
    return make_result(Status::done, "", string_at(json::parse(response.body, nullptr, false), "message_id"));
  }
  if (const auto error = parse_graph_error(response.body); error && error->code == kAlreadyRepliedPrivately) {
    if (is_retry(action)) {
      return make_result(Status::done, "the private reply was already sent by an earlier attempt (Meta allows one)");
    }
    return make_result(Status::failed_permanent,
                       "Meta allows one private reply per comment and this comment already has one (code 10900)");
  }
  return result_for_failure(response, graph_.secret());
}

ActionResult CommentModerator::set_hidden(const std::string& comment_id, bool hidden) {
  const auto response = graph_.post_form("/" + comment_id, {{platform_.hidden_field, hidden ? "true" : "false"}}, true);
  if (!response.ok()) return result_for_failure(response, graph_.secret());
  return make_result(Status::done, "", comment_id);
}

ActionResult CommentModerator::delete_comment(const Action& action, const std::string& comment_id) {
  const auto response = graph_.remove("/" + comment_id);
  if (response.ok()) return make_result(Status::done, "", comment_id);
  const auto error = parse_graph_error(response.body);
  if (error && is_missing_object(*error) && is_retry(action)) {
    return make_result(Status::done, "the comment was already deleted by an earlier attempt", comment_id);
  }
  return result_for_failure(response, graph_.secret());
}

}  // namespace parley::graph
