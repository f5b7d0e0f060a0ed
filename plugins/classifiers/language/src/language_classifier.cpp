#include "language_classifier.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "cld2_engine.hpp"
#include "language_scripts.hpp"
#include "shared_models.hpp"

namespace parley::language {
namespace {

// ELD's per-n-gram score differences become probabilities through a softmax
// at this temperature (score points; a stored weight is 53..~230).
constexpr double kEldTemperature = 12.0;
// Below this top probability fastText is unsure, and a reliable CLD2 verdict
// is mixed in with equal weight (measured on the dev sets, see README).
constexpr double kFastTextUnsure = 0.5;
// The probability mass on the brand's languages below which a text of at
// least kOtherLanguageMinWords words is taken to be in some other language
// (its confidences stay low). Shorter texts say too little to tell: they are
// renormalised over the brand's languages.
constexpr double kMinAllowedMass = 0.05;
constexpr std::size_t kOtherLanguageMinWords = 3;
// Texts of at most this many words are decided by Polish or Finnish letters
// alone; longer texts go to the n-gram models, which weigh a quoted name.
constexpr std::size_t kLetterRuleMaxWords = 3;

struct Scratch {
  PreparedText text;
};

Scratch& scratch() {
  thread_local Scratch instance;
  return instance;
}

void sort_ranked(std::vector<Candidate>& ranked) {
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const Candidate& a, const Candidate& b) { return a.probability > b.probability; });
}

}  // namespace

LanguageClassifier::LanguageClassifier(const ConfigValue& config, PluginContext& context)
    : LanguageClassifier(parse_language_config(config, context)) {
  context.log(
      LogLevel::info,
      "language: " + (restricted() ? std::to_string(config_.languages.size()) + " language(s)" : "any language") +
          ", model " + config_.model_path);
}

LanguageClassifier::LanguageClassifier(LanguageConfig config)
    : config_(std::move(config)),
      fasttext_(shared_model<FastTextEngine>(config_.model_path,
                                             [&] { return std::make_shared<FastTextEngine>(config_.model_path); })),
      eld_(shared_model<EldNgrams>(config_.eld_data_path,
                                   [&] {
                                     const std::filesystem::path folder(config_.eld_data_path);
                                     return std::make_shared<EldNgrams>(folder / "ngrams-large.js",
                                                                        folder / "dictionary.js");
                                   })),
      romanized_(config_.romanized ? config_.languages : std::vector<std::string>{}) {
  const auto& known = fasttext_->languages();
  for (const auto& language : config_.languages) {
    if (std::find(known.begin(), known.end(), language) == known.end()) {
      throw std::invalid_argument("language: 'languages' names '" + language +
                                  "', which the language-ID model does not know");
    }
  }
  if (config_.fallback != "und" && std::find(known.begin(), known.end(), config_.fallback) == known.end()) {
    throw std::invalid_argument("language: 'default' is '" + config_.fallback +
                                "', which is neither und nor a language the model knows");
  }
  for (const auto& language : config_.languages) {
    eld_indexes_.push_back(eld_->index_of(language));
    usual_scripts_.push_back(usual_script(language));
  }
  if (std::find(eld_indexes_.begin(), eld_indexes_.end(), -1) != eld_indexes_.end()) eld_indexes_.clear();
  latin_letters_apply_ =
      restricted() && std::all_of(config_.languages.begin(), config_.languages.end(), [](const auto& l) {
        return usual_script(l) != Script::latin || l == "en" || l == "pl" || l == "fi";
      });
}

bool LanguageClassifier::allowed(const std::string& language) const {
  return !restricted() ||
         std::find(config_.languages.begin(), config_.languages.end(), language) != config_.languages.end();
}

void LanguageClassifier::classify(const Event& event, Labels& labels) {
  auto& [text] = scratch();
  prepare_text(event.text, text);
  const Verdict verdict = detect(text);
  const bool decided = !verdict.ranked.empty() && verdict.ranked.front().probability >= config_.min_confidence;
  labels.set_attribute("lang", decided ? verdict.ranked.front().language : config_.fallback);
  if (decided && verdict.romanized) labels.set_attribute("lang_script", "latin");
  int written = 0;
  for (const auto& candidate : verdict.ranked) {
    if (written == config_.top || candidate.probability < 0.01) break;
    labels.set("lang." + candidate.language, candidate.probability);
    ++written;
  }
}

Verdict LanguageClassifier::detect(const PreparedText& text) const {
  Verdict verdict;
  if (text.total_letters == 0) return verdict;
  if (script_decides(text, verdict) || letters_decide(text, verdict)) return verdict;
  if (restricted() && !romanized_.empty() && text.letters_in(Script::latin) * 2 > text.total_letters) {
    const RomanizedGuess guess = romanized_.clear_winner(text.words);
    if (!guess.language.empty()) {
      verdict.ranked.push_back({guess.language, guess.confidence});
      verdict.romanized = true;
      return verdict;
    }
  }
  if (restricted() && eld_decides(text, verdict)) return verdict;
  models_decide(text, verdict);
  return verdict;
}

