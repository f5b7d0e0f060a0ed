// Reading a received message in tests: its header lines, a header's value and
// its base64 body decoded (a decoder of its own, not the connector's encoder).
#pragma once

#include <string>
#include <string_view>

namespace parley::test {

/// The header block, up to (not including) the blank line.
inline std::string header_block(const std::string& data) { return data.substr(0, data.find("\r\n\r\n") + 2); }

/// The raw value of header `name` (folded lines kept as they are), or "" when absent.
inline std::string header_value(const std::string& data, const std::string& name) {
  const auto headers = "\r\n" + header_block(data);
  const auto at = headers.find("\r\n" + name + ": ");
  if (at == std::string::npos) return "";
  const auto start = at + name.size() + 4;
  auto end = headers.find("\r\n", start);
  while (end + 2 < headers.size() && (headers[end + 2] == ' ' || headers[end + 2] == '\t')) {
    end = headers.find("\r\n", end + 2);
  }
  return headers.substr(start, end - start);
}

/// The body after the blank line, base64-decoded (line breaks skipped).
inline std::string decoded_body(const std::string& data) {
  const std::string_view alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  unsigned bits = 0;
  int count = 0;
  for (char c : data.substr(data.find("\r\n\r\n") + 4)) {
    const auto value = alphabet.find(c);
    if (value == std::string_view::npos) continue;  // CRLF and '=' padding
    bits = (bits << 6) | static_cast<unsigned>(value);
    count += 6;
    if (count >= 8) {
      count -= 8;
      out += static_cast<char>((bits >> count) & 0xFF);
    }
  }
  return out;
}

/// True when every LF in `data` is part of a CRLF.
inline bool only_crlf_line_endings(const std::string& data) {
  for (std::size_t i = 0; i < data.size(); ++i) {
    if (data[i] == '\n' && (i == 0 || data[i - 1] != '\r')) return false;
    if (data[i] == '\r' && (i + 1 == data.size() || data[i + 1] != '\n')) return false;
  }
  return true;
}

}  // namespace parley::test
