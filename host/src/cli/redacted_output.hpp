// What the state commands (approvals, dead-letters) print: text and JSON on
// standard output, errors on standard error, every string redacted first.
#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "config/secrets.hpp"

namespace parley::host {

class RedactedOutput {
 public:
  explicit RedactedOutput(std::shared_ptr<SecretRegistry> secrets) : secrets_(std::move(secrets)) {}

  void print(const std::string& text) const;
  /// One JSON document on one line.
  void print_json(const nlohmann::json& json) const;
  /// "parley: MESSAGE" on standard error; returns kExitWorkFailed.
  int fail(const std::string& message) const;

 private:
  std::shared_ptr<SecretRegistry> secrets_;
};

}  // namespace parley::host
