#include "cue_matcher.hpp"

#include <algorithm>
#include <cstdint>

namespace parley::persona {

CueMatcher::CueMatcher(std::size_t group_count) : group_count_(group_count) {}

bool CueMatcher::add(std::size_t group, std::string_view phrase) {
  Cue cue;
  cue.group = group;
  text::NormalizedText folded;
  std::size_t start = 0;
  while (start < phrase.size()) {
    auto end = phrase.find(' ', start);
    if (end == std::string_view::npos) end = phrase.size();
    auto word = phrase.substr(start, end - start);
    start = end + 1;
    const bool prefix = !word.empty() && word.back() == '*';
    if (prefix) word.remove_suffix(1);
    normalizer_.normalize(word, folded);
    for (std::size_t i = 0; i < folded.tokens.size(); ++i) {
      // "don't" folds to two tokens; the star applies to the last one.
      const bool last = i + 1 == folded.tokens.size();
      cue.words.push_back({std::string(folded.token(i)), prefix && last});
    }
  }
  if (cue.words.empty()) return false;
  const auto index = cues_.size();
  const auto& first = cue.words.front();
  if (first.prefix) {
    by_first_prefix_.insert(first.folded, static_cast<std::uint32_t>(index));
  } else {
    by_first_word_[first.folded].push_back(index);
  }
  cues_.push_back(std::move(cue));
  return true;
}

bool CueMatcher::matches_at(const text::NormalizedText& text, std::size_t first, const Cue& cue) const {
  if (first + cue.words.size() > text.tokens.size()) return false;
  for (std::size_t i = 1; i < cue.words.size(); ++i) {
    const auto token = text.token(first + i);
    const auto& word = cue.words[i];
    if (word.prefix ? !token.starts_with(word.folded) : token != word.folded) return false;
  }
  return true;
}

std::vector<int> CueMatcher::count(const text::NormalizedText& text) const {
  std::vector<int> counts(group_count_, 0);
  std::vector<std::size_t> found;  // cue indexes, to count each cue once
  const auto consider = [&](std::size_t index, std::size_t position) {
    if (matches_at(text, position, cues_[index])) found.push_back(index);
  };
  for (std::size_t position = 0; position < text.tokens.size(); ++position) {
    const auto token = text.token(position);
    if (const auto exact = by_first_word_.find(token); exact != by_first_word_.end()) {
      for (const auto index : exact->second) consider(index, position);
    }
    by_first_prefix_.for_each_prefix_of(token, [&](std::uint32_t index) { consider(index, position); });
  }
  std::sort(found.begin(), found.end());
  found.erase(std::unique(found.begin(), found.end()), found.end());
  for (const auto index : found) ++counts[cues_[index].group];
  return counts;
}

}  // namespace parley::persona
