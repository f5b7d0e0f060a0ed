// A Facebook comment -> parley::Event, the one mapping that webhook
// deliveries and the polling fallback share; and back from an event id to
// the Graph id of the comment an action targets.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include <parley/event.hpp>

#include "facebook_config.hpp"

namespace parley::facebook {

/// What both sources say about one comment.
struct CommentFields {
  std::string comment_id;        ///< Graph id, e.g. "1111_2222"
  std::string post_id;           ///< the post the comment is under
  std::string parent_id;         ///< the comment it answers; empty (or the post id) for a top-level comment
  std::string parent_author_id;  ///< who wrote that comment, when Graph said (polling asks; webhooks do not say)
  std::string author_id;
  std::string author_name;
  std::string message;
  std::int64_t created_at_ms = 0;
  std::string edit_marker;  ///< non-empty for an edit: makes the event id distinct from the original's
  std::string raw;          ///< the JSON the platform sent for it
};

/// id "fb:<comment id>" ("fb:<comment id>#edited-<marker>" for an edit),
/// platform "facebook", account = the page id, thread = the post, kind
/// `reply` with parent "fb:<parent comment id>" when it answers a comment,
/// else `comment`; author.is_brand for the page and brand_author_ids.
Event comment_event(const CommentFields& comment, const FacebookConfig& config);

/// "fb:<comment id>"
std::string event_id_for_comment(std::string_view comment_id);

/// "fb:", the prefix of this connector's event ids.
inline constexpr std::string_view kEventPrefix = "fb:";

}  // namespace parley::facebook
