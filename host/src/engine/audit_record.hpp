// The audit record of a handled event: what came in (event, labels), what the
// responders proposed by which rule, what the guard decided, fallbacks and
// routes, the case's move and a timer's or failure's details. One JSON object
// per event in the store's audit table; texts and params live in the outbox
// under each decision's key.
#pragma once

#include <string>

#include "engine/event_handler.hpp"

namespace parley::host {

std::string audit_json(const HandledEvent& item);

}  // namespace parley::host
