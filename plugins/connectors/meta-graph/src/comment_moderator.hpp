// The moderation actions Facebook and Instagram comments share, through the
// Graph API: public reply, private reply (one per comment, within 7 days),
// hide/unhide, delete; each key carried out once, and a retry that looks
// before it posts again. The connectors differ only in edge and field names
// (CommentPlatform) and in kinds of their own (Facebook's ban).
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include <parley/action.hpp>
#include <parley/plugin.hpp>

#include "comment_times.hpp"
#include "graph_api.hpp"

namespace parley::graph {

/// How one platform names what the shared actions use.
struct CommentPlatform {
  std::string plugin;         ///< "facebook-pages", in "... cannot do <kind>"
  std::string platform;       ///< "Facebook", in messages a community manager reads
  std::string event_prefix;   ///< "fb:": event id = prefix + comment id
  std::string own_id;         ///< the page / professional account: author of our replies, sender of private ones
  std::string replies_edge;   ///< POST/GET /{comment-id}/<edge>: "comments" (Facebook), "replies" (Instagram)
  std::string text_field;     ///< a comment's text: "message" / "text"
  std::string hidden_field;   ///< POST /{comment-id} <field>=true|false: "is_hidden" / "hide"
  std::string created_field;  ///< a comment's creation time: "created_time" / "timestamp"
};

ActionResult make_result(ActionResult::Status status, std::string message, std::string platform_id = {});

/// Graph ids are digits, joined by '_' on Facebook ("<post>_<comment>"):
/// anything else is not one, and must not reach a URL path.
bool is_graph_id(std::string_view id);

/// The Graph comment id an action on `event_id` targets: `prefix` and any
/// "#edited-..." suffix removed (an id without the prefix is taken as is).
std::string comment_id_from_event_id(std::string_view event_id, std::string_view prefix);

class CommentModerator {
 public:
  using OwnKind = std::function<ActionResult(const Action&)>;

  /// Keeps references to all three; they outlive it.
  CommentModerator(PluginContext& context, GraphApi& graph, CommentTimes& times, CommentPlatform platform)
      : context_(context), graph_(graph), times_(times), platform_(std::move(platform)) {}

  /// A key already done returns its result again. Internal kinds (ignore,
  /// label, assign, follow_up) are done without a request; escalate and
  /// notify are not Meta's to do (a pipeline routes them to a team channel);
  /// kinds in `own` go to their function; the comment kinds to Graph;
  /// anything else fails for good. Threading: the host's executor thread only.
  ActionResult execute(const Action& action, const std::map<ActionKind, OwnKind>& own = {});

 private:
  ActionResult carry_out(const Action& action, const std::map<ActionKind, OwnKind>& own);
  ActionResult reply_public(const Action& action, const std::string& comment_id);
  ActionResult reply_private(const Action& action, const std::string& comment_id);
  ActionResult set_hidden(const std::string& comment_id, bool hidden);
  ActionResult delete_comment(const Action& action, const std::string& comment_id);
  /// The id of our own reply with exactly `text` in a page of GET /{comment-id}/<replies_edge>.
  std::optional<std::string> own_reply_in(const std::string& replies_page, const std::string& text) const;
  std::optional<std::int64_t> comment_created_at_ms(const std::string& comment_id);

  PluginContext& context_;
  GraphApi& graph_;
  CommentTimes& times_;
  CommentPlatform platform_;
  std::map<std::string, ActionResult> done_;  ///< idempotency key -> result
};

}  // namespace parley::graph
