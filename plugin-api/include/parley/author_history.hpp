// AuthorHistory: what the host's store knows about an event's author from
// earlier events of the same brand account, or of the person when the
// pipeline links the author's accounts (`identities:`) (API 1.1).
#pragma once

#include <string>

namespace parley {

struct AuthorHistory {
  int events = 0;             ///< events of this author (or linked person) handled before this one
  int warnings = 0;           ///< warnings the guard allowed
  bool banned = false;        ///< a ban was allowed earlier
  int complaints_30d = 0;     ///< earlier events in the 30 days before this one with intent.complaint >= 0.5
  std::string customer_tier;  ///< latest `customer_tier` a connector or CRM put in an event's metadata
};

}  // namespace parley
