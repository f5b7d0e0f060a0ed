#include "engine/author_identity.hpp"

#include <algorithm>

namespace parley::host {

AuthorIdentity author_identity(const IdentityLinks& links, const std::string& connector_id, const Event& event) {
  if (auto person = links.person_of(connector_id, event.author.id)) {
    return {kPersonAccount, std::move(*person), connector_id + ":" + event.author.id};
  }
  return {event.account, event.author.id, ""};
}

void see_ban_of(AuthorState& author, const AuthorIdentity& identity) {
  if (!identity.linked()) return;
  const auto& banned_on = author.banned_on;
  author.banned = std::find(banned_on.begin(), banned_on.end(), identity.linked_account) != banned_on.end();
}

void record_ban(AuthorState& author, const std::string& linked_account) {
  author.banned = true;
  if (linked_account.empty()) return;
  auto& banned_on = author.banned_on;
  if (std::find(banned_on.begin(), banned_on.end(), linked_account) == banned_on.end()) {
    banned_on.push_back(linked_account);
  }
}

}  // namespace parley::host
