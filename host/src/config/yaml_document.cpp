#include "config/yaml_document.hpp"

#include <yaml-cpp/yaml.h>

#include <cerrno>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>

#include "config/key_path.hpp"

namespace parley::host {
namespace {

// Aliases share nodes, so a few lines of YAML can expand into billions of
// values ("billion laughs"). No real pipeline comes close to this.
constexpr std::size_t kMaxValues = 1'000'000;

std::string location_of(const std::string& source, const YAML::Mark& mark) {
  if (mark.is_null() || mark.line < 0 || mark.column < 0) return source;
  return source + ":" + std::to_string(mark.line + 1) + ":" + std::to_string(mark.column + 1);
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

/// [-+]digits, nothing else (no hex, no underscores: a config wants no surprises).
bool looks_like_integer(std::string_view text) {
  if (!text.empty() && (text[0] == '-' || text[0] == '+')) text.remove_prefix(1);
  if (text.empty()) return false;
  for (char c : text) {
    if (!is_digit(c)) return false;
  }
  return true;
}

/// [-+](digits[.digits] | .digits)[(e|E)[-+]digits]; rejects "nan", "inf", "1.", "e5".
bool looks_like_decimal(std::string_view text) {
  std::size_t at = 0;
  auto digits = [&] {
    const std::size_t start = at;
    while (at < text.size() && is_digit(text[at])) ++at;
    return at - start;
  };
  if (at < text.size() && (text[at] == '-' || text[at] == '+')) ++at;
  const std::size_t whole = digits();
  std::size_t fraction = 0;
  if (at < text.size() && text[at] == '.') {
    ++at;
    fraction = digits();
    if (fraction == 0) return false;
  }
  if (whole == 0 && fraction == 0) return false;
  if (at < text.size() && (text[at] == 'e' || text[at] == 'E')) {
    ++at;
    if (at < text.size() && (text[at] == '-' || text[at] == '+')) ++at;
    if (digits() == 0) return false;
  }
  return at == text.size();
}

ConfigValue plain_scalar(const std::string& text) {
  if (text == "true") return ConfigValue(true);
  if (text == "false") return ConfigValue(false);
  std::string_view digits = text;
  if (!digits.empty() && digits[0] == '+') digits.remove_prefix(1);  // from_chars refuses '+'
  const char* const end = digits.data() + digits.size();
  if (looks_like_integer(text)) {
    std::int64_t integer = 0;
    const auto parsed = std::from_chars(digits.data(), end, integer);
    if (parsed.ec == std::errc() && parsed.ptr == end) return ConfigValue(integer);
    // Too large for 64 bits: still a number, just not an exact one.
  }
  if (looks_like_integer(text) || looks_like_decimal(text)) {
    double number = 0;
    const auto parsed = std::from_chars(digits.data(), end, number);
    if (parsed.ec == std::errc() && parsed.ptr == end) return ConfigValue(number);
  }
  return ConfigValue(text);
}

class Converter {
 public:
  Converter(const std::string& source, Diagnostics& errors) : source_(source), errors_(errors) {}

  /// `fallback` is where the value is written when yaml-cpp has no useful
  /// mark for it (empty values are marked at the *next* token).
  ConfigValue convert(const YAML::Node& node, const std::string& key_path, const std::string& fallback) {
    if (++values_ > kMaxValues) {
      if (!too_large_reported_) {
        too_large_reported_ = true;
        errors_.push_back(
            {fallback, key_path,
             "document too large (more than " + std::to_string(kMaxValues) + " values after expanding aliases)", "",
             ""});
      }
      return ConfigValue();
    }
    ConfigValue value;
    switch (node.Type()) {
      case YAML::NodeType::Undefined:
      case YAML::NodeType::Null: value.set_location(fallback); return value;
      case YAML::NodeType::Scalar:
        // Tag "?" = plain (resolve the type); "!" = quoted; anything else is
        // an explicit tag such as !!str. Only plain scalars are guessed.
        value = node.Tag() == "?" ? plain_scalar(node.Scalar()) : ConfigValue(node.Scalar());
        break;
      case YAML::NodeType::Sequence: {
        ConfigValue::List items;
        std::size_t index = 0;
        for (const auto& item : node) {
          items.push_back(convert(item, item_key_path(key_path, index++), location_of(source_, item.Mark())));
        }
        value = ConfigValue(std::move(items));
        break;
      }
      case YAML::NodeType::Map: value = convert_map(node, key_path); break;
    }
    value.set_location(location_of(source_, node.Mark()));
    return value;
  }

 private:
  ConfigValue convert_map(const YAML::Node& node, const std::string& key_path) {
    ConfigValue::Map entries;
    std::set<std::string> seen;
    for (const auto& entry : node) {
      // Node copies are cheap handles; `it->first` would dangle (it lives in a temporary proxy).
      const YAML::Node key = entry.first;
      const std::string key_location = location_of(source_, key.Mark());
      if (!key.IsScalar()) {
        errors_.push_back({key_location, key_path, "map keys must be plain text, not lists or maps", "", ""});
        continue;
      }
      const std::string& name = key.Scalar();
      const std::string path = child_key_path(key_path, name);
      if (!seen.insert(name).second) {
        // yaml-cpp keeps both entries; YAML says keys are unique. The first one wins.
        errors_.push_back({key_location, path, "duplicate key (already set earlier in this map)", "", ""});
        continue;
      }
      const YAML::Node item = entry.second;
      // yaml-cpp marks an empty value at the next token and a block list or
      // map at its first entry, maybe lines later: point at the key instead.
      const bool empty = item.IsNull() || !item.IsDefined();
      const bool block = (item.IsMap() || item.IsSequence()) && item.Style() != YAML::EmitterStyle::Flow;
      ConfigValue converted = convert(item, path, key_location);
      if (empty || block) converted.set_location(key_location);
      entries.emplace_back(name, std::move(converted));
    }
    return ConfigValue(std::move(entries));
  }

  const std::string& source_;
  Diagnostics& errors_;
  std::size_t values_ = 0;
  bool too_large_reported_ = false;
};

}  // namespace

YamlDocument load_yaml_string(std::string_view text, const std::string& source_name) {
  YamlDocument document;
  YAML::Node root;
  try {
    root = YAML::Load(std::string(text));
  } catch (const YAML::ParserException& error) {
    document.errors.push_back({location_of(source_name, error.mark), "", error.msg, "", ""});
    return document;
  } catch (const YAML::Exception& error) {
    document.errors.push_back({location_of(source_name, error.mark), "", error.msg, "", ""});
    return document;
  }
  try {
    Converter converter(source_name, document.errors);
    document.root = converter.convert(root, "", source_name);
  } catch (const YAML::Exception& error) {  // defensive: node access should not throw here
    document.errors.push_back({location_of(source_name, error.mark), "", error.msg, "", ""});
    document.root = ConfigValue();
  }
  return document;
}

YamlDocument load_yaml_file(const std::filesystem::path& file) {
  const std::string source = file.string();
  std::error_code error;
  if (!std::filesystem::exists(file, error)) {
    return {ConfigValue(), {{source, "", "file not found", "", ""}}};
  }
  if (std::filesystem::is_directory(file, error)) {
    return {ConfigValue(), {{source, "", "is a directory, not a file", "", ""}}};
  }
  std::ifstream stream(file, std::ios::binary);
  if (!stream) {
    return {ConfigValue(), {{source, "", std::string("cannot open file: ") + std::strerror(errno), "", ""}}};
  }
  std::ostringstream text;
  text << stream.rdbuf();
  if (stream.bad()) {
    return {ConfigValue(), {{source, "", "cannot read file", "", ""}}};
  }
  return load_yaml_string(text.str(), source);
}

}  // namespace parley::host
