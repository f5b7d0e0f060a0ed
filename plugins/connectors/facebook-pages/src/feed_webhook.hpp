// The body of a Webhooks for Pages delivery (object "page", field "feed")
// -> events, rejected inputs and what was deliberately not turned into an
// event. Checking the signature is the connector's job, before this.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <parley/event.hpp>
#include <parley/plugin.hpp>

#include "facebook_config.hpp"

namespace parley::facebook {

struct FeedDelivery {
  std::vector<Event> events;
  std::vector<RejectedInput> rejected;
  /// Changes that are valid but not comments to moderate (reactions, posts,
  /// removals, other fields, other pages), as "entry[0].changes[1]: reaction add".
  std::vector<std::string> ignored;
};

/// Comments added become events; comments edited become events with an id
/// of their own ("fb:<id>#edited-<entry time>") so the host moderates the
/// new text. A change that cannot be read goes to `rejected` with where =
/// "<where> entry[i].changes[j]" and the reason. Thread-safe.
FeedDelivery parse_feed_delivery(std::string_view body, const FacebookConfig& config, std::string_view where);

}  // namespace parley::facebook
