#include "facebook_connector.hpp"

#include <nlohmann/json.hpp>

#include "comment_event.hpp"
#include "feed_webhook.hpp"
#include "graph_error.hpp"

namespace parley::facebook {

namespace {

using nlohmann::json;
using Status = ActionResult::Status;
using graph::make_result;

graph::CommentPlatform facebook_platform(const FacebookConfig& config) {
  return {"facebook-pages", "Facebook",    std::string(kEventPrefix), config.page_id, "comments", "message",
          "is_hidden",      "created_time"};
}

}  // namespace

FacebookPagesConnector::FacebookPagesConnector(const ConfigValue& config, PluginContext& context)
    : MetaConnector(context, FacebookConfig::from(config), "facebook", facebook_platform) {}

std::vector<ActionKind> FacebookPagesConnector::supported_actions() const {
  // Not escalate or notify: nothing on Facebook reaches the brand's team, so
  // `parley check` asks for `routes:` to a team channel instead of the
  // action being marked done with nobody told.
  return {ActionKind::reply_public, ActionKind::reply_private, ActionKind::hide,   ActionKind::unhide,
          ActionKind::delete_event, ActionKind::ban,           ActionKind::warn,   ActionKind::request_removal,
          ActionKind::ignore,       ActionKind::label,         ActionKind::assign, ActionKind::follow_up};
}

graph::Delivery FacebookPagesConnector::read_delivery(std::string_view body, std::string_view where) const {
  return parse_feed_delivery(body, config_, where);
}

ActionResult FacebookPagesConnector::execute(const Action& action) {
  return moderator_.execute(action, {{ActionKind::ban, [this](const Action& ban_action) { return ban(ban_action); }}});
}

ActionResult FacebookPagesConnector::ban(const Action& action) {
  const auto& author = action.target_author_id;
  if (author.empty()) return make_result(Status::failed_permanent, "no author to ban: target_author_id is empty");
  if (!graph::is_graph_id(author)) {
    return make_result(Status::failed_permanent, "author '" + author + "' is not a Facebook user id");
  }
  const auto response = graph_.post_form("/" + config_.page_id + "/blocked", {{"user", author}}, true);
  if (!response.ok()) return graph::result_for_failure(response, config_.access_token);
  const auto answer = json::parse(response.body, nullptr, false);
  if (answer.is_object() && answer.contains(author) && answer[author] == false) {
    return make_result(Status::failed_permanent, "Meta did not block author " + author + " from the page");
  }
  return make_result(Status::done, "", author);
}

}  // namespace parley::facebook
