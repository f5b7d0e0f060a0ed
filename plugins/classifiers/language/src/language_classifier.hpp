// LanguageClassifier: the `language` plugin instance. Sets attribute `lang`
// and scores lang.<code> from script evidence, Greeklish/translit word lists,
// ELD n-grams, fastText lid.176 and CLD2 (see README for how they combine).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <parley/plugin.hpp>

#include "eld_ngrams.hpp"
#include "fasttext_engine.hpp"
#include "language_config.hpp"
#include "prepared_text.hpp"
#include "romanized_words.hpp"

namespace parley::language {

/// What the detectors concluded for one text, best first.
struct Verdict {
  std::vector<Candidate> ranked;
  bool romanized = false;  ///< el/ru/ar written in Latin letters
};

class LanguageClassifier final : public Classifier {
 public:
  /// Loads the models once. Throws std::invalid_argument for a bad config and
  /// std::runtime_error naming the file for a missing or corrupt model.
  LanguageClassifier(const ConfigValue& config, PluginContext& context);
  explicit LanguageClassifier(LanguageConfig config);

  /// Threading: called concurrently with distinct events; the instance is
  /// immutable after construction, scratch space is per thread.
  void classify(const Event& event, Labels& labels) override;

  /// The detectors' verdict on `text` (no labels written): for tests and the
  /// evaluation.
  Verdict detect(const PreparedText& text) const;

 private:
  bool restricted() const { return !config_.languages.empty(); }
  bool allowed(const std::string& language) const;
  bool script_decides(const PreparedText& text, Verdict& verdict) const;
  bool letters_decide(const PreparedText& text, Verdict& verdict) const;
  bool eld_decides(const PreparedText& text, Verdict& verdict) const;
  void models_decide(const PreparedText& text, Verdict& verdict) const;

  LanguageConfig config_;
  std::shared_ptr<const FastTextEngine> fasttext_;
  std::shared_ptr<const EldNgrams> eld_;
  RomanizedWords romanized_;
  std::vector<int> eld_indexes_;       ///< ELD's index of each allowed language; empty when ELD lacks one
  std::vector<Script> usual_scripts_;  ///< usual_script() of each allowed language, looked up once
  bool latin_letters_apply_ = false;   ///< every allowed Latin language is en, pl or fi
};

}  // namespace parley::language