// Greek, Cyrillic and Arabic letters name the language when the brand has
// one language in that script (and Greek letters always mean el). The share
// of the text's letters in that script is the confidence.
bool LanguageClassifier::script_decides(const PreparedText& text, Verdict& verdict) const {
  Script dominant = Script::latin;
  for (const Script script : {Script::greek, Script::cyrillic, Script::arabic, Script::other}) {
    if (text.letters_in(script) > text.letters_in(dominant)) dominant = script;
  }
  if (dominant == Script::latin || dominant == Script::other) return false;
  const double share = static_cast<double>(text.letters_in(dominant)) / text.total_letters;
  if (!restricted()) {
    if (dominant != Script::greek) return false;
    verdict.ranked.push_back({"el", share});
    return true;
  }
  const std::string* only = nullptr;
  for (std::size_t i = 0; i < config_.languages.size(); ++i) {
    if (usual_scripts_[i] != dominant) continue;
    if (only != nullptr) return false;  // e.g. ru and uk: the models decide
    only = &config_.languages[i];
  }
  if (only == nullptr) return false;
  verdict.ranked.push_back({*only, share});
  return true;
}

// Among en, pl and fi, ą ć ę ł ń ó ś ź ż mean Polish and ä ö Finnish.
bool LanguageClassifier::letters_decide(const PreparedText& text, Verdict& verdict) const {
  if (!latin_letters_apply_ || text.word_count > kLetterRuleMaxWords) return false;
  if (text.letters_in(Script::latin) != text.total_letters) return false;
  if (text.polish_letters > 0 && text.finnish_letters == 0 && allowed("pl")) {
    verdict.ranked.push_back({"pl", 0.95});
    return true;
  }
  if (text.finnish_letters > 0 && text.polish_letters == 0 && allowed("fi")) {
    verdict.ranked.push_back({"fi", 0.95});
    return true;
  }
  return false;
}

// With the brand's languages known, ELD's n-grams restricted to them are the
// most accurate on short texts (README: measured). The softmax runs over all
// of ELD's languages first, so that text clearly in a language the brand does
// not list keeps a low confidence.
bool LanguageClassifier::eld_decides(const PreparedText& text, Verdict& verdict) const {
  if (eld_indexes_.empty()) return false;
  thread_local std::vector<double> sums;
  std::size_t ngrams = 0;
  eld_->score(text.words, sums, ngrams);
  if (ngrams == 0) return false;
  double best_allowed = 0.0;
  for (const int index : eld_indexes_) best_allowed = std::max(best_allowed, sums[static_cast<std::size_t>(index)]);
  if (best_allowed <= 0.0) return false;  // no n-gram of any allowed language: let fastText try
  const double best = *std::max_element(sums.begin(), sums.end());
  const auto weight = [&](double sum) {
    return std::exp((sum - best) / static_cast<double>(ngrams) / kEldTemperature);
  };
  // Most of ELD's languages have none of a short text's n-grams: their
  // weight is the same, computed once.
  const double weight_of_none = weight(0.0);
  double total = 0.0;
  for (const double sum : sums) total += sum == 0.0 ? weight_of_none : weight(sum);
  double allowed_mass = 0.0;
  verdict.ranked.reserve(eld_indexes_.size());
  for (std::size_t i = 0; i < eld_indexes_.size(); ++i) {
    const double probability = weight(sums[static_cast<std::size_t>(eld_indexes_[i])]) / total;
    verdict.ranked.push_back({config_.languages[i], probability});
    allowed_mass += probability;
  }
  const double floor = text.word_count >= kOtherLanguageMinWords ? kMinAllowedMass : 0.0;
  for (auto& candidate : verdict.ranked) candidate.probability /= std::max(allowed_mass, floor);
  sort_ranked(verdict.ranked);
  return true;
}

// fastText over all its languages (or the brand's, renormalised), with a
// reliable CLD2 verdict mixed in when fastText is unsure.
void LanguageClassifier::models_decide(const PreparedText& text, Verdict& verdict) const {
  thread_local std::vector<Candidate> predictions;
  const int k = restricted() ? static_cast<int>(fasttext_->languages().size()) : std::max(config_.top, 5);
  fasttext_->predict(text.words, k, predictions);
  for (const auto& candidate : predictions) {
    if (allowed(candidate.language)) verdict.ranked.push_back(candidate);
  }
  if (restricted()) {
    // Renormalise over the brand's languages, but not from almost nothing:
    // text that is clearly in another language keeps a low confidence.
    double mass = 0.0;
    for (const auto& candidate : verdict.ranked) mass += candidate.probability;
    const double floor = text.word_count >= kOtherLanguageMinWords ? kMinAllowedMass : 0.0;
    if (mass > 0.0) {
      for (auto& candidate : verdict.ranked) candidate.probability /= std::max(mass, floor);
    }
  }
  const double top = verdict.ranked.empty() ? 0.0 : verdict.ranked.front().probability;
  if (top < kFastTextUnsure) {
    const Cld2Guess cld2 = cld2_detect(text.words);
    if (!cld2.language.empty() && allowed(cld2.language)) {
      bool found = false;
      for (auto& candidate : verdict.ranked) {
        candidate.probability *= 0.5;
        if (candidate.language == cld2.language) {
          candidate.probability += 0.5;
          found = true;
        }
      }
      if (!found) verdict.ranked.push_back({cld2.language, 0.5});
    }
  }
  sort_ranked(verdict.ranked);
}

}  // namespace parley::language
