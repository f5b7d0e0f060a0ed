// FasttextClassifier: scores events with a fastText supervised model and maps
// the model's labels to ours (e.g. __label__offensive -> toxicity.offensive).
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <parley/parley.hpp>

#include "fasttext_config.hpp"
#include "text_preprocessor.hpp"

namespace fasttext {
class FastText;
}

namespace parley::fasttext {

class FasttextClassifier final : public Classifier {
 public:
  /// `config` is validated, with defaults filled in. Loads the model once.
  /// Throws std::invalid_argument naming the path when the model is missing or
  /// unreadable, and naming the label when `labels` lists one the model lacks.
  FasttextClassifier(const ConfigValue& config, PluginContext& context);
  ~FasttextClassifier() override;

  /// Threading: called concurrently with distinct events. The model is only
  /// read (fastText's predict keeps its scratch per call), so no lock.
  void classify(const Event& event, Labels& labels) override;

  /// The model's labels, with the __label__ prefix, in the model's order.
  const std::vector<std::string>& model_labels() const { return model_labels_; }

 private:
  bool language_wanted(const Event& event, const Labels& labels) const;
  const LabelMapping* mapping_for(const std::string& model_label) const;

  std::shared_ptr<const ::fasttext::FastText> model_;
  std::vector<std::string> model_labels_;
  std::vector<LabelMapping> mappings_;
  int k_ = -1;
  float threshold_ = 0.0F;
  std::optional<AttributeRule> attribute_;
  std::vector<std::string> languages_;
  TextPreprocessor preprocessor_;
};

/// Where `model` (as written in the config) is: resolved against the
/// pipeline's folder; if no file is there and the path is relative, the same
/// path under `data_dir` (the shipped model's folder). Throws
/// std::invalid_argument naming every place looked at when none exists.
std::filesystem::path find_model(const std::string& model, const PluginContext& context,
                                 const std::filesystem::path& data_dir);

/// share/parley/fasttext next to the installed (or built) plugin.
std::filesystem::path shipped_model_dir();

}  // namespace parley::fasttext
