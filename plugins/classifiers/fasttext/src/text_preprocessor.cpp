#include "text_preprocessor.hpp"

#include <array>
#include <cstdint>
#include <utility>

namespace parley::fasttext {
namespace {

bool is_ascii_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

bool is_handle_char(char c) { return is_ascii_alnum(c) || c == '_'; }

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

char lower_ascii(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool starts_with_nocase(std::string_view text, std::size_t at, std::string_view prefix) {
  if (text.size() - at < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (lower_ascii(text[at + i]) != prefix[i]) return false;
  }
  return true;
}

void append_utf8(char32_t code_point, std::string& out) {
  if (code_point < 0x80) {
    out += static_cast<char>(code_point);
  } else if (code_point < 0x800) {
    out += static_cast<char>(0xC0 | (code_point >> 6));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else if (code_point < 0x10000) {
    out += static_cast<char>(0xE0 | (code_point >> 12));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (code_point >> 18));
    out += static_cast<char>(0x80 | ((code_point >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  }
}

/// The code point of a numeric entity body ("#8220", "#x1F602"), or 0.
char32_t numeric_entity(std::string_view body) {
  if (body.size() < 2 || body[0] != '#') return 0;
  const bool hex = body[1] == 'x' || body[1] == 'X';
  const std::string_view digits = body.substr(hex ? 2 : 1);
  if (digits.empty() || digits.size() > 7) return 0;
  std::uint32_t value = 0;
  for (const char c : digits) {
    int digit = -1;
    if (c >= '0' && c <= '9') digit = c - '0';
    if (hex && c >= 'a' && c <= 'f') digit = c - 'a' + 10;
    if (hex && c >= 'A' && c <= 'F') digit = c - 'A' + 10;
    if (digit < 0) return 0;
    value = value * (hex ? 16 : 10) + static_cast<std::uint32_t>(digit);
  }
  const bool valid = value > 0 && value <= 0x10FFFF && !(value >= 0xD800 && value <= 0xDFFF);
  return valid ? static_cast<char32_t>(value) : 0;
}

/// Length of the web link starting at `at`, or 0 when none starts there.
std::size_t url_length(std::string_view text, std::size_t at) {
  const bool scheme = starts_with_nocase(text, at, "http://") || starts_with_nocase(text, at, "https://");
  const bool www = starts_with_nocase(text, at, "www.") && (at == 0 || !is_ascii_alnum(text[at - 1]));
  if (!scheme && !www) return 0;
  std::size_t end = at;
  while (end < text.size() && !is_space(text[end])) ++end;
  return end - at;
}

/// Length of the @mention starting at `at`, or 0. "me@example.com" is no mention.
std::size_t mention_length(std::string_view text, std::size_t at) {
  if (text[at] != '@' || (at > 0 && is_handle_char(text[at - 1]))) return 0;
  std::size_t end = at + 1;
  while (end < text.size() && is_handle_char(text[end])) ++end;
  return end - at > 1 ? end - at : 0;
}

std::size_t code_point_length(std::string_view text, std::size_t at) {
  std::size_t end = at + 1;
  while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) ++end;
  return end - at;
}

/// Appends `token` with runs of one character longer than two cut to two.
void append_without_long_runs(std::string_view token, std::string& out) {
  std::string_view previous;
  int run = 0;
  for (std::size_t at = 0; at < token.size();) {
    const std::size_t length = code_point_length(token, at);
    const std::string_view current = token.substr(at, length);
    run = current == previous ? run + 1 : 1;
    if (run <= 2) out.append(current);
    previous = current;
    at += length;
  }
}

void append_token(std::string_view token, std::string& out) {
  if (!out.empty()) out += ' ';
  append_without_long_runs(token, out);
}

}  // namespace

std::string decode_html_entities(std::string_view raw) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 6> kNamed = {{
      {"amp", "&"},
      {"lt", "<"},
      {"gt", ">"},
      {"quot", "\""},
      {"apos", "'"},
      {"nbsp", " "},
  }};
  std::string out;
  out.reserve(raw.size());
  for (std::size_t at = 0; at < raw.size(); ++at) {
    if (raw[at] == '&') {
      const std::size_t semicolon = raw.find(';', at + 1);
      if (semicolon != std::string_view::npos && semicolon - at <= 10) {
        const std::string_view body = raw.substr(at + 1, semicolon - at - 1);
        bool decoded = false;
        for (const auto& [name, text] : kNamed) {
          if (body == name) {
            out.append(text);
            decoded = true;
            break;
          }
        }
        if (!decoded) {
          if (const char32_t code_point = numeric_entity(body)) {
            append_utf8(code_point, out);
            decoded = true;
          }
        }
        if (decoded) {
          at = semicolon;
          continue;
        }
      }
    }
    out += raw[at];
  }
  return out;
}

void TextPreprocessor::append_words(std::string_view segment, std::string& out) const {
  if (segment.empty()) return;
  thread_local text::NormalizedText words;
  normalizer_.normalize(segment, words);
  for (std::size_t i = 0; i < words.tokens.size(); ++i) append_token(words.token(i), out);
}

std::string TextPreprocessor::prepare(std::string_view raw) const {
  if (raw.size() > text::TextNormalizer::kMaxInputBytes) raw = raw.substr(0, text::TextNormalizer::kMaxInputBytes);
  const std::string text = decode_html_entities(raw);
  const std::string_view view(text);
  std::string out;
  out.reserve(text.size() + 16);
  std::size_t plain_start = 0;
  for (std::size_t at = 0; at < view.size();) {
    std::size_t length = url_length(view, at);
    std::string_view token = kUrlToken;
    if (length == 0) {
      length = mention_length(view, at);
      token = kUserToken;
    }
    if (length == 0) {
      ++at;
      continue;
    }
    append_words(view.substr(plain_start, at - plain_start), out);
    append_token(token, out);
    at += length;
    plain_start = at;
  }
  append_words(view.substr(plain_start), out);
  return out;
}

}  // namespace parley::fasttext
