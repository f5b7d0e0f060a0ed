#include "instagram_connector.hpp"

#include "comments_webhook.hpp"
#include "ig_comment_event.hpp"

namespace parley::instagram {

namespace {

/// Instagram's names for what the shared comment actions use: replies go
/// to /{comment}/replies, a comment's text is `text`, hiding is `hide`, its
/// time is `timestamp`; private replies are sent as the account (POST
/// /{ig-user-id}/messages).
graph::CommentPlatform instagram_platform(const InstagramConfig& config) {
  return {"instagram", "Instagram", std::string(kEventPrefix), config.ig_user_id, "replies", "text",
          "hide",      "timestamp"};
}

}  // namespace

InstagramConnector::InstagramConnector(const ConfigValue& config, PluginContext& context)
    : MetaConnector(context, InstagramConfig::from(config), "instagram", instagram_platform) {}

std::vector<ActionKind> InstagramConnector::supported_actions() const {
  // No ban on Instagram (fallbacks), and no escalate or notify: those go to
  // a team channel through `routes:`, as on facebook-pages.
  return {ActionKind::reply_public,    ActionKind::reply_private, ActionKind::hide,
          ActionKind::unhide,          ActionKind::delete_event,  ActionKind::warn,
          ActionKind::ignore,          ActionKind::label,         ActionKind::assign,
          ActionKind::request_removal, ActionKind::follow_up};
}

graph::Delivery InstagramConnector::read_delivery(std::string_view body, std::string_view where) const {
  return parse_comments_delivery(body, config_, where);
}

}  // namespace parley::instagram
