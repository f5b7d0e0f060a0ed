// Cld2Engine: Google's Compact Language Detector 2 (Apache-2.0, Debian's
// libcld2). Its verdict is used only when it calls itself reliable: on short
// texts it answers "en" when it does not know.
#pragma once

#include <string>
#include <string_view>

namespace parley::language {

struct Cld2Guess {
  std::string language;  ///< ISO 639-1, empty when CLD2 has no reliable answer
};

/// Threading: CLD2 is stateless and thread-safe.
Cld2Guess cld2_detect(std::string_view words);

}  // namespace parley::language
