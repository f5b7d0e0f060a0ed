// CaseView: read-only state of the case an event belongs to, for responders.
// A case is (account, author, thread): one conversation with one person.
#pragma once

#include <string>
#include <vector>

namespace parley {

struct CaseView {
  std::string key;             ///< "account/author/thread"
  std::string status = "new";  ///< new, acknowledged, private, ..., resolved, closed, escalated, banned
  int case_events = 0;         ///< events of this case handled before this one
  int author_events = 0;       ///< events of this author (this account) handled before
  int author_warnings = 0;     ///< warnings the author has received (allowed by the guard)
  bool author_banned = false;
  std::vector<std::string> last_actions;  ///< kinds of the case's most recent actions, oldest first
};

}  // namespace parley
