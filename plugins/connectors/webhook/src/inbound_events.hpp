// Reads a delivery's JSON body into events: one event object, or
// {"events": [...]}. Fields are documented in README.md ("Event format").
#pragma once

#include <optional>
#include <parley/plugin.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "webhook_config.hpp"

namespace parley::webhook {

struct InboundDelivery {
  std::optional<std::string> malformed;  ///< the body is not a delivery at all (-> 400), and why
  std::vector<Event> events;
  std::vector<RejectedInput> rejected;  ///< events without a required field, named by their index
};

/// `where` names the delivery in rejected inputs (e.g. "POST /webhooks/acme/site").
InboundDelivery parse_delivery(std::string_view body, const InboundConfig& config, std::string_view where);

/// RFC 3339 ("2026-11-02T09:15:00Z", "...+02:00", fractions allowed) to ms
/// since the epoch; nullopt when it is not one.
std::optional<std::int64_t> parse_rfc3339_ms(std::string_view text);

}  // namespace parley::webhook
