#include "lexicon.hpp"

#include <algorithm>
#include <charconv>
#include <stdexcept>

#include "stemmer.hpp"

namespace parley::sentiment {
namespace {

std::vector<std::string_view> split_tabs(std::string_view line) {
  std::vector<std::string_view> fields;
  while (true) {
    const auto tab = line.find('\t');
    fields.push_back(line.substr(0, tab));
    if (tab == std::string_view::npos) break;
    line.remove_prefix(tab + 1);
  }
  return fields;
}

float parse_number(std::string_view text, const std::string& where) {
  // std::from_chars for floats is in GCC 11+; strtof would depend on the locale.
  float value = 0.0F;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) {
    throw std::invalid_argument("sentiment: " + where + ": '" + std::string(text) + "' is not a number");
  }
  return value;
}

/// Moves every entry of `source` into `table` and freezes it.
template <typename Value>
void freeze_into(StringMap<Value>& source, text::StringTable<Value>& table) {
  for (auto& [key, value] : source) table.at_build(key) = std::move(value);
  source.clear();
  table.freeze();
}

}  // namespace

std::string_view Lexicon::stem_of(std::string_view token) const { return stem(language_, token); }

Cue* Lexicon::entry_for(const text::TextNormalizer& normalizer, std::string_view term, Phrase** phrase) {
  *phrase = nullptr;
  const auto tokens = normalizer.tokens(term);
  if (tokens.empty()) return nullptr;
  if (tokens.size() == 1) return &added_words_[tokens.front()];
  Phrase candidate;
  for (const auto& token : tokens) candidate.stems.emplace_back(stem_of(token));
  auto& list = added_phrases_[candidate.stems.front()];
  for (auto& existing : list) {
    if (existing.stems == candidate.stems) {
      *phrase = &existing;
      return &existing.cue;
    }
  }
  list.push_back(std::move(candidate));
  *phrase = &list.back();
  return &list.back().cue;
}

void Lexicon::add_valence(const text::TextNormalizer& normalizer, std::string_view term, float valence,
                          bool override_existing) {
  Phrase* phrase = nullptr;
  Cue* cue = entry_for(normalizer, term, &phrase);
  if (cue == nullptr) return;
  if ((cue->valence != 0.0F || cue->fixed) && !override_existing) return;
  cue->valence = valence;
  cue->fixed |= override_existing;
  if (phrase != nullptr) return;
  const auto tokens = normalizer.tokens(term);
  const std::string key(stem_of(tokens.front()));
  if (override_existing) {
    stem_overrides_[key].valence = valence;
    stem_overrides_[key].fixed = true;
  } else {
    auto& [sum, count] = stem_valence_[key];
    sum += valence;
    ++count;
  }
}

void Lexicon::add_anger(const text::TextNormalizer& normalizer, std::string_view term, float intensity) {
  Phrase* phrase = nullptr;
  Cue* cue = entry_for(normalizer, term, &phrase);
  if (cue == nullptr) return;
  cue->anger = intensity;
  if (phrase == nullptr) {
    const auto tokens = normalizer.tokens(term);
    stem_overrides_[std::string(stem_of(tokens.front()))].anger = intensity;
  }
}

void Lexicon::add_cues(const text::TextNormalizer& normalizer, std::string_view file_name, std::string_view content) {
  std::size_t line_number = 0;
  while (!content.empty()) {
    const auto newline = content.find('\n');
    std::string_view line = content.substr(0, newline);
    content.remove_prefix(newline == std::string_view::npos ? content.size() : newline + 1);
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    const std::string where = std::string(file_name) + ":" + std::to_string(line_number);
    const auto fields = split_tabs(line);
    if (fields.size() < 2 || fields[1].empty()) throw std::invalid_argument("sentiment: " + where + ": no term");
    const std::string_view kind = fields[0];
    const std::string_view term = fields[1];
    const float value = fields.size() > 2 ? parse_number(fields[2], where) : 0.0F;
    if (kind == "valence" || kind == "complaint") {
      add_valence(normalizer, term, value, true);
      if (kind == "complaint") {
        Phrase* phrase = nullptr;
        entry_for(normalizer, term, &phrase)->complaint = true;
      }
      continue;
    }
    if (kind == "anger") {
      add_anger(normalizer, term, value);
      continue;
    }
    Phrase* phrase = nullptr;
    Cue* cue = entry_for(normalizer, term, &phrase);
    if (cue == nullptr) throw std::invalid_argument("sentiment: " + where + ": the term has no letters");
    if (kind == "negator") {
      cue->negator = true;
    } else if (kind == "booster") {
      cue->boost = value;
    } else if (kind == "contrast") {
      cue->contrast = true;
    } else if (kind == "irony") {
      cue->irony = true;
    } else if (kind == "blame") {
      cue->blame = true;
    } else if (kind == "stopword") {
      cue->stopword = true;
    } else if (kind == "discourse" || kind == "neutral") {
      // discourse: "honestly", "if I'm honest": it vouches for what is said
      // and has no valence of its own. neutral: an everyday word that a
      // machine-made lexicon scores, or that shares a scored stem ("день"
      // "day" with "денье"). This form only: "honest staff" keeps its praise.
      cue->valence = 0.0F;
      cue->fixed = true;
    } else {
      throw std::invalid_argument("sentiment: " + where + ": unknown kind '" + std::string(kind) + "'");
    }
  }
}

