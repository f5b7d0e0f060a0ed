#include "keyword_matcher.hpp"

#include <algorithm>
#include <stdexcept>

namespace parley::keywords {
namespace {

void add_unique(std::vector<std::uint32_t>& values, std::uint32_t value) {
  if (std::find(values.begin(), values.end(), value) == values.end()) values.push_back(value);
}

std::string join(const std::vector<std::string>& tokens) {
  std::string joined;
  for (const auto& token : tokens) {
    if (!joined.empty()) joined.push_back(' ');
    joined += token;
  }
  return joined;
}

}  // namespace

KeywordMatcher::KeywordMatcher(const std::vector<LabelTerms>& labels) {
  labels_.reserve(labels.size());
  for (const auto& spec : labels) {
    const auto label = static_cast<std::uint32_t>(labels_.size());
    labels_.push_back({spec.label, spec.score, spec.mode});
    for (const auto& term : spec.terms) {
      auto tokens = normalizer_.tokens(term);
      if (tokens.empty()) {
        throw std::invalid_argument("keywords: label '" + spec.label + "': term '" + term +
                                    "' has no letters, digits or symbols to match");
      }
      switch (spec.mode) {
        case MatchMode::word: add_word_term(label, tokens); break;
        case MatchMode::prefix: add_prefix_term(label, std::move(tokens)); break;
        case MatchMode::substring:
          substrings_.insert(join(tokens), label);
          ++stats_.substring_terms;
          break;
      }
    }
  }
  stats_.labels = labels_.size();
  words_.freeze();
  phrases_.freeze();
  stems_.freeze();
  substrings_.freeze();
  has_words_ = !words_.empty();
}

void KeywordMatcher::add_word_term(std::uint32_t label, const std::vector<std::string>& tokens) {
  auto& entry = words_.at_build(tokens.front());
  if (tokens.size() == 1) {
    add_unique(entry.labels, label);
    ++stats_.word_terms;
    return;
  }
  entry.longest_phrase = std::max(entry.longest_phrase, static_cast<std::uint32_t>(tokens.size()));
  add_unique(phrases_.at_build(join(tokens)), label);
  ++stats_.phrase_terms;
}

void KeywordMatcher::add_prefix_term(std::uint32_t label, std::vector<std::string> tokens) {
  const auto index = static_cast<std::uint32_t>(stem_terms_.size());
  StemTerm term;
  term.label = label;
  term.next_stems.assign(std::make_move_iterator(tokens.begin() + 1), std::make_move_iterator(tokens.end()));
  stem_terms_.push_back(std::move(term));
  stems_.insert(tokens.front(), index);
  ++stats_.prefix_terms;
}

bool KeywordMatcher::stems_follow(const NormalizedText& text, std::size_t first, const StemTerm& term) const {
  if (first + 1 + term.next_stems.size() > text.tokens.size()) return false;
  for (std::size_t k = 0; k < term.next_stems.size(); ++k) {
    if (!text.token(first + 1 + k).starts_with(term.next_stems[k])) return false;
  }
  return true;
}

void KeywordMatcher::match(const NormalizedText& text, MatchSet& hits) const {
  hits.reset(labels_.size());
  if (text.tokens.empty() || labels_.empty()) return;

  const std::size_t token_count = text.tokens.size();
  const bool has_stems = !stems_.empty();
  if (has_words_ || has_stems) {
    for (std::size_t i = 0; i < token_count && !hits.complete(); ++i) {
      const std::string_view token = text.token(i);
      if (has_words_) {
        if (const WordEntry* entry_ptr = words_.find(token)) {
          const WordEntry& entry = *entry_ptr;
          for (auto label : entry.labels) hits.mark(label);
          const std::size_t longest = std::min<std::size_t>(entry.longest_phrase, token_count - i);
          for (std::size_t n = 2; n <= longest; ++n) {
            if (const auto* phrase = phrases_.find(text.tokens_view(i, n))) {
              for (auto label : *phrase) hits.mark(label);
            }
          }
        }
      }
      if (has_stems) {
        stems_.for_each_prefix_of(token, [&](std::uint32_t index) {
          const StemTerm& term = stem_terms_[index];
          if (!hits.has(term.label) && (term.next_stems.empty() || stems_follow(text, i, term))) {
            hits.mark(term.label);
          }
        });
      }
    }
  }
  if (!substrings_.empty() && !hits.complete()) {
    substrings_.for_each_occurrence_in(text.text, [&](std::uint32_t label) { hits.mark(label); });
  }
}

void KeywordMatcher::match(std::string_view text, NormalizedText& scratch, MatchSet& hits) const {
  normalizer_.normalize(text, scratch);
  match(scratch, hits);
}

}  // namespace parley::keywords
