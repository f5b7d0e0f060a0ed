// The body of a Webhooks for Pages delivery (object "page", field "feed")
// -> events, rejected inputs and what was deliberately not turned into an
// event. Checking the signature is meta-graph's answer_webhook, before this.
#pragma once

#include <string_view>

#include "facebook_config.hpp"
#include "meta_webhook.hpp"

namespace parley::facebook {

using FeedDelivery = graph::Delivery;

/// Comments added become events; comments edited become events with an id
/// of their own ("fb:<id>#edited-<entry time>") so the host moderates the
/// new text. A change that cannot be read goes to `rejected` with where =
/// "<where> entry[i].changes[j]" and the reason. Thread-safe.
FeedDelivery parse_feed_delivery(std::string_view body, const FacebookConfig& config, std::string_view where);

}  // namespace parley::facebook
