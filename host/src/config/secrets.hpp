// Secrets in pipeline files: `${env:NAME}` and `${file:PATH}` inside string
// values are replaced by the variable's value or the file's content, and
// every value substituted is remembered so logs and messages can redact it.
#pragma once

#include <filesystem>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <vector>

#include "config/diagnostic.hpp"
#include "parley/config.hpp"

namespace parley::host {

/// Every secret value the host has seen. Reading (`redact`) is thread-safe
/// and may run concurrently with `remember`.
class SecretRegistry {
 public:
  /// Remembers `value` (empty values are ignored: they would match anywhere).
  /// Each line of a multi-line value (a key file) of 8 bytes or more is
  /// remembered too, because logs often print one line of it.
  void remember(std::string_view value);

  /// `text` with every occurrence of a remembered value replaced by "***";
  /// where two overlap, the longest wins. Short values are redacted too.
  std::string redact(std::string_view text) const;

  std::size_t size() const;

 private:
  void remember_locked(std::string value);

  mutable std::shared_mutex mutex_;
  std::vector<std::string> values_;  ///< unique, longest first
};

/// Replaces `${env:NAME}` and `${file:PATH}` in every string of `value`
/// (keys are left alone), anywhere in a string: "Bearer ${env:TOKEN}" works.
/// A relative PATH is relative to `base_dir`; the file's trailing newlines are
/// removed. `$${env:...}` is kept literally as `${env:...}`; any other
/// `${...}` (templates use them) is left untouched.
///
/// A missing variable or unreadable file is a Diagnostic at the string's
/// location naming the variable or file, never a value. `key_path` names
/// `value` in those diagnostics.
Diagnostics substitute_secrets(ConfigValue& value, const std::filesystem::path& base_dir, SecretRegistry& secrets,
                               const std::string& key_path = "");

/// Redacts every remembered secret from the text fields of `diagnostics`
/// (a last line of defence: a validator may quote a substituted value).
void redact_diagnostics(Diagnostics& diagnostics, const SecretRegistry& secrets);

}  // namespace parley::host
