#include "json/json_writer.hpp"

#include <unicode/utf8.h>

#include <array>
#include <charconv>
#include <cmath>
#include <cstring>

namespace parley::host {

namespace {

constexpr char kHex[] = "0123456789abcdef";
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

/// True for the bytes copied as they are without a look at UTF-8: printable
/// ASCII except '"' and '\\'.
constexpr auto kPlainAscii = [] {
  std::array<bool, 256> plain{};
  for (int c = 0x20; c < 0x80; ++c) plain[static_cast<std::size_t>(c)] = c != '"' && c != '\\';
  return plain;
}();

void append_escaped_ascii(std::string& out, unsigned char c) {
  switch (c) {
    case '"': out += "\\\""; return;
    case '\\': out += "\\\\"; return;
    case '\b': out += "\\b"; return;
    case '\f': out += "\\f"; return;
    case '\n': out += "\\n"; return;
    case '\r': out += "\\r"; return;
    case '\t': out += "\\t"; return;
    default: break;
  }
  if (c < 0x20) {
    out += "\\u00";
    out += kHex[c >> 4];
    out += kHex[c & 0x0F];
    return;
  }
  out += static_cast<char>(c);
}

}  // namespace

void append_json_string(std::string& out, std::string_view text) {
  std::size_t plain = 0;
  while (plain < text.size() && kPlainAscii[static_cast<unsigned char>(text[plain])]) ++plain;
  if (plain == text.size()) {
    // Most keys and many values: one copy between the quotes.
    const auto start = out.size();
    out.resize(start + text.size() + 2);
    char* at = out.data() + start;
    at[0] = '"';
    if (!text.empty()) std::memcpy(at + 1, text.data(), text.size());
    at[text.size() + 1] = '"';
    return;
  }
  out.reserve(out.size() + text.size() + 2);
  out += '"';
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto length = static_cast<std::int32_t>(text.size());
  auto at = static_cast<std::int32_t>(plain);
  std::int32_t run_start = 0;  // bytes from here to `at` are copied as they are
  const auto flush = [&] { out.append(text.data() + run_start, static_cast<std::size_t>(at - run_start)); };
  while (at < length) {
    const auto byte = bytes[at];
    if (byte < 0x80) {
      if (byte >= 0x20 && byte != '"' && byte != '\\') {
        ++at;
        continue;
      }
      flush();
      append_escaped_ascii(out, bytes[at++]);
      run_start = at;
      continue;
    }
    const auto start = at;
    UChar32 code_point = 0;
    U8_NEXT(bytes, at, length, code_point);  // moves past one character or one ill-formed sequence
    if (code_point >= 0) continue;           // well-formed: stays in the run
    const auto after = at;
    at = start;
    flush();
    out += kReplacement;
    at = run_start = after;
  }
  flush();
  out += '"';
}

void JsonWriter::before_value() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (has_elements_.empty()) return;
  if (has_elements_.back()) out_ += ',';
  has_elements_.back() = true;
}

JsonWriter& JsonWriter::begin_object() {
  before_value();
  out_ += '{';
  has_elements_.push_back(false);
  return *this;
}

JsonWriter& JsonWriter::end_object() {
  out_ += '}';
  has_elements_.pop_back();
  return *this;
}

JsonWriter& JsonWriter::begin_array() {
  before_value();
  out_ += '[';
  has_elements_.push_back(false);
  return *this;
}

JsonWriter& JsonWriter::end_array() {
  out_ += ']';
  has_elements_.pop_back();
  return *this;
}

JsonWriter& JsonWriter::key(std::string_view name) {
  before_value();
  append_json_string(out_, name);
  out_ += ':';
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::value(std::string_view text) {
  before_value();
  append_json_string(out_, text);
  return *this;
}

JsonWriter& JsonWriter::value(std::int64_t number) {
  before_value();
  char buffer[24];
  const auto written = std::to_chars(std::begin(buffer), std::end(buffer), number);
  out_.append(buffer, written.ptr);
  return *this;
}

JsonWriter& JsonWriter::value(double number) {
  before_value();
  if (!std::isfinite(number)) {
    out_ += "null";
    return *this;
  }
  char buffer[32];
  const auto written = std::to_chars(std::begin(buffer), std::end(buffer), number);
  const std::string_view digits(buffer, static_cast<std::size_t>(written.ptr - buffer));
  out_ += digits;
  if (digits.find_first_of(".e") == std::string_view::npos) out_ += ".0";
  return *this;
}

JsonWriter& JsonWriter::value(bool flag) {
  before_value();
  out_ += flag ? "true" : "false";
  return *this;
}

JsonWriter& JsonWriter::raw(std::string_view json) {
  before_value();
  out_ += json;
  return *this;
}

}  // namespace parley::host
