#include "mail_address.hpp"

#include <stdexcept>

namespace parley::email {

namespace {

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

bool allowed_in_local_part(char c) {
  if (c <= ' ' || c >= 0x7f) return false;  // controls, space, non-ASCII
  for (char special : std::string_view("<>()[],;:\\\"@")) {
    if (c == special) return false;
  }
  return true;
}

bool allowed_in_domain(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
}

}  // namespace

std::optional<std::string> address_problem(std::string_view address) {
  if (address.empty()) return "is empty";
  if (address.size() > 254) return "is longer than 254 characters";
  const auto at = address.rfind('@');
  if (at == std::string_view::npos || at == 0 || at + 1 == address.size()) return "is not local@domain";
  for (char c : address.substr(0, at)) {
    if (!allowed_in_local_part(c))
      return "has a character not allowed in an address (space, control, <>()[],;:\\\" or non-ASCII)";
  }
  const auto domain = address.substr(at + 1);
  for (char c : domain) {
    if (!allowed_in_domain(c)) return "has a domain that is not letters, digits, '-' and '.'";
  }
  if (domain.front() == '.' || domain.back() == '.' || domain.find("..") != std::string_view::npos) {
    return "has a malformed domain";
  }
  return std::nullopt;
}

Mailbox parse_mailbox(std::string_view text) {
  text = trimmed(text);
  Mailbox result;
  if (!text.empty() && text.back() == '>') {
    const auto open = text.rfind('<');
    if (open == std::string_view::npos) throw std::invalid_argument("'" + std::string(text) + "' has no '<'");
    result.address = std::string(text.substr(open + 1, text.size() - open - 2));
    auto name = trimmed(text.substr(0, open));
    if (name.size() >= 2 && name.front() == '"' && name.back() == '"') name = name.substr(1, name.size() - 2);
    result.display_name = std::string(name);
    for (char c : result.display_name) {
      if (c == '\r' || c == '\n' || c == '\0') throw std::invalid_argument("the display name has a line break");
    }
  } else {
    result.address = std::string(text);
  }
  if (auto problem = address_problem(result.address)) {
    throw std::invalid_argument("address '" + result.address + "' " + *problem);
  }
  return result;
}

std::vector<std::string> parse_address_list(std::string_view text) {
  std::vector<std::string> result;
  while (true) {
    const auto comma = text.find(',');
    const auto item = trimmed(text.substr(0, comma));
    if (auto problem = address_problem(item)) {
      throw std::invalid_argument("address '" + std::string(item) + "' " + *problem);
    }
    result.emplace_back(item);
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return result;
}

std::string domain_of(const std::string& address) { return address.substr(address.rfind('@') + 1); }

}  // namespace parley::email
