#include "config/identity_links.hpp"

#include <algorithm>
#include <map>

#include "config/key_path.hpp"
#include "config/nearest_key.hpp"

namespace parley::host {

namespace {
std::string account_key(const std::string& connector_id, const std::string& author_id) {
  return connector_id + '\n' + author_id;
}
}  // namespace

std::optional<std::string> IdentityLinks::person_of(const std::string& connector_id,
                                                    const std::string& author_id) const {
  if (person_by_account_.empty()) return std::nullopt;
  const auto found = person_by_account_.find(account_key(connector_id, author_id));
  if (found == person_by_account_.end()) return std::nullopt;
  return found->second;
}

bool IdentityLinks::link(const std::string& connector_id, const std::string& author_id, const std::string& person) {
  return person_by_account_.emplace(account_key(connector_id, author_id), person).second;
}

IdentityLinks read_identity_links(const ConfigValue& identities, const std::vector<std::string>& connector_ids,
                                  Diagnostics& errors) {
  IdentityLinks links;
  std::map<std::string, std::pair<std::string, std::string>> first_use;  // account -> person, location
  std::string known_ids;
  for (const auto& id : connector_ids) known_ids += (known_ids.empty() ? "" : ", ") + id;
  for (const auto& [person, accounts] : identities.as_map()) {
    const std::string path = child_key_path("identities", person);
    if (person.find_first_not_of(" \t") == std::string::npos) {
      errors.push_back({accounts.location(), path, "empty person name", "a name for the person, e.g. a CRM id", ""});
      continue;
    }
    if (!accounts.is_list()) continue;  // reported by the validator
    std::size_t index = 0;
    for (const auto& account : accounts.as_list()) {
      const std::string item_path = item_key_path(path, index++);
      if (!account.is_string()) continue;  // reported by the validator
      const std::string& text = account.as_string();
      const auto colon = text.find(':');
      if (colon == std::string::npos || colon == 0 || colon + 1 == text.size()) {
        errors.push_back({account.location(), item_path, "'" + text + "' does not name a connector and an author",
                          "'<connector id>:<author id as the platform gives it>', e.g. 'facebook:1029384756'", ""});
        continue;
      }
      const std::string connector_id = text.substr(0, colon);
      const std::string author_id = text.substr(colon + 1);
      if (std::find(connector_ids.begin(), connector_ids.end(), connector_id) == connector_ids.end()) {
        errors.push_back({account.location(), item_path, "no connector '" + connector_id + "' in this pipeline",
                          "the id of one of this pipeline's connectors: " + known_ids,
                          nearest(connector_id, connector_ids)});
        continue;
      }
      auto [first, inserted] = first_use.emplace(text, std::make_pair(person, account.location()));
      if (!inserted) {
        errors.push_back(
            {account.location(), item_path,
             "'" + text + "' is already linked to '" + first->second.first + "' (at " + first->second.second + ")",
             "each platform account in one person's list only", ""});
        continue;
      }
      links.link(connector_id, author_id, person);
    }
  }
  return links;
}

}  // namespace parley::host
