#include "comment_event.hpp"

namespace parley::facebook {

namespace {
constexpr std::string_view kEditSuffix = "#edited-";
}  // namespace

std::string event_id_for_comment(std::string_view comment_id) {
  return std::string(kEventPrefix) + std::string(comment_id);
}

Event comment_event(const CommentFields& comment, const FacebookConfig& config) {
  Event event;
  event.id = event_id_for_comment(comment.comment_id);
  if (!comment.edit_marker.empty()) event.id += std::string(kEditSuffix) + comment.edit_marker;
  event.platform = "facebook";
  event.account = config.page_id;
  event.thread_id = comment.post_id.empty() ? comment.comment_id : comment.post_id;
  // Graph gives a top-level comment the post as its parent.
  const bool answers_comment = !comment.parent_id.empty() && comment.parent_id != comment.post_id;
  event.kind = answers_comment ? EventKind::reply : EventKind::comment;
  if (answers_comment) event.parent_id = event_id_for_comment(comment.parent_id);
  // Whom it answers: abuse in a reply to the page is aimed at the brand,
  // not at another commenter (docs/plugin-authoring.md, metadata keys).
  if (answers_comment && !comment.parent_author_id.empty()) {
    event.metadata["parent.author"] = config.is_brand_author(comment.parent_author_id) ? "brand" : "other";
  }
  event.author.id = comment.author_id;
  event.author.display_name = comment.author_name;
  event.author.is_brand = config.is_brand_author(comment.author_id);
  event.text = comment.message;
  event.created_at = comment.created_at_ms;
  event.visibility = Visibility::public_post;
  event.metadata["facebook.comment_id"] = comment.comment_id;
  event.metadata["facebook.post_id"] = comment.post_id;
  if (!comment.edit_marker.empty()) event.metadata["facebook.verb"] = "edited";
  event.raw = comment.raw;
  return event;
}

}  // namespace parley::facebook
