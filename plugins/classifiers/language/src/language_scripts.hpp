// Which script a language is written in, for the script fast path: Greek
// letters can only be el among a brand's languages, and so on.
#pragma once

#include <string_view>

#include "prepared_text.hpp"

namespace parley::language {

/// The usual script of an ISO 639-1 code. Latin for the Latin-script
/// languages it knows, Script::other for everything else (Hebrew, Hindi,
/// Chinese, ... and codes it does not know).
Script usual_script(std::string_view language);

}  // namespace parley::language
