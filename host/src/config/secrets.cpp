#include "config/secrets.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <mutex>
#include <optional>
#include <sstream>

#include "config/key_path.hpp"

namespace parley::host {
namespace {

constexpr std::string_view kEnvPrefix = "env:";
constexpr std::string_view kFilePrefix = "file:";
constexpr std::size_t kMinLineLength = 8;

struct Substituted {
  std::string text;
  bool ok = true;
};

std::optional<std::string> read_secret_file(const std::filesystem::path& path, std::string& why) {
  std::error_code error;
  if (!std::filesystem::exists(path, error)) {
    why = "file not found";
    return std::nullopt;
  }
  if (std::filesystem::is_directory(path, error)) {
    why = "is a directory";
    return std::nullopt;
  }
  std::ifstream stream(path, std::ios::binary);
  if (!stream) {
    why = std::strerror(errno);
    return std::nullopt;
  }
  std::ostringstream content;
  content << stream.rdbuf();
  if (stream.bad()) {
    why = "read error";
    return std::nullopt;
  }
  std::string text = content.str();
  // Editors end files with a newline; it is never part of the secret.
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  return text;
}

class Substituter {
 public:
  Substituter(const std::filesystem::path& base_dir, SecretRegistry& secrets, Diagnostics& errors)
      : base_dir_(base_dir), secrets_(secrets), errors_(errors) {}

  void walk(ConfigValue& value, const std::string& key_path) {
    if (value.is_string()) {
      if (value.as_string().find("${") == std::string::npos) return;
      const std::string location = value.location();
      Substituted result = substitute(value.as_string(), location, key_path);
      if (!result.ok) return;  // keep the original text: it holds no secret
      value = ConfigValue(std::move(result.text));
      value.set_location(location);
    } else if (value.is_list()) {
      // ConfigValue offers no mutable access: rebuild the container.
      ConfigValue::List items = value.as_list();
      for (std::size_t i = 0; i < items.size(); ++i) walk(items[i], item_key_path(key_path, i));
      replace_keeping_location(value, ConfigValue(std::move(items)));
    } else if (value.is_map()) {
      ConfigValue::Map entries = value.as_map();
      for (auto& [name, item] : entries) walk(item, child_key_path(key_path, name));
      replace_keeping_location(value, ConfigValue(std::move(entries)));
    }
  }

 private:
  static void replace_keeping_location(ConfigValue& target, ConfigValue replacement) {
    replacement.set_location(target.location());
    target = std::move(replacement);
  }

  Substituted substitute(const std::string& text, const std::string& location, const std::string& key_path) {
    Substituted result;
    std::size_t at = 0;
    while (at < text.size()) {
      const std::size_t start = text.find("${", at);
      if (start == std::string::npos) break;
      const std::string_view rest = std::string_view(text).substr(start + 2);
      const bool is_env = rest.starts_with(kEnvPrefix);
      const bool is_file = rest.starts_with(kFilePrefix);
      if (!is_env && !is_file) {  // e.g. a template's ${author}: not ours
        result.text.append(text, at, start + 2 - at);
        at = start + 2;
        continue;
      }
      if (start > 0 && text[start - 1] == '$') {  // "$${env:X}" means a literal "${env:X}"
        result.text.append(text, at, start - 1 - at);
        result.text += "${";
        at = start + 2;
        continue;
      }
      result.text.append(text, at, start - at);
      const std::size_t close = text.find('}', start);
      if (close == std::string::npos) {
        errors_.push_back(
            {location, key_path, "unterminated '${' in a secret reference", "${env:NAME} or ${file:PATH}", ""});
        result.ok = false;
        return result;
      }
      const std::size_t name_start = start + 2 + (is_env ? kEnvPrefix.size() : kFilePrefix.size());
      const std::string name = text.substr(name_start, close - name_start);
      std::optional<std::string> secret =
          is_env ? from_env(name, location, key_path) : from_file(name, location, key_path);
      if (secret) {
        result.text += *secret;
      } else {
        result.ok = false;  // keep going: report every missing secret of the string
      }
      at = close + 1;
    }
    if (at < text.size()) result.text.append(text, at, std::string::npos);
    return result;
  }

