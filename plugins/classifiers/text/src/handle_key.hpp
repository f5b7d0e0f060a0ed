// handle_key: how an @handle, an account id and a brand name are compared
// (toxicity's brand handles, the playbook's "tags only other people").
#pragma once

#include <string>
#include <string_view>

namespace parley::text {

/// The ASCII letters and digits of `name`, lower case: "Nordic Coffee",
/// "nordic-coffee" and "@Nordic_Coffee" are all "nordiccoffee". A name with
/// no ASCII letter or digit ("Αρωμα") gives "".
inline std::string handle_key(std::string_view name) {
  std::string key;
  for (const char c : name) {
    if (c >= 'A' && c <= 'Z') {
      key += static_cast<char>(c - 'A' + 'a');
    } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      key += c;
    }
  }
  return key;
}

/// Whether an @handle is the brand's own account: its key starts with the
/// brand's (`@NordicCoffee`, `@nordic_coffee_help` for "nordic-coffee" or
/// "Nordic Coffee"). Keys as handle_key gives them; an empty one is nobody's.
inline bool is_brand_handle(std::string_view handle_key_of_handle, std::string_view brand_key) {
  return !brand_key.empty() && !handle_key_of_handle.empty() && handle_key_of_handle.starts_with(brand_key);
}

}  // namespace parley::text
