// The body of an Instagram webhook delivery (object "instagram", fields
// "comments" and "live_comments") -> events, rejected inputs and what was
// deliberately not turned into an event. Checking the signature is
// meta-graph's answer_webhook, before this.
#pragma once

#include <string_view>

#include "instagram_config.hpp"
#include "meta_webhook.hpp"

namespace parley::instagram {

/// New comments become events. Not moderated (listed in `ignored`): the
/// account's own comments (so its replies do not loop), other accounts'
/// entries, other fields, and live_comments unless `live_comments` is set.
/// A change that cannot be read goes to `rejected` with where =
/// "<where> entry[i].changes[j]" and the reason. Thread-safe.
graph::Delivery parse_comments_delivery(std::string_view body, const InstagramConfig& config, std::string_view where);

}  // namespace parley::instagram
