// handle_span: where an @handle's name ends, in any script. Platforms that
// show names for mentions (Facebook, VK) put "@Игорь_К" and "@Νίκος_Π" in
// the text, not only "@igor_k".
#pragma once

#include <cstddef>
#include <string_view>

namespace parley::text {

/// The end of the handle name that starts at `start` (just after an '@'):
/// letters and digits of any script, their combining marks, '_' and, with
/// `with_dots`, '.' ("@maria.k"). Returns `start` when no name starts there.
std::size_t handle_end(std::string_view text, std::size_t start, bool with_dots = false);

/// Whether the character that ends just before `at` is a letter, a digit or
/// '_': then an '@' at `at` is inside a word or an address (name@example.com),
/// not a mention.
bool handle_char_before(std::string_view text, std::size_t at);

}  // namespace parley::text
