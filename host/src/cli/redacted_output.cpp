#include "cli/redacted_output.hpp"

#include <iostream>

#include "cli/approval_report.hpp"
#include "cli/cli.hpp"

namespace parley::host {

void RedactedOutput::print(const std::string& text) const { std::cout << secrets_->redact(text) << std::flush; }

void RedactedOutput::print_json(const nlohmann::json& json) const {
  std::cout << redact_json(json, *secrets_).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n"
            << std::flush;
}

int RedactedOutput::fail(const std::string& message) const {
  std::cerr << "parley: " << secrets_->redact(message) << "\n";
  return kExitWorkFailed;
}

}  // namespace parley::host
