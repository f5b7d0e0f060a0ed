#include "romanized_words.hpp"

#include <algorithm>
#include <span>

#include "embedded_file.hpp"

std::span<const parley::text::EmbeddedFile> romanized_word_lists();

namespace parley::language {

RomanizedWords::RomanizedWords(const std::vector<std::string>& wanted) {
  for (const auto& file : romanized_word_lists()) {
    const std::string language(file.name.substr(0, file.name.find('.')));  // "el.txt" -> "el"
    if (std::find(wanted.begin(), wanted.end(), language) == wanted.end()) continue;
    languages_.push_back(language);
    std::string_view rest = file.content;
    while (!rest.empty()) {
      const auto end = rest.find('\n');
      std::string_view line = rest.substr(0, end);
      rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
      while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
      if (line.empty() || line.front() == '#') continue;
      // A word in two lists would be evidence for neither: the first list wins.
      language_of_.emplace(std::string(line), languages_.size() - 1);
    }
  }
}

RomanizedGuess RomanizedWords::clear_winner(std::string_view words) const {
  if (language_of_.empty() || words.empty()) return {};
  std::vector<std::size_t> hits(languages_.size(), 0);
  std::size_t word_count = 0;
  std::size_t start = 0;
  while (start <= words.size()) {
    auto end = words.find(' ', start);
    if (end == std::string_view::npos) end = words.size();
    if (end > start) {
      ++word_count;
      const auto found = language_of_.find(words.substr(start, end - start));
      if (found != language_of_.end()) ++hits[found->second];
    }
    start = end + 1;
  }
  const auto best = std::max_element(hits.begin(), hits.end());
  const std::size_t top = *best;
  const bool unique = std::count(hits.begin(), hits.end(), top) == 1;
  const std::size_t needed = word_count <= 2 ? 1 : 2;
  if (top < needed || !unique || top * 4 < word_count) return {};
  const double share = static_cast<double>(top) / static_cast<double>(word_count);
  return {languages_[static_cast<std::size_t>(best - hits.begin())], std::min(0.95, 0.5 + 0.5 * share)};
}

}  // namespace parley::language
