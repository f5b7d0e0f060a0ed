#include "toxicity_classifier.hpp"

#include <span>
#include <stdexcept>

#include "arabic_variants.hpp"
#include "embedded_file.hpp"
#include "english_compounds.hpp"
#include "english_ldnoobw.hpp"
#include "greek_compounds.hpp"
#include "handle_key.hpp"
#include "obfuscation.hpp"
#include "token_stream.hpp"

// The shipped word lists (lists/<lang>/*.txt), compiled in by CMake.
std::span<const parley::text::EmbeddedFile> toxicity_lists_en();
std::span<const parley::text::EmbeddedFile> toxicity_lists_el();
std::span<const parley::text::EmbeddedFile> toxicity_lists_ru();
std::span<const parley::text::EmbeddedFile> toxicity_lists_pl();
std::span<const parley::text::EmbeddedFile> toxicity_lists_fi();
std::span<const parley::text::EmbeddedFile> toxicity_lists_ar();

namespace parley::toxicity {
namespace {

struct LanguageLists {
  Language language;
  std::span<const text::EmbeddedFile> (*files)();
};

constexpr LanguageLists kShippedLists[] = {
    {Language::en, toxicity_lists_en}, {Language::el, toxicity_lists_el}, {Language::ru, toxicity_lists_ru},
    {Language::pl, toxicity_lists_pl}, {Language::fi, toxicity_lists_fi}, {Language::ar, toxicity_lists_ar},
};

// LDNOOBW's lists are profanity; the curated profanity.txt comes after them
// so that its weights (e.g. a low one for "sex") replace LDNOOBW's default.
constexpr std::string_view kLdnoobwFile = "ldnoobw.txt";

Category category_of_file(std::string_view name) {
  if (name == kLdnoobwFile) return Category::profanity;
  auto stem = name.substr(0, name.rfind(".txt"));
  if (const auto category = category_from_string(stem)) return *category;
  throw std::logic_error("toxicity: shipped list '" + std::string(name) + "' names no category");
}

void add_shipped_lists(Lexicon& lexicon) {
  for (const auto& shipped : kShippedLists) {
    // Not a structured binding: clang 14 cannot capture one in a lambda.
    const auto language = shipped.language;
    const auto files = shipped.files;
    const auto where = [&](std::string_view name) {
      return "lists/" + std::string(to_string(language)) + "/" + std::string(name);
    };
    const bool english = language == Language::en;  // english_ldnoobw.hpp
    std::vector<ListEntry> ldnoobw;
    for (const auto& file : files()) {
      if (file.name != kLdnoobwFile) continue;
      ldnoobw = parse_list(file.content, where(file.name));
      lexicon.add(english ? english_ldnoobw_entries(ldnoobw) : ldnoobw, Category::profanity, language,
                  default_weight(Category::profanity));
    }
    for (const auto& file : files()) {
      if (file.name == kLdnoobwFile) continue;
      const auto category = category_of_file(file.name);
      auto entries = parse_list(file.content, where(file.name));
      if (english && category == Category::profanity) entries = with_refined_plurals(std::move(entries), ldnoobw);
      lexicon.add(entries, category, language, default_weight(category));
    }
  }
}

std::vector<std::string> literals_of(const std::vector<Pattern>& patterns) {
  std::vector<std::string> literals;
  literals.reserve(patterns.size());
  for (const auto& pattern : patterns) literals.push_back(pattern.literal);
  return literals;
}

// Lists of Latin-script languages other than the text's own are left out
// (a Finnish word can be an ordinary Polish one); English stays, as people
// swear in English everywhere. Other scripts cannot collide.
LanguageMask allowed_languages(std::optional<Language> language) {
  if (!language) return kAllLanguages;
  return static_cast<LanguageMask>((kAllLanguages & ~(bit(Language::pl) | bit(Language::fi))) | bit(*language));
}

// Context cues are short common words ("was" is Polish "you", "te" Finnish):
// those of Polish and Finnish count only when the text is known to be in them.
LanguageMask allowed_cue_languages(std::optional<Language> language) {
  const LanguageMask allowed = allowed_languages(language);
  if (language) return allowed;
  return static_cast<LanguageMask>(allowed & ~(bit(Language::pl) | bit(Language::fi)));
}

bool has_mask_letter(std::string_view token) { return token.find(kMaskLetter) != std::string_view::npos; }

}  // namespace

struct ToxicityClassifier::Analysis {
  std::string prepared;
  RawTextFacts facts;
  text::NormalizedText normalized;
  std::vector<std::string_view> tokens;
  std::vector<TokenVariant> variants;
  TokenStream stream;
  std::vector<LiteralHit> hits;
  std::vector<Match> matches;
  std::vector<const Pattern*> matched_patterns;  ///< parallel to `matches`

