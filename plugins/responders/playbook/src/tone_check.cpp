#include "tone_check.hpp"

#include <algorithm>
#include <map>
#include <span>
#include <unordered_map>

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

std::string_view trim_line(std::string_view line) {
  const auto first = line.find_first_not_of(" \t\r");
  if (first == std::string_view::npos) return {};
  const auto last = line.find_last_not_of(" \t\r");
  return line.substr(first, last - first + 1);
}

/// One language's phrases, indexed by their first word so that a text is
/// read once instead of once per phrase (hundreds of them per language).
struct PhraseIndex {
  std::vector<Phrase> phrases;
  std::unordered_map<std::string, std::vector<std::size_t>> by_first_word;
  std::vector<std::size_t> word_starts;  ///< one-word prefix phrases ("idiot*"): searched as is

  void add(Phrase phrase) {
    const auto index = phrases.size();
    const auto end_of_first = phrase.key.find(' ', 1);
    if (end_of_first == std::string::npos) {
      word_starts.push_back(index);
    } else {
      by_first_word[phrase.key.substr(1, end_of_first - 1)].push_back(index);
    }
    phrases.push_back(std::move(phrase));
  }

  /// Indexes (in list order) of the phrases found in `folded`.
  std::vector<std::size_t> find_in(const text::NormalizedText& folded) const {
    const auto haystack = " " + folded.text + " ";
    std::vector<std::size_t> found;
    for (std::size_t token = 0; token < folded.tokens.size(); ++token) {
      const auto candidates = by_first_word.find(std::string(folded.token(token)));
      if (candidates == by_first_word.end()) continue;
      const auto at = folded.tokens[token].begin;  // the space before the word, in `haystack`
      for (const auto index : candidates->second) {
        if (haystack.compare(at, phrases[index].key.size(), phrases[index].key) == 0) found.push_back(index);
      }
    }
    for (const auto index : word_starts) {
      if (haystack.find(phrases[index].key) != std::string::npos) found.push_back(index);
    }
    std::sort(found.begin(), found.end());
    found.erase(std::unique(found.begin(), found.end()), found.end());
    return found;
  }
};

/// tone/<lang>.txt: "[kind]" starts a section, one phrase a line, '#' comments.
std::map<std::string, PhraseIndex, std::less<>> parse_lists() {
  std::map<std::string, PhraseIndex, std::less<>> lists;
  for (const auto& file : playbook_tone_files()) {
    auto& index = lists[std::string(file.name.substr(0, file.name.find('.')))];
    std::string kind;
    std::size_t start = 0;
    while (start < file.content.size()) {
      auto end = file.content.find('\n', start);
      if (end == std::string_view::npos) end = file.content.size();
      const auto line = trim_line(file.content.substr(start, end - start));
      start = end + 1;
      if (line.empty() || line.front() == '#') continue;
      if (line.front() == '[' && line.back() == ']') {
        kind = std::string(line.substr(1, line.size() - 2));
        continue;
      }
      if (auto key = search_key(line); !key.empty() && !kind.empty()) {
        index.add({kind, std::string(line), std::move(key)});
      }
    }
  }
  return lists;
}

const PhraseIndex& built_in(std::string_view lang) {
  static const auto lists = parse_lists();
  const auto found = lists.find(lang);
  return found != lists.end() ? found->second : lists.at("en");
}

}  // namespace

ToneCheck::ToneCheck(std::vector<std::string> boilerplate) {
  for (const auto& phrase : boilerplate) {
    if (auto key = search_key(trim_line(phrase)); !key.empty()) {
      boilerplate_.push_back(std::move(key));
      boilerplate_configured_.push_back(phrase);
    }
  }
}

std::vector<ToneProblem> ToneCheck::check(std::string_view text, std::string_view lang) const {
  text::NormalizedText folded;
  normalizer().normalize(text, folded);
  std::vector<ToneProblem> problems;
  const auto& index = built_in(lang);
  for (const auto found : index.find_in(folded)) {
    problems.push_back({index.phrases[found].kind, index.phrases[found].configured});
  }
  const auto haystack = " " + folded.text + " ";
  for (std::size_t i = 0; i < boilerplate_.size(); ++i) {
    if (haystack.find(boilerplate_[i]) != std::string::npos) {
      problems.push_back({"boilerplate", boilerplate_configured_[i]});
    }
  }
  return problems;
}

}  // namespace parley::playbook
