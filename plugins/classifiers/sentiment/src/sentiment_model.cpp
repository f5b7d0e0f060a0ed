#include "sentiment_model.hpp"

#include <algorithm>
#include <cmath>
#include <span>
#include <stdexcept>
#include <string>

#include "embedded_file.hpp"
#include "hashtag_words.hpp"
#include "rating.hpp"

std::span<const parley::text::EmbeddedFile> sentiment_lexicon_files();

namespace parley::sentiment {
namespace {

// VADER's constants (Hutto & Gilbert 2014).
constexpr float kNegationScalar = -0.74F;
constexpr float kContrastBefore = 0.5F;
constexpr float kContrastAfter = 1.5F;
constexpr float kCapsIncrement = 0.733F;
constexpr float kExclamationIncrement = 0.292F;
constexpr float kQuestionIncrement = 0.18F;
constexpr double kNormalisationAlpha = 15.0;
// Ours.
constexpr float kElongationIncrement = 0.293F;  // "soooo good": emphasis like a booster
constexpr float kLaughterValence = 1.5F;        // "hahaha", "ахахах", "ههههه"
constexpr float kIronyScalar = -0.5F;           // "great" in a complaint: a weak negative
constexpr std::size_t kScope = 3;               // negators and boosters reach 3 words
// Abuse found by the toxicity classifier reads as a negative word of about
// this valence (per unit of its score) when the lexicon heard nothing
// positive: "Воры.", "что за бл*дский бардак" are negative although the
// lexicons lack the words; "f***ing amazing" keeps its praise.
constexpr float kAbuseValence = -2.0F;
constexpr float kRatingValence = 2.0F;  // "10/10", "2/5": as clear as "great" or "bad"
constexpr double kAbuseFloor = 0.44;    // the toxicity plugin's mild insult (0.45)

/// One token's part in the text.
struct TokenCue {
  Cue cue;
  bool known = false;      ///< some lexicon knows it
  bool consumed = false;   ///< inside a phrase matched at an earlier token
  bool elongated = false;  ///< "soooo"
};

struct Scratch {
  text::NormalizedText folded;
  text::NormalizedText quoted;
  TextSignals signals;
  std::vector<TokenCue> cues;
  std::string collapsed;
  std::string cleaned;
  std::string unglued;                      // cleaned, with #CamelCaseTags as words
  std::vector<TokenCache::Entry*> entries;  // per token; nullptr when not cached
};

// Not inlined: GCC would fetch the thread-local address again (a call to
// __tls_get_addr in a shared library) at each use of the scratch.
[[gnu::noinline]] Scratch& scratch() {
  thread_local Scratch instance;
  return instance;
}

/// Lexicon file name -> what it is, e.g. "ru.tsv" (valence), "cues-ru.tsv".
std::string_view stem_name(std::string_view name) { return name.substr(0, name.rfind('.')); }

void load_valence_file(Lexicon& lexicon, const text::TextNormalizer& normalizer, std::string_view content, bool anger) {
  while (!content.empty()) {
    const auto newline = content.find('\n');
    const std::string_view line = content.substr(0, newline);
    content.remove_prefix(newline == std::string_view::npos ? content.size() : newline + 1);
    if (line.empty() || line.front() == '#') continue;
    const auto tab = line.rfind('\t');
    if (tab == std::string_view::npos) continue;
    const std::string number(line.substr(tab + 1));
    const float value = std::strtof(number.c_str(), nullptr);
    if (anger) {
      lexicon.add_anger(normalizer, line.substr(0, tab), value);
    } else {
      lexicon.add_valence(normalizer, line.substr(0, tab), value, false);
    }
  }
}

/// Replaces each run of 3+ equal characters by `keep` of them ("soooo" ->
/// "soo" or "so", "оооочень" -> "оочень"). False when there was no such run.
bool collapse_runs(std::string_view token, std::size_t keep, std::string& out) {
  out.clear();
  bool changed = false;
  std::size_t at = 0;
  while (at < token.size()) {
    const auto lead = static_cast<unsigned char>(token[at]);
    std::size_t width = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    width = std::min(width, token.size() - at);
    const std::string_view unit = token.substr(at, width);
    std::size_t run = at + width;
    std::size_t repeats = 1;
    while (run + width <= token.size() && token.substr(run, width) == unit) {
      run += width;
      ++repeats;
    }
    const std::size_t kept = repeats >= 3 ? keep : repeats;
    for (std::size_t k = 0; k < kept; ++k) out.append(unit);
    changed |= repeats >= 3;
    at = run;
  }
  return changed;
}

/// "haha", "ахаха", "χαχα", "ههههه": only laughter syllables, 4+ bytes.
bool is_laughter(std::string_view token) {
  if (token.size() < 4) return false;
  const auto only = [&](std::initializer_list<std::string_view> letters) {
    std::size_t at = 0;
    bool first_seen = false;
    while (at < token.size()) {
      bool matched = false;
      for (auto letter : letters) {
        if (token.substr(at).starts_with(letter)) {
          if (letter == *letters.begin()) first_seen = true;
          at += letter.size();
          matched = true;
          break;
        }
      }
      if (!matched) return false;
    }
    return first_seen;
  };
  return only({"h", "a", "e"}) || only({"х", "а", "е"}) || only({"χ", "α"}) || only({"ه"});
}

float sign(float value) { return value > 0.0F ? 1.0F : value < 0.0F ? -1.0F : 0.0F; }

// Facts about a token's letters, remembered in its TokenCache entry.
constexpr std::uint8_t kShapeLaughter = 2;  // is_laughter
constexpr std::uint8_t kShapeRuns = 4;      // a run of 3+ equal characters ("soooo")

std::uint8_t shape_of(std::string_view token, std::string& scratch) {
  std::uint8_t shape = TokenCache::kShapeKnown;
  if (is_laughter(token)) shape |= kShapeLaughter;
  if (collapse_runs(token, 2, scratch)) shape |= kShapeRuns;
  return shape;
}

constexpr std::size_t kEmojiSlot = kLanguageCount;  // TokenCache slot of the emoji lexicon
static_assert(kEmojiSlot < TokenCache::kSlots);

}  // namespace

SentimentModel::SentimentModel(const SentimentConfig& config) : neutral_band_(config.neutral_band) {
  for (auto language : kLanguages) {
    lexicons_[static_cast<std::size_t>(language)] = std::make_unique<Lexicon>(language);
  }
  emoji_ = std::make_unique<Lexicon>(Language::en);

  // Hand-written cues first: they win over the bulk lexicons (add_valence
  // without override keeps what is there).
  const auto files = sentiment_lexicon_files();
  for (const auto& file : files) {
    const std::string_view name = stem_name(file.name);
    if (!name.starts_with("cues-")) continue;
    const auto language = language_from_code(name.substr(5));
    if (!language) throw std::invalid_argument("sentiment: cue file " + std::string(file.name) + " names no language");
    lexicons_[static_cast<std::size_t>(*language)]->add_cues(normalizer_, file.name, file.content);
  }
  for (const auto& file : files) {
    const std::string_view name = stem_name(file.name);
    if (name == "emoticons") {
      std::string_view content = file.content;
      while (!content.empty()) {
        const auto newline = content.find('\n');
        const std::string_view line = content.substr(0, newline);
        content.remove_prefix(newline == std::string_view::npos ? content.size() : newline + 1);
        const auto tab = line.rfind('\t');
        if (line.empty() || line.front() == '#' || tab == std::string_view::npos) continue;
        emoticons_.add(line.substr(0, tab), std::strtof(std::string(line.substr(tab + 1)).c_str(), nullptr));
      }
    } else if (name == "emoji") {
      load_valence_file(*emoji_, normalizer_, file.content, false);
    } else if (name == "el-anger") {
      load_valence_file(*lexicons_[static_cast<std::size_t>(Language::el)], normalizer_, file.content, true);
    } else if (const auto language = language_from_code(name); language && code(*language) == name) {
      load_valence_file(*lexicons_[static_cast<std::size_t>(*language)], normalizer_, file.content, false);
    }
  }
  for (const auto& addition : config.lexicon_additions) {
    lexicons_[static_cast<std::size_t>(addition.language)]->add_valence(normalizer_, addition.term, addition.value,
                                                                        true);
  }
  for (const auto& addition : config.anger_additions) {
    lexicons_[static_cast<std::size_t>(addition.language)]->add_anger(normalizer_, addition.term, addition.value);
  }
  for (auto& lexicon : lexicons_) lexicon->finish();
  emoji_->finish();
}

SentimentModel::Selection SentimentModel::select(std::string_view lang, const text::NormalizedText& folded,
                                                 const std::vector<TokenCache::Entry*>& entries) const {
  Selection selection;
  const auto add = [&](Language language) {
    selection.slots[selection.count] = static_cast<std::size_t>(language);
    selection.primary[selection.count++] = &this->lexicon(language);
  };
  if (const auto language = language_from_code(lang)) {
    add(*language);
    if (*language != Language::en) add(Language::en);  // English words in other languages ("lol", "ok")
    return selection;
  }
  switch (dominant_script(folded.text)) {
    case Script::greek: add(Language::el); break;
    case Script::cyrillic: add(Language::ru); break;
    case Script::arabic: add(Language::ar); break;
    case Script::latin:
    case Script::other: {
      // English, Polish or Finnish: the one whose function words the text
      // uses most (English on a tie); English stays as the fallback.
      std::array<int, 3> votes{};
      const std::array<Language, 3> candidates = {Language::en, Language::pl, Language::fi};
      for (std::size_t i = 0; i < folded.tokens.size(); ++i) {
        for (std::size_t c = 0; c < candidates.size(); ++c) {
          const auto slot = static_cast<std::size_t>(candidates[c]);
          LexiconAnswer spare;
          if (TokenCache::answer(entries[i], slot, lexicon(candidates[c]), folded.token(i), spare).stopword) {
            ++votes[c];
          }
        }
      }
      if (votes == std::array<int, 3>{}) {  // no clue: all three, English first
        for (auto candidate : candidates) add(candidate);
        return selection;
      }
      const std::size_t best = static_cast<std::size_t>(std::max_element(votes.begin(), votes.end()) - votes.begin());
      add(candidates[best]);
      if (best != 0) add(Language::en);
      return selection;
    }
  }
  add(Language::en);
  return selection;
}

SentimentScores SentimentModel::score(std::string_view text, const TextContext& context) const {
  Scratch& work = scratch();
  blank_handles_and_links(text.substr(0, text::TextNormalizer::kMaxInputBytes), work.cleaned);
  text = work.cleaned;
  if (text.find('#') != std::string_view::npos) {
    text::split_camel_case_hashtags(text, work.unglued);
    text = work.unglued;
  }
  normalizer_.normalize(text, work.folded);
  read_signals(text, emoticons_, work.signals);
  const auto& folded = work.folded;
  const std::size_t token_count = folded.tokens.size();
  TokenCache& cache = TokenCache::for_model(id_);
  work.entries.resize(token_count);
  for (std::size_t i = 0; i < token_count; ++i) work.entries[i] = cache.entry(folded.token(i));
  const Selection selection = select(context.lang, folded, work.entries);
  work.cues.assign(token_count, TokenCue{});

  // 1. What each token is: a phrase start, a word of some lexicon, an emoji,
  //    an elongated word, laughter.
  for (std::size_t i = 0; i < token_count; ++i) {
    TokenCue& slot = work.cues[i];
    if (slot.consumed) continue;
    const std::string_view token = folded.token(i);
    for (std::size_t l = 0; l < selection.count && !slot.known; ++l) {
      const Lexicon& lexicon = *selection.primary[l];
      const std::size_t lexicon_slot = selection.slots[l];
      LexiconAnswer spare;
      const LexiconAnswer& answer = TokenCache::answer(work.entries[i], lexicon_slot, lexicon, token, spare);
      if (const auto* phrases = answer.phrases) {
        for (const auto& phrase : *phrases) {
          const std::size_t length = phrase.stems.size();
          if (i + length > token_count) continue;
          bool match = true;
          for (std::size_t k = 1; k < length && match; ++k) {
            LexiconAnswer next_spare;
            match =
                TokenCache::answer(work.entries[i + k], lexicon_slot, lexicon, folded.token(i + k), next_spare).stem ==
                phrase.stems[k];
          }
          if (!match) continue;
          slot.cue = phrase.cue;
          slot.known = true;
          for (std::size_t k = 1; k < length; ++k) work.cues[i + k].consumed = true;
          break;
        }
      }
      if (!slot.known && answer.known) {
        slot.cue = answer.cue;
        slot.known = true;
      }
    }
    if (!slot.known) {
      LexiconAnswer spare;
      const LexiconAnswer& emoji = TokenCache::answer(work.entries[i], kEmojiSlot, *emoji_, token, spare);
      if (emoji.known) {
        slot.cue = emoji.cue;
        slot.known = true;
      }
    }
    TokenCache::Entry* entry = work.entries[i];
    std::uint8_t shape = 0;
    if (!slot.known) {
      if (entry == nullptr) {
        shape = shape_of(token, work.collapsed);
      } else {
        if (entry->shape == 0) entry->shape = shape_of(token, work.collapsed);
        shape = entry->shape;
      }
    }
    if (!slot.known && token.size() >= 3 && (shape & kShapeRuns) != 0) {
      for (std::size_t keep : {2, 1}) {
        if (slot.known || !collapse_runs(token, keep, work.collapsed)) break;
        for (std::size_t l = 0; l < selection.count && !slot.known; ++l) {
          slot.known = selection.primary[l]->lookup(work.collapsed, slot.cue);
        }
      }
      slot.elongated = slot.known && slot.cue.valence != 0.0F;
    }
    // "won't", "don't" fold into "won" "t": "won" is then no victory. A
    // phrase that took the "t" ("can t wait") is meant whole.
    if (slot.known && i + 1 < token_count && folded.token(i + 1) == "t" && !slot.cue.negator &&
        !work.cues[i + 1].consumed) {
      slot.cue.valence = 0.0F;
    }
    if (!slot.known && (shape & kShapeLaughter) != 0) {
      slot.cue.valence = kLaughterValence;
      slot.known = true;
    }
  }

  // 2. VADER: each valence word, boosted or damped by the words before it and
  //    flipped by a negator within reach; "but" shifts the weight.
  bool complaint = false;
  bool blame = false;
  std::size_t contrast_at = token_count;
  for (std::size_t i = 0; i < token_count; ++i) {
    const Cue& cue = work.cues[i].cue;
    // A complaint word inside a phrase ("thanks for the refund") is the phrase's.
    complaint |= cue.complaint && !work.cues[i].consumed;
    blame |= cue.blame;
    if (cue.contrast && !work.cues[i].consumed) contrast_at = i;
  }

  float sum = 0.0F;
  bool heard_positive = false;
  float anger_peak = 0.0F;
  float anger_total = 0.0F;
  for (std::size_t i = 0; i < token_count; ++i) {
    const TokenCue& slot = work.cues[i];
    if (slot.consumed) continue;
    bool negated = false;
    float valence = slot.cue.valence;
    for (std::size_t d = 1; d <= kScope && d <= i && !slot.cue.negator; ++d) {
      const TokenCue& before = work.cues[i - d];
      if (before.consumed) continue;
      if (before.cue.negator) {
        negated = true;
        break;
      }
      // "but" ends the reach; so does a nearer sentiment word, which took the negation.
      if (before.cue.contrast || before.cue.valence != 0.0F) break;
    }
    if (slot.cue.anger > 0.0F && !negated) {
      anger_peak = std::max(anger_peak, slot.cue.anger);
      anger_total += slot.cue.anger;
    }
    if (valence == 0.0F || slot.cue.boost != 0.0F) continue;
    // A negator with a valence of its own ("no", -1.2) counts only when it
    // negates nothing ("No.", "no reason"), as in VADER.
    if (slot.cue.negator && i + 1 < token_count && work.cues[i + 1].cue.valence != 0.0F) continue;
    if (slot.elongated) valence += sign(valence) * kElongationIncrement;
    for (std::size_t d = 1; d <= kScope && d <= i; ++d) {
      const float boost = work.cues[i - d].cue.boost;
      if (boost != 0.0F && !work.cues[i - d].consumed) {
        valence += sign(valence) * boost * (d == 1 ? 1.0F : d == 2 ? 0.95F : 0.9F);
      }
    }
    // A complaint cue names what went wrong, often with its own negation
    // ("vieläkään", still-not, occurs only after "ei"; "no refund"): a
    // negator before it does not turn it into praise.
    if (negated && !slot.cue.complaint) valence *= kNegationScalar;
    // Irony: a "great"/"thanks" in a text that complains is not praise.
    if (complaint && slot.cue.irony && valence > 0.0F) valence = kIronyScalar * valence;
    if (contrast_at < token_count) valence *= i < contrast_at ? kContrastBefore : kContrastAfter;
    heard_positive = heard_positive || valence > 0.0F;
    sum += valence;
  }

  // Scare quotes: a positive word alone in quote marks ("great" service).
  for (const auto quoted : work.signals.quoted) {
    normalizer_.normalize(quoted, work.quoted);
    if (work.quoted.tokens.empty() || work.quoted.tokens.size() > 3) continue;
    for (std::size_t t = 0; t < work.quoted.tokens.size(); ++t) {
      Cue cue;
      for (std::size_t l = 0; l < selection.count; ++l) {
        if (selection.primary[l]->lookup(work.quoted.token(t), cue)) break;
      }
      if (cue.valence > 0.0F) sum -= cue.valence * (1.0F - kIronyScalar);  // +v becomes kIronyScalar * v
    }
  }

  sum += work.signals.emoticon_valence;
  heard_positive = heard_positive || work.signals.emoticon_valence > 0.0F;

  // A mark out of 5 or 10 is a verdict in every language: 4/5 and up praise,
  // 2/5 and below complain.
  if (const auto mark = text::rating_share(text)) {
    const float verdict = *mark >= 0.8 ? kRatingValence : *mark <= 0.4 ? -kRatingValence : 0.0F;
    sum += verdict;
    heard_positive = heard_positive || verdict > 0.0F;
  }

  // Abuse the lexicon does not know counts once, as strong as its score;
  // where the lexicon already heard it (English profanity) nothing is added.
  if (context.abuse >= kAbuseFloor && !heard_positive) {
    sum = std::min(sum, kAbuseValence * static_cast<float>(context.abuse));
  }

  // Emphasis: "!!!", "???" and CAPITALS strengthen whatever was said.
  const TextSignals& signals = work.signals;
  const bool shouting = signals.shouted_words > 0 && signals.has_lowercase;
  if (sum != 0.0F) {
    float emphasis = static_cast<float>(std::min(signals.exclamations, 4)) * kExclamationIncrement;
    if (signals.questions > 1) emphasis += std::min(static_cast<float>(signals.questions) * kQuestionIncrement, 0.96F);
    // As in VADER, capitals emphasise sentiment words only ("GREAT", not "JFK").
    if (shouting) {
      for (const auto shouted : signals.shouted) {
        normalizer_.normalize(shouted, work.quoted);
        Cue cue;
        for (std::size_t t = 0; t < work.quoted.tokens.size(); ++t) {
          for (std::size_t l = 0; l < selection.count; ++l) {
            if (selection.primary[l]->lookup(work.quoted.token(t), cue)) break;
          }
        }
        if (cue.valence != 0.0F) emphasis += kCapsIncrement;
      }
    }
    sum += sign(sum) * emphasis;
  }

  SentimentScores scores;
  scores.compound = sum / std::sqrt(static_cast<double>(sum) * sum + kNormalisationAlpha);
  const double positive = std::max(0.0, scores.compound);
  const double negative = std::max(0.0, -scores.compound);
  const double total = positive + negative + neutral_band_;
  scores.positive = positive / total;
  scores.negative = negative / total;
  scores.neutral = neutral_band_ / total;

  // Anger: anger words first, then how hostile the text is (negative and
  // aimed at "you", shouted, "!!!", abusive per an earlier classifier).
  const double hostility = negative * (blame ? 0.6 : 0.45);
  const double shout_share =
      signals.words > 0 ? static_cast<double>(signals.shouted_words) / static_cast<double>(signals.words) : 0.0;
  double anger = 0.75 * anger_peak + 0.15 * std::min(1.0, static_cast<double>(anger_total - anger_peak)) + hostility;
  if (negative > 0.0 || anger_peak > 0.0F) {
    anger += 0.1 * std::min(signals.exclamations, 3) / 3.0 + 0.15 * (shouting ? std::min(1.0, shout_share * 2) : 0.0);
  }
  anger += 0.4 * context.abuse;
  scores.anger = std::clamp(anger, 0.0, 1.0);
  return scores;
}

}  // namespace parley::sentiment
