// A text file compiled into a plugin by parley_embed_text() (CMake).
#pragma once

#include <string_view>

namespace parley::text {

struct EmbeddedFile {
  std::string_view name;     ///< file name without its directory, e.g. "en.tsv"
  std::string_view content;  ///< the file's bytes
};

}  // namespace parley::text
