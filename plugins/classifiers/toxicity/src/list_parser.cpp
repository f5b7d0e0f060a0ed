#include "list_parser.hpp"

#include <charconv>
#include <stdexcept>

namespace parley::toxicity {
namespace {

std::string_view trim(std::string_view text) {
  const auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

}  // namespace

std::optional<ListEntry> parse_list_line(std::string_view line, std::string_view where) {
  line = trim(line);
  if (line.empty() || line.front() == '#') return std::nullopt;

  ListEntry entry;
  if (const auto bar = line.rfind('|'); bar != std::string_view::npos) {
    const auto number = trim(line.substr(bar + 1));
    double weight = 0.0;
    const auto [end, error] = std::from_chars(number.data(), number.data() + number.size(), weight);
    if (error != std::errc() || end != number.data() + number.size() || !(weight >= 0.0 && weight <= 1.0)) {
      throw std::invalid_argument("toxicity: " + std::string(where) + ": weight '" + std::string(number) +
                                  "' is not a number in [0,1]");
    }
    entry.weight = weight;
    line = trim(line.substr(0, bar));
  }
  if (!line.empty() && line.front() == '=') {
    entry.match = TermMatch::exact;
    line = trim(line.substr(1));
  } else if (!line.empty() && line.back() == '*') {
    entry.match = TermMatch::prefix;
    line = trim(line.substr(0, line.size() - 1));
  }
  if (line.empty()) return std::nullopt;
  entry.term = std::string(line);
  return entry;
}

std::vector<ListEntry> parse_list(std::string_view content, std::string_view where) {
  std::vector<ListEntry> entries;
  std::size_t line_number = 0;
  while (!content.empty()) {
    ++line_number;
    const auto newline = content.find('\n');
    const auto line = content.substr(0, newline);
    content = newline == std::string_view::npos ? std::string_view() : content.substr(newline + 1);
    if (auto entry = parse_list_line(line, std::string(where) + ":" + std::to_string(line_number))) {
      entries.push_back(std::move(*entry));
    }
  }
  return entries;
}

}  // namespace parley::toxicity
