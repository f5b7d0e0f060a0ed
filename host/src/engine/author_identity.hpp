// Whose memory an event updates: its platform author, or the person the
// pipeline's `identities:` links that account to (docs/adr/0013-identity-links.md).
#pragma once

#include <parley/event.hpp>
#include <string>

#include "config/identity_links.hpp"
#include "store/store.hpp"

namespace parley::host {

/// The `authors` rows of linked people use this account, which no
/// connector gives (connector accounts are page ids, handles, names).
inline constexpr const char* kPersonAccount = "@person";

struct AuthorIdentity {
  std::string account;    ///< of the `authors` row: the event's account, or kPersonAccount
  std::string author_id;  ///< of that row: the platform author id, or the person
  /// Linked only: "<connector id>:<author id>", the account a ban is about.
  std::string linked_account;

  bool linked() const { return !linked_account.empty(); }
  /// "account/author": events of one author (one person) go to one shard, in order.
  std::string shard_key() const { return account + "/" + author_id; }
};

AuthorIdentity author_identity(const IdentityLinks& links, const std::string& connector_id, const Event& event);

/// The author state as one event sees it: for a linked person, `banned`
/// says whether the platform account at hand is banned (bans are per platform).
void see_ban_of(AuthorState& author, const AuthorIdentity& identity);

/// Records an allowed ban: of the author, or of the linked account only.
void record_ban(AuthorState& author, const std::string& linked_account);

}  // namespace parley::host