  void clear() {
    facts = {};
    tokens.clear();
    variants.clear();
    hits.clear();
    matches.clear();
    matched_patterns.clear();
  }
};

ToxicityClassifier::ToxicityClassifier(const ConfigValue& config, PluginContext& /*context*/)
    : ToxicityClassifier(parse_toxicity_config(config)) {}

ToxicityClassifier::ToxicityClassifier(const ToxicityConfig& config)
    : lexicon_(std::make_unique<Lexicon>(normalizer_)) {
  add_shipped_lists(*lexicon_);
  for (const auto& [category, entries] : config.add) lexicon_->add(entries, category, std::nullopt, kAddedTermWeight);
  lexicon_->add(config.allow, Category::allow, std::nullopt, 1.0);
  lexicon_->add(config.staff_names, Category::staff, std::nullopt, 1.0);
  lexicon_->add(config.brand_names, Category::brand, std::nullopt, 1.0);
  for (const auto& name : config.brand_names) {
    // A name with no ASCII letter or digit has no handle form to compare.
    if (auto key = text::handle_key(name.term); !key.empty()) brand_handles_.push_back(std::move(key));
  }
  lexicon_->build();
  surface_database_ = std::make_unique<TermDatabase>(literals_of(lexicon_->patterns(Stream::surface)));
  stem_database_ = std::make_unique<TermDatabase>(literals_of(lexicon_->patterns(Stream::stems)));
}

std::size_t ToxicityClassifier::pattern_count() const {
  return lexicon_->patterns(Stream::surface).size() + lexicon_->patterns(Stream::stems).size();
}

void ToxicityClassifier::analyse(std::string_view text, const TextContext& context, Analysis& analysis) const {
  analysis.clear();
  const LanguageMask allowed = allowed_languages(context.language);
  const LanguageMask allowed_cues = allowed_cue_languages(context.language);
  normalizer_.normalize(prepare_raw_text(text, analysis.prepared, analysis.facts, brand_handles_), analysis.normalized);

  const auto& normalized = analysis.normalized;
  for (std::uint32_t i = 0; i < normalized.tokens.size(); ++i) {
    const auto token = normalized.token(i);
    analysis.tokens.push_back(token);
    if (has_mask_letter(token)) {
      const auto word = resolve_masked_token(token, lexicon_->mask_candidates(), allowed);
      if (!word.empty()) analysis.variants.push_back({i, 1, std::string(word)});
    } else {
      add_token_variants(token, i, analysis.variants);
      add_arabic_variants(token, i, analysis.variants);
      add_greek_compound_variants(token, i, analysis.variants);
      add_english_compound_variants(token, i, analysis.variants);
    }
  }
  add_spaced_letter_variants(analysis.tokens, analysis.variants);
  analysis.stream.build(normalized, analysis.variants, context.language);

  for (const auto stream : {Stream::surface, Stream::stems}) {
    const bool in_stems = stream == Stream::stems;
    analysis.hits.clear();
    (in_stems ? stem_database_ : surface_database_)
        ->scan(in_stems ? analysis.stream.stems() : analysis.stream.surface(), analysis.hits);
    const auto& patterns = lexicon_->patterns(stream);
    for (const auto& hit : analysis.hits) {
      const auto& pattern = patterns[hit.pattern];
      const auto span = analysis.stream.tokens_at(in_stems, hit.start, pattern.words);
      for (const auto& meaning : pattern.meanings) {
        if ((meaning.languages & (is_abuse(meaning.category) ? allowed : allowed_cues)) == 0) continue;
        analysis.matches.push_back({meaning.category, meaning.weight, span.first, span.end});
        analysis.matched_patterns.push_back(&pattern);
      }
    }
  }
}

ToxicityScores ToxicityClassifier::score(std::string_view text, const TextContext& context) const {
  thread_local Analysis analysis;
  analyse(text, context, analysis);
  return score_matches(analysis.matches, {analysis.facts.mentions, context.is_reply, analysis.facts.brand_mentions,
                                          context.replies_to_brand});
}

std::vector<MatchedTerm> ToxicityClassifier::explain(std::string_view text, const TextContext& context) const {
  Analysis analysis;
  analyse(text, context, analysis);
  std::vector<MatchedTerm> result;
  for (std::size_t i = 0; i < analysis.matches.size(); ++i) {
    result.push_back({analysis.matches[i].category, analysis.matches[i].weight, analysis.matched_patterns[i]->literal});
  }
  return result;
}

void ToxicityClassifier::classify(const Event& event, Labels& labels) {
  TextContext context;
  const auto& lang = labels.attribute("lang");
  context.language = language_from_code(lang.empty() ? event.lang : lang);
  context.is_reply = event.kind == EventKind::reply || !event.parent_id.empty();
  const auto parent = event.metadata.find("parent.author");
  context.replies_to_brand = context.is_reply && parent != event.metadata.end() && parent->second == "brand";
  const auto scores = score(event.text, context);

  // The overall score always, so the audit shows toxicity looked; the rest
  // only when found (an absent label reads as 0): most texts are clean, and
  // eight zero labels per event cost every later classifier's lookups.
  labels.raise("toxicity.offensive", scores.offensive);
  const auto put = [&labels](std::string_view name, double score) {
    if (score > 0.0) labels.raise(name, score);
  };
  put("toxicity.profanity", scores[Category::profanity]);
  put("toxicity.insult", scores[Category::insult]);
  put("toxicity.hate", scores[Category::hate]);
  put("toxicity.threat", scores[Category::threat]);
  put("toxicity.harassment", scores[Category::harassment]);
  put("abuse.target.staff", scores.target_staff);
  put("abuse.target.community", scores.target_community);
  put("abuse.target.brand", scores.target_brand);
}

}  // namespace parley::toxicity
