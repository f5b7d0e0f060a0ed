#include "token_stream.hpp"

#include <algorithm>

#include "stemmers.hpp"

namespace parley::toxicity {
namespace {

// Stemmer for a token: its script decides, except in Latin script, shared by
// English, Polish and Finnish, where the text's language does.
std::optional<Language> stem_language(std::string_view token, std::optional<Language> text_language) {
  switch (script_of(token)) {
    case Script::greek: return Language::el;
    case Script::cyrillic: return Language::ru;
    case Script::arabic: return Language::ar;
    case Script::latin:
      if (text_language == Language::fi || text_language == Language::pl) return text_language;
      return Language::en;
    case Script::other: return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace

void TokenStream::build(const text::NormalizedText& normalized, const std::vector<TokenVariant>& variants,
                        std::optional<Language> language) {
  surface_.assign(1, ' ');
  stems_.assign(1, ' ');
  surface_offsets_.clear();
  stem_offsets_.clear();
  pieces_.clear();
  token_count_ = static_cast<std::uint32_t>(normalized.tokens.size());
  for (std::uint32_t i = 0; i < token_count_; ++i) add_piece(normalized.token(i), {i, i + 1}, language);
  for (const auto& variant : variants) {
    surface_ += "| ";
    stems_ += "| ";
    add_piece(variant.text, {variant.first, variant.first + variant.count}, language);
  }
}

void TokenStream::add_piece(std::string_view word, TokenSpanRef tokens, std::optional<Language> language) {
  pieces_.push_back(tokens);
  surface_offsets_.push_back(static_cast<std::uint32_t>(surface_.size()));
  surface_.append(word);
  surface_ += ' ';
  stem_offsets_.push_back(static_cast<std::uint32_t>(stems_.size()));
  if (const auto stemmer = stem_language(word, language)) {
    append_stem(*stemmer, word, stems_);
  } else {
    stems_.append(word);
  }
  stems_ += ' ';
}

TokenSpanRef TokenStream::tokens_at(bool in_stems, std::uint32_t start, std::uint32_t words) const {
  const auto& offsets = in_stems ? stem_offsets_ : surface_offsets_;
  // The literal's first word begins one byte after its leading space.
  const auto after = std::upper_bound(offsets.begin(), offsets.end(), start + 1);
  if (after == offsets.begin()) return {0, 0};
  const auto first_piece = static_cast<std::size_t>(after - offsets.begin()) - 1;
  const auto last_piece = std::min(first_piece + std::max<std::uint32_t>(words, 1) - 1, pieces_.size() - 1);
  return {pieces_[first_piece].first, std::max(pieces_[first_piece].end, pieces_[last_piece].end)};
}

}  // namespace parley::toxicity
