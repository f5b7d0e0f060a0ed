#include "lexicon.hpp"

#include <algorithm>

#include "stemmers.hpp"

namespace parley::toxicity {
namespace {

// Config terms carry no language: stem them with the stemmer of their script.
Language language_of_script(Script script) {
  switch (script) {
    case Script::greek: return Language::el;
    case Script::cyrillic: return Language::ru;
    case Script::arabic: return Language::ar;
    default: return Language::en;
  }
}

std::string join_literal(const std::vector<std::string>& words, bool closed) {
  std::string literal = " ";
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i != 0) literal += ' ';
    literal += words[i];
  }
  if (closed) literal += ' ';
  return literal;
}

}  // namespace

void Lexicon::add(const std::vector<ListEntry>& entries, Category category, std::optional<Language> language,
                  double default_weight) {
  for (const auto& entry : entries) {
    auto words = normalizer_.tokens(entry.term);
    if (words.empty()) continue;  // nothing matchable (punctuation only)
    Meaning meaning;
    meaning.category = category;
    meaning.weight = static_cast<float>(entry.weight.value_or(default_weight));
    meaning.languages = language ? bit(*language) : kAllLanguages;
    // Same words, category and language: the later entry wins. A prefix is a
    // different entry from the whole word.
    std::string key = join_literal(words, entry.match != TermMatch::prefix);
    key += static_cast<char>('0' + static_cast<int>(category));
    key += language ? to_string(*language) : "*";
    PendingEntry pending{std::move(words), entry.match, language, meaning};
    const auto [found, inserted] = pending_index_.try_emplace(std::move(key), pending_.size());
    if (inserted) {
      pending_.push_back(std::move(pending));
    } else {
      pending_[found->second] = std::move(pending);
    }
  }
}

void Lexicon::build() {
  for (const auto& entry : pending_) {
    const auto word_count = static_cast<std::uint32_t>(entry.words.size());
    const bool prefix = entry.match == TermMatch::prefix;
    add_literal(Stream::surface, join_literal(entry.words, !prefix), word_count, entry.meaning);
    if (entry.match == TermMatch::inflected) {
      const Language stem_language = entry.language.value_or(language_of_script(script_of(entry.words.front())));
      if (has_stemmer(stem_language)) {
        std::vector<std::string> stems;
        stems.reserve(entry.words.size());
        for (const auto& word : entry.words) stems.push_back(stem(stem_language, word));
        add_literal(Stream::stems, join_literal(stems, true), word_count, entry.meaning);
      }
    }
    if (is_abuse(entry.meaning.category) && word_count == 1 && entry.meaning.weight >= 0.5f) {
      mask_candidates_.push_back(
          {entry.words.front(), prefix, entry.meaning.category, entry.meaning.weight, entry.meaning.languages});
    }
  }
  // A mask hides the letters that tell words apart: "f***" reads as the
  // swear word, not the slur of the same shape ("fags", "faggot"). So the
  // mildest category comes first (profanity, insult, then hate, threat,
  // harassment), the strongest word first within it: a hate label can ban.
  std::stable_sort(mask_candidates_.begin(), mask_candidates_.end(),
                   [](const MaskCandidate& a, const MaskCandidate& b) {
                     if (a.category != b.category) return a.category < b.category;
                     return a.weight > b.weight;
                   });
  pending_.clear();
  pending_index_.clear();
}

void Lexicon::add_literal(Stream stream, std::string literal, std::uint32_t words, const Meaning& meaning) {
  auto& patterns = stream == Stream::surface ? surface_ : stems_;
  auto& index = stream == Stream::surface ? surface_index_ : stem_index_;
  const auto [found, inserted] = index.try_emplace(literal, patterns.size());
  if (inserted) {
    patterns.push_back({std::move(literal), words, {meaning}});
    return;
  }
  auto& meanings = patterns[found->second].meanings;
  for (auto& existing : meanings) {
    if (existing.category == meaning.category) {
      existing.weight = std::max(existing.weight, meaning.weight);  // e.g. one word in two languages
      existing.languages |= meaning.languages;
      return;
    }
  }
  meanings.push_back(meaning);
}

}  // namespace parley::toxicity
