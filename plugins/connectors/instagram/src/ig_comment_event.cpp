#include "ig_comment_event.hpp"

namespace parley::instagram {

Event comment_event(const CommentFields& comment, const InstagramConfig& config) {
  Event event;
  event.id = std::string(kEventPrefix) + comment.comment_id;
  event.platform = "instagram";
  event.account = config.ig_user_id;
  event.thread_id = comment.media_id.empty() ? comment.comment_id : comment.media_id;
  event.kind = comment.parent_id.empty() ? EventKind::comment : EventKind::reply;
  if (!comment.parent_id.empty()) event.parent_id = std::string(kEventPrefix) + comment.parent_id;
  event.author.id = comment.author_id;
  event.author.handle = comment.username;
  event.author.display_name = comment.username;
  event.author.is_brand = config.is_brand_author(comment.author_id);
  event.text = comment.text;
  event.created_at = comment.created_at_ms;
  event.url = comment.permalink;
  event.visibility = Visibility::public_post;
  event.metadata["instagram.comment_id"] = comment.comment_id;
  event.metadata["instagram.media_id"] = comment.media_id;
  if (!comment.media_product_type.empty()) event.metadata["instagram.media_product_type"] = comment.media_product_type;
  event.metadata["instagram.field"] = comment.field.empty() ? "comments" : comment.field;
  event.raw = comment.raw;
  return event;
}

}  // namespace parley::instagram