void Lexicon::finish() {
  StringMap<Cue> stems;
  for (const auto& [key, total] : stem_valence_) {
    stems[key].valence = total.first / static_cast<float>(total.second);
  }
  for (const auto& [key, cue] : stem_overrides_) {
    Cue& target = stems[key];
    if (cue.fixed) {
      target.valence = cue.valence;
      target.fixed = true;
    }
    if (cue.anger != 0.0F) target.anger = cue.anger;
  }
  // Irony and complaint flags travel with the stem of their word.
  for (const auto& [word, cue] : added_words_) {
    if (!cue.irony && !cue.complaint) continue;
    const auto found = stems.find(stem_of(word));
    if (found == stems.end()) continue;
    found->second.irony |= cue.irony;
    found->second.complaint |= cue.complaint;
  }
  // Longest phrase first: "ευχαριστώ για το τίποτα" before "ευχαριστώ για".
  for (auto& [first, list] : added_phrases_) {
    std::stable_sort(list.begin(), list.end(),
                     [](const Phrase& a, const Phrase& b) { return a.stems.size() > b.stems.size(); });
  }
  stem_valence_.clear();
  stem_overrides_.clear();
  freeze_into(added_words_, words_);
  freeze_into(stems, stems_);
  freeze_into(added_phrases_, phrases_);
}

const Cue* Lexicon::find_exact(std::string_view token) const { return words_.find(token); }

bool Lexicon::lookup(std::string_view token, std::string_view stem, const Cue* exact, Cue& out) const {
  if (exact != nullptr) out = *exact;
  const bool function_word = exact != nullptr && (exact->negator || exact->contrast || exact->boost != 0.0F);
  // A word made neutral ("κάνει" "does", "έξω" "outside") is neutral whole:
  // no anger either, its own or its stem's.
  if (!function_word && exact != nullptr && exact->fixed && exact->valence == 0.0F) {
    out.anger = 0.0F;
    return true;
  }
  if (function_word || (exact != nullptr && (exact->valence != 0.0F || exact->fixed) && exact->anger != 0.0F)) {
    return true;
  }
  if (language_ == Language::en) {
    if (exact != nullptr && (exact->valence != 0.0F || exact->fixed)) return true;
    return lookup_base_form(token, exact, out) || exact != nullptr;
  }
  // Short stems collide with unrelated words (Arabic "مصر" "Egypt" with
  // "مصرين" "insisting"): a stem of 3 letters counts only when the token was
  // inflected at one end, and shorter stems never. Stripped at both ends (an
  // article and a suffix), 3 letters are mostly an accident: "الشوفان" "the
  // oats" is not "شوف" "look".
  const std::size_t letters = code_points(stem);
  const bool stripped_both_ends = !token.starts_with(stem) && !token.ends_with(stem);
  if (letters < 3 || (letters == 3 && (stem.size() == token.size() || stripped_both_ends))) {
    return exact != nullptr;
  }
  const Cue* by_stem = stems_.find(stem);
  if (by_stem == nullptr) return exact != nullptr;
  if (exact == nullptr) {
    out = *by_stem;
    return true;
  }
  if (out.valence == 0.0F && !out.fixed) out.valence = by_stem->valence;
  if (out.anger == 0.0F) out.anger = by_stem->anger;
  out.irony |= by_stem->irony;
  out.complaint |= by_stem->complaint;
  return true;
}

bool Lexicon::lookup_base_form(std::string_view token, const Cue* exact, Cue& out) const {
  // Negative and anger words only. VADER's raters dropped many inflections
  // of praise words as neutral, and in brand comments they come in the
  // passive of a complaint ("was treated like cattle", "nobody helped");
  // taking them too cost 0.005-0.009 macro-F1 on English tweets.
  constexpr float kMaxBaseValence = -1.0F;
  const auto bases = english_base_forms(token);
  for (std::size_t i = 0; i < bases.count; ++i) {
    const Cue* base = find_exact(bases.forms[i]);
    if (base == nullptr || (base->valence > kMaxBaseValence && base->anger == 0.0F)) continue;
    // The base's meaning, not its grammar: a negator's or booster's flags stay behind.
    if (exact == nullptr) out = Cue{};
    if (out.valence == 0.0F && !out.fixed) {
      out.valence = base->valence;
      out.fixed = base->fixed;
    }
    if (out.anger == 0.0F) out.anger = base->anger;
    out.complaint |= base->complaint;
    return true;
  }
  return false;
}

const std::vector<Phrase>* Lexicon::phrases_with_first_stem(std::string_view stem) const { return phrases_.find(stem); }

std::size_t Lexicon::phrase_count() const {
  std::size_t count = 0;
  for (const auto& list : phrases_.values()) count += list.size();
  return count;
}

}  // namespace parley::sentiment
