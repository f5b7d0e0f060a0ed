// CaseView: read-only state of the case an event belongs to, for responders.
// A case is (account, author, thread): one conversation with one person.
//
// Lifecycle (PLAYBOOK P1..P14): new -> acknowledged -> private ->
// awaiting_customer -> resolved -> followed_up -> closed, plus escalated and
// banned. The host moves a case when an allowed action implies it (see
// docs/plugin-authoring.md, "Case lifecycle") or when the action carries
// params["case_status"]; every transition is recorded.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace parley {

struct CaseView {
  std::string key;                        ///< "account/author/thread"
  std::string status = "new";             ///< see the lifecycle above
  int case_events = 0;                    ///< events of this case handled before this one
  int author_events = 0;                  ///< events of this author (this account, or the linked person) handled before
  int author_warnings = 0;                ///< warnings the author has received (allowed by the guard)
  bool author_banned = false;             ///< on this platform account (bans are per platform)
  std::vector<std::string> last_actions;  ///< kinds of the case's most recent actions, oldest first
  // API 1.2 (appended; a 1.1 plugin reads only the members above):
  std::string origin_event_id;         ///< the case's first event (where a "resolved" note goes, P6)
  std::int64_t opened_at = 0;          ///< created_at of that first event, ms since the epoch
  std::int64_t status_since = 0;       ///< when the case entered `status`, ms
  std::int64_t first_response_at = 0;  ///< when the brand first answered (public or private), 0 = not yet
  int author_concessions = 0;          ///< offers allowed for this author so far (params["offer"], P16.rip_off)
  int open_timers = 0;                 ///< follow-up timers of this case not yet fired (P14, P7)
};

}  // namespace parley
