// `identities:` of a pipeline: the client's knowledge that several platform
// accounts are one person (docs/adr/0013-identity-links.md). The host then
// keeps one author history for that person: events, warnings, complaints,
// customer tier and concessions count across platforms; bans stay per
// platform account, since a ban is something one platform does.
#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "config/diagnostic.hpp"
#include "parley/config.hpp"

namespace parley::host {

class IdentityLinks {
 public:
  /// The person `author_id` of connector `connector_id` is linked to, if any.
  std::optional<std::string> person_of(const std::string& connector_id, const std::string& author_id) const;

  /// Links "connector:author" to `person`. False (and no change) if it is linked already.
  bool link(const std::string& connector_id, const std::string& author_id, const std::string& person);

 private:
  std::unordered_map<std::string, std::string> person_by_account_;  ///< "connector\nauthor" -> person
};

/// Reads `identities: {person: ["connector:author id", ...]}`. Connector ids
/// must be this pipeline's; an account may belong to one person only.
/// Problems are appended to `errors`, located at the offending entry.
IdentityLinks read_identity_links(const ConfigValue& identities, const std::vector<std::string>& connector_ids,
                                  Diagnostics& errors);

}  // namespace parley::host
