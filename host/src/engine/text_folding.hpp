// Text folding for the guard's word checks: Unicode case folding (ICU) and
// combining marks dropped, so "ΈΚΠΤΩΣΗ", "έκπτωση" and "εκπτωση" compare
// equal, as do "ZNIŻKA" and "znizka" (brands and customers both skip accents).
#pragma once

#include <string>
#include <string_view>

namespace parley::host {

/// The folded form of UTF-8 `text`. Invalid UTF-8 becomes U+FFFD, so it
/// can never spell a listed word by accident. Thread-safe.
std::string fold_for_matching(std::string_view text);

}  // namespace parley::host
