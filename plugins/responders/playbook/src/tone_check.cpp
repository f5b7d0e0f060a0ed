#include "tone_check.hpp"

#include <map>
#include <span>

#include "embedded_file.hpp"
#include "text_normalizer.hpp"

std::span<const parley::text::EmbeddedFile> playbook_tone_files();

namespace parley::playbook {
namespace {

const text::TextNormalizer& normalizer() {
  static const text::TextNormalizer instance;
  return instance;
}

/// A phrase as searched: folded tokens between spaces, " you should have ".
/// A trailing '*' in the list ("idiot*") matches any word it starts
/// ("idiots", "idiotic"), so the closing space is left off.
std::string search_key(std::string_view phrase) {
  const bool prefix = !phrase.empty() && phrase.back() == '*';
  if (prefix) phrase.remove_suffix(1);
  text::NormalizedText folded;
  normalizer().normalize(phrase, folded);
  if (folded.tokens.empty()) return {};
  return " " + folded.text + (prefix ? "" : " ");
}

struct Phrase {
  std::string kind;
  std::string configured;
  std::string key;
};

std::string_view trim(std::string_view line) {
  const auto first = line.find_first_not_of(" \t\r");
  if (first == std::string_view::npos) return {};
  const auto last = line.find_last_not_of(" \t\r");
  return line.substr(first, last - first + 1);
}

/// tone/<lang>.txt: "[kind]" starts a section, one phrase a line, '#' comments.
std::map<std::string, std::vector<Phrase>, std::less<>> parse_lists() {
  std::map<std::string, std::vector<Phrase>, std::less<>> lists;
  for (const auto& file : playbook_tone_files()) {
    auto& phrases = lists[std::string(file.name.substr(0, file.name.find('.')))];
    std::string kind;
    std::size_t start = 0;
    while (start < file.content.size()) {
      auto end = file.content.find('\n', start);
      if (end == std::string_view::npos) end = file.content.size();
      const auto line = trim(file.content.substr(start, end - start));
      start = end + 1;
      if (line.empty() || line.front() == '#') continue;
      if (line.front() == '[' && line.back() == ']') {
        kind = std::string(line.substr(1, line.size() - 2));
        continue;
      }
      if (auto key = search_key(line); !key.empty() && !kind.empty()) {
        phrases.push_back({kind, std::string(line), std::move(key)});
      }
    }
  }
  return lists;
}

const std::vector<Phrase>& built_in(std::string_view lang) {
  static const auto lists = parse_lists();
  const auto found = lists.find(lang);
  return found != lists.end() ? found->second : lists.at("en");
}

}  // namespace

ToneCheck::ToneCheck(std::vector<std::string> boilerplate) {
  for (const auto& phrase : boilerplate) {
    if (auto key = search_key(trim(phrase)); !key.empty()) {
      boilerplate_.push_back(std::move(key));
      boilerplate_configured_.push_back(phrase);
    }
  }
}

std::vector<ToneProblem> ToneCheck::check(std::string_view text, std::string_view lang) const {
  text::NormalizedText folded;
  normalizer().normalize(text, folded);
  const auto haystack = " " + folded.text + " ";
  std::vector<ToneProblem> problems;
  for (const auto& phrase : built_in(lang)) {
    if (haystack.find(phrase.key) != std::string::npos) problems.push_back({phrase.kind, phrase.configured});
  }
  for (std::size_t i = 0; i < boilerplate_.size(); ++i) {
    if (haystack.find(boilerplate_[i]) != std::string::npos) {
      problems.push_back({"boilerplate", boilerplate_configured_[i]});
    }
  }
  return problems;
}

}  // namespace parley::playbook
