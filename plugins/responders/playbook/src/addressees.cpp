#include "addressees.hpp"

#include "handle_key.hpp"

namespace parley::playbook {
namespace {

bool is_ascii_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }
bool is_handle_char(char c) { return is_ascii_alnum(c) || c == '_' || c == '.'; }

}  // namespace

std::vector<std::string> mentioned_handles(std::string_view text) {
  std::vector<std::string> handles;
  for (std::size_t at = text.find('@'); at != std::string_view::npos; at = text.find('@', at + 1)) {
    if (at > 0 && is_handle_char(text[at - 1])) continue;  // name@example.com
    std::size_t end = at + 1;
    while (end < text.size() && is_handle_char(text[end])) ++end;
    // A trailing dot ends the sentence, not the handle.
    while (end > at + 1 && text[end - 1] == '.') --end;
    if (end > at + 1) handles.emplace_back(text.substr(at + 1, end - at - 1));
  }
  return handles;
}

bool tags_only_others(const std::vector<std::string>& handles, std::string_view account, std::string_view brand) {
  if (handles.empty()) return false;
  const auto own_account = text::handle_key(account);
  const auto own_brand = text::handle_key(brand);
  for (const auto& handle : handles) {
    const auto name = text::handle_key(handle);
    if (name.empty() || name == own_account || name == own_brand) return false;
  }
  return true;
}

}  // namespace parley::playbook
