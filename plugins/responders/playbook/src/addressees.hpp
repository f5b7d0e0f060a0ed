// Who a comment speaks to. "Tagging @sam_k: brunch here on Saturday?" is a
// question, but to a friend, not to the brand: answering it ("thanks for
// asking!") is the brand butting into a private exchange. The community gets
// such questions (P7, taken to its end).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace parley::playbook {

/// The @handles in `text` ("@sam_k" -> "sam_k"), in order. A handle is ASCII
/// letters, digits, '_' and '.', and an '@' inside a word (an e-mail address)
/// is not a mention.
std::vector<std::string> mentioned_handles(std::string_view text);

/// True when there are `handles` and none of them is the brand: each is
/// compared with `account` and `brand` on their letters and digits alone, case
/// aside, as text::is_brand_handle does ("@nordiccoffee" and
/// "@nordic_coffee_help" are the account "nordic-coffee" and the brand
/// "Nordic Coffee").
bool tags_only_others(const std::vector<std::string>& handles, std::string_view account, std::string_view brand);

}  // namespace parley::playbook
