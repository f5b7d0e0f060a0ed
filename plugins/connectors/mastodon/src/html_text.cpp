#include "html_text.hpp"

#include <algorithm>
#include <cstdint>

namespace parley::mastodon {

namespace {

std::string lower(std::string_view text) {
  std::string result(text);
  std::transform(result.begin(), result.end(), result.begin(),
                 [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; });
  return result;
}

void append_utf8(std::string& out, std::uint32_t code) {
  if (code == 0 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) code = 0xFFFD;
  if (code < 0x80) {
    out += static_cast<char>(code);
  } else if (code < 0x800) {
    out += static_cast<char>(0xC0 | (code >> 6));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else if (code < 0x10000) {
    out += static_cast<char>(0xE0 | (code >> 12));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (code >> 18));
    out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  }
}

/// Decodes the reference at html[at] == '&'; returns the characters it used (0: not one).
std::size_t decode_reference(std::string_view html, std::size_t at, std::string& out) {
  const auto end = html.find(';', at);
  if (end == std::string_view::npos || end - at > 10) return 0;
  const auto name = html.substr(at + 1, end - at - 1);
  if (name.size() >= 2 && name[0] == '#') {
    const bool hex = name[1] == 'x' || name[1] == 'X';
    const auto digits = name.substr(hex ? 2 : 1);
    if (digits.empty()) return 0;
    std::uint32_t code = 0;
    for (const char c : digits) {
      int value = -1;
      if (c >= '0' && c <= '9') value = c - '0';
      if (hex && c >= 'a' && c <= 'f') value = c - 'a' + 10;
      if (hex && c >= 'A' && c <= 'F') value = c - 'A' + 10;
      if (value < 0) return 0;
      code = code * (hex ? 16 : 10) + static_cast<std::uint32_t>(value);
      if (code > 0x10FFFF) code = 0x110000;  // stays invalid, never overflows
    }
    append_utf8(out, code);
    return end - at + 1;
  }
  static constexpr std::pair<std::string_view, std::string_view> kNamed[] = {
      {"amp", "&"}, {"lt", "<"}, {"gt", ">"}, {"quot", "\""}, {"apos", "'"}, {"nbsp", "\xC2\xA0"}};
  for (const auto& [entity, text] : kNamed) {
    if (name == entity) {
      out += text;
      return end - at + 1;
    }
  }
  return 0;
}

void line_break(std::string& out) {
  if (!out.empty() && out.back() != '\n') out += '\n';
}

}  // namespace

std::string html_to_text(std::string_view html) {
  std::string out;
  std::size_t at = 0;
  while (at < html.size()) {
    const char c = html[at];
    if (c == '<') {
      const auto close = html.find('>', at);
      if (close == std::string_view::npos) break;  // a cut-off tag: drop the rest
      auto tag = lower(html.substr(at + 1, close - at - 1));
      const bool closing = !tag.empty() && tag[0] == '/';
      if (closing) tag.erase(0, 1);
      const auto name = tag.substr(0, tag.find_first_of(" \t\r\n/"));
      at = close + 1;
      if (name == "br" || (closing && name == "p")) line_break(out);
      if (!closing && (name == "script" || name == "style")) {
        const auto skip = lower(html.substr(at)).find("</" + name);
        at = skip == std::string::npos ? html.size() : at + skip;
      }
      continue;
    }
    if (c == '&') {
      if (const auto used = decode_reference(html, at, out)) {
        at += used;
        continue;
      }
    }
    // Raw newlines in HTML are whitespace; the tags above carry the breaks.
    out += (c == '\n' || c == '\r') ? ' ' : c;
    ++at;
  }
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
  std::size_t start = 0;
  while (start < out.size() && (out[start] == '\n' || out[start] == ' ')) ++start;
  return out.substr(start);
}

std::size_t code_points(std::string_view text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

}  // namespace parley::mastodon
