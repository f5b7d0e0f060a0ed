// An Instagram comment -> parley::Event, the one mapping that webhook
// deliveries and the polling fallback share.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include <parley/event.hpp>

#include "instagram_config.hpp"

namespace parley::instagram {

/// "ig:", the prefix of this connector's event ids.
inline constexpr std::string_view kEventPrefix = "ig:";

/// What both sources say about one comment.
struct CommentFields {
  std::string comment_id;
  std::string media_id;            ///< the post, reel or story commented on
  std::string media_product_type;  ///< FEED, REELS, STORY, AD (may be empty)
  std::string parent_id;           ///< the comment it answers; empty for a top-level comment
  std::string author_id;           ///< Instagram-scoped id
  std::string username;
  std::string text;
  std::int64_t created_at_ms = 0;
  std::string permalink;  ///< the media's, when known (polling); webhooks do not carry it
  std::string field;      ///< "comments" or "live_comments"
  std::string raw;        ///< the JSON the platform sent for it
};

/// id "ig:<comment id>", platform "instagram", account = the IG user id,
/// thread = the media, kind `reply` with parent "ig:<parent id>" when it
/// answers a comment, else `comment`; author id and @username (handle and
/// display name); is_brand for the account and brand_author_ids.
Event comment_event(const CommentFields& comment, const InstagramConfig& config);

}  // namespace parley::instagram
