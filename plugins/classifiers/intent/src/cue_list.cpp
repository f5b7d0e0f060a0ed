#include "cue_list.hpp"

#include <stdexcept>

namespace parley::intent {

namespace {
bool is_space(char ch) { return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n'; }

std::string_view trim(std::string_view text) {
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}
}  // namespace

std::vector<CueLine> parse_cue_file(std::string_view file_name, std::string_view content) {
  std::vector<CueLine> lines;
  std::string section;
  std::size_t line_number = 0;
  while (!content.empty()) {
    ++line_number;
    const std::size_t end = content.find('\n');
    const std::string_view line = trim(content.substr(0, end));
    content = end == std::string_view::npos ? std::string_view() : content.substr(end + 1);
    if (line.empty() || (line.front() == '#' && line.size() > 1 && line[1] == ' ') || line == "#") continue;
    if (line.front() == '[') {
      if (line.back() != ']' || line.size() < 3) {
        throw std::invalid_argument("intent: " + std::string(file_name) + ":" + std::to_string(line_number) +
                                    ": malformed section header");
      }
      section = std::string(line.substr(1, line.size() - 2));
      continue;
    }
    if (section.empty()) {
      throw std::invalid_argument("intent: " + std::string(file_name) + ":" + std::to_string(line_number) +
                                  ": cue before any [section]");
    }
    lines.push_back({section, std::string(line)});
  }
  return lines;
}

std::vector<RawWord> split_term(std::string_view term) {
  std::vector<RawWord> words;
  std::size_t at = 0;
  while (at < term.size()) {
    while (at < term.size() && is_space(term[at])) ++at;
    std::size_t end = at;
    while (end < term.size() && !is_space(term[end])) ++end;
    if (end > at) {
      std::string_view word = term.substr(at, end - at);
      RawWord raw;
      if (word.size() > 1 && word.back() == '*') {
        raw.stem = true;
        word.remove_suffix(1);
      }
      raw.text = std::string(word);
      words.push_back(std::move(raw));
    }
    at = end;
  }
  return words;
}

}  // namespace parley::intent
