#include "addressees.hpp"

#include "handle_key.hpp"
#include "handle_span.hpp"

namespace parley::playbook {

std::vector<std::string> mentioned_handles(std::string_view text) {
  std::vector<std::string> handles;
  for (std::size_t at = text.find('@'); at != std::string_view::npos; at = text.find('@', at + 1)) {
    if (text::handle_char_before(text, at)) continue;        // name@example.com
    std::size_t end = text::handle_end(text, at + 1, true);  // any script: "@Игорь_К"
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
    if (name.empty() || text::is_brand_handle(name, own_account) || text::is_brand_handle(name, own_brand))
      return false;
  }
  return true;
}

}  // namespace parley::playbook