  std::optional<std::string> from_env(const std::string& name, const std::string& location,
                                      const std::string& key_path) {
    if (name.empty()) {
      errors_.push_back({location, key_path, "empty variable name in ${env:}", "${env:NAME}", ""});
      return std::nullopt;
    }
    const char* value = std::getenv(name.c_str());
    if (value == nullptr) {
      errors_.push_back({location, key_path, "environment variable '" + name + "' is not set", "", ""});
      return std::nullopt;
    }
    if (*value == '\0') {
      // A blank token is almost always a deployment mistake ("TOKEN=" in a .env file).
      errors_.push_back({location, key_path, "environment variable '" + name + "' is empty", "", ""});
      return std::nullopt;
    }
    secrets_.remember(value);
    return std::string(value);
  }

  std::optional<std::string> from_file(const std::string& name, const std::string& location,
                                       const std::string& key_path) {
    if (name.empty()) {
      errors_.push_back({location, key_path, "empty path in ${file:}", "${file:PATH}", ""});
      return std::nullopt;
    }
    std::filesystem::path path(name);
    if (path.is_relative()) path = base_dir_ / path;
    std::string why;
    std::optional<std::string> content = read_secret_file(path, why);
    if (!content) {
      errors_.push_back({location, key_path, "cannot read secret file '" + path.string() + "': " + why, "", ""});
      return std::nullopt;
    }
    secrets_.remember(*content);
    return content;
  }

  const std::filesystem::path& base_dir_;
  SecretRegistry& secrets_;
  Diagnostics& errors_;
};

}  // namespace

void SecretRegistry::remember(std::string_view value) {
  std::unique_lock lock(mutex_);
  remember_locked(std::string(value));
  if (value.find('\n') == std::string_view::npos) return;
  std::size_t start = 0;
  while (start <= value.size()) {
    std::size_t end = value.find('\n', start);
    if (end == std::string_view::npos) end = value.size();
    std::string_view line = value.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.size() >= kMinLineLength) remember_locked(std::string(line));
    start = end + 1;
  }
}

void SecretRegistry::remember_locked(std::string value) {
  if (value.empty()) return;
  if (std::find(values_.begin(), values_.end(), value) != values_.end()) return;
  // Longest first, so the first match found at a position is the longest one.
  auto position = std::find_if(values_.begin(), values_.end(),
                               [&](const std::string& known) { return known.size() < value.size(); });
  values_.insert(position, std::move(value));
}

std::string SecretRegistry::redact(std::string_view text) const {
  std::shared_lock lock(mutex_);
  if (values_.empty()) return std::string(text);
  std::string result;
  result.reserve(text.size());
  std::size_t at = 0;
  while (at < text.size()) {
    const std::string_view rest = text.substr(at);
    auto match = std::find_if(values_.begin(), values_.end(),
                              [&](const std::string& secret) { return rest.starts_with(secret); });
    if (match != values_.end()) {
      result += "***";
      at += match->size();
    } else {
      result += text[at++];
    }
  }
  return result;
}

std::size_t SecretRegistry::size() const {
  std::shared_lock lock(mutex_);
  return values_.size();
}

Diagnostics substitute_secrets(ConfigValue& value, const std::filesystem::path& base_dir, SecretRegistry& secrets,
                               const std::string& key_path) {
  Diagnostics errors;
  Substituter(base_dir, secrets, errors).walk(value, key_path);
  return errors;
}

void redact_diagnostics(Diagnostics& diagnostics, const SecretRegistry& secrets) {
  for (auto& diagnostic : diagnostics) {
    diagnostic.location = secrets.redact(diagnostic.location);
    diagnostic.key = secrets.redact(diagnostic.key);
    diagnostic.message = secrets.redact(diagnostic.message);
    diagnostic.expected = secrets.redact(diagnostic.expected);
    diagnostic.suggestion = secrets.redact(diagnostic.suggestion);
  }
}

}  // namespace parley::host
