// Reads a cases file (`parley test`). Every mistake is a Diagnostic with
// file:line:col and the key, as `parley check` reports pipelines; all of them
// are reported, not just the first.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "config/diagnostic.hpp"
#include "policy_test/test_case.hpp"

namespace parley::host {

struct CasesLoad {
  std::optional<CasesFile> cases;  ///< set only when `errors` is empty
  Diagnostics errors;
};

CasesLoad load_cases_file(const std::filesystem::path& file);

/// Same, from text in memory; `source_name` stands for the file in locations.
CasesLoad parse_cases(std::string_view text, const std::string& source_name);

}  // namespace parley::host
