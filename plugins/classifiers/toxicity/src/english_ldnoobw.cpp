#include "english_ldnoobw.hpp"

#include <unordered_set>

namespace parley::toxicity {

std::string english_plural(std::string_view word) {
  const std::string text(word);
  const auto ends_with = [&word](std::string_view end) { return word.ends_with(end); };
  if (ends_with("s") || ends_with("x") || ends_with("z") || ends_with("ch") || ends_with("sh")) return text + "es";
  const bool consonant_y = word.size() > 1 && ends_with("y") &&
                           std::string_view("aeiou").find(word[word.size() - 2]) == std::string_view::npos;
  if (consonant_y) return text.substr(0, text.size() - 1) + "ies";
  return text + "s";
}

std::vector<ListEntry> english_ldnoobw_entries(std::vector<ListEntry> entries) {
  std::vector<ListEntry> result;
  result.reserve(entries.size() * 2);
  for (auto& entry : entries) {
    if (entry.match == TermMatch::inflected) entry.match = TermMatch::exact;
    const bool has_plural = entry.match == TermMatch::exact;
    result.push_back(entry);
    if (has_plural) {
      entry.term = english_plural(entry.term);
      result.push_back(std::move(entry));
    }
  }
  return result;
}

std::vector<ListEntry> with_refined_plurals(std::vector<ListEntry> curated, const std::vector<ListEntry>& ldnoobw) {
  std::unordered_set<std::string> ldnoobw_words;
  for (const auto& entry : ldnoobw) ldnoobw_words.insert(entry.term);
  std::unordered_set<std::string> curated_words;  // a plural the list weighs itself keeps its weight
  for (const auto& entry : curated) {
    if (entry.match != TermMatch::prefix) curated_words.insert(entry.term);
  }
  const std::size_t count = curated.size();
  for (std::size_t i = 0; i < count; ++i) {
    if (curated[i].match == TermMatch::prefix || !ldnoobw_words.contains(curated[i].term)) continue;
    ListEntry plural = curated[i];
    plural.match = TermMatch::exact;
    plural.term = english_plural(plural.term);
    if (!curated_words.contains(plural.term)) curated.push_back(std::move(plural));
  }
  return curated;
}

}  // namespace parley::toxicity
