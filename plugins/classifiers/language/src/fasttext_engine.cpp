#include "fasttext_engine.hpp"

#include <fasttext/fasttext.h>

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace parley::language {
namespace {

constexpr std::string_view kLabelPrefix = "__label__";

std::string strip_label(const std::string& label) {
  return label.starts_with(kLabelPrefix) ? label.substr(kLabelPrefix.size()) : label;
}

}  // namespace

FastTextEngine::FastTextEngine(const std::filesystem::path& model) : model_(std::make_unique<fasttext::FastText>()) {
  // fastText reports a missing file and a bad header with exceptions whose
  // messages do not name the file; check and rephrase.
  if (!std::ifstream(model, std::ios::binary)) {
    throw std::runtime_error("cannot read the language-ID model " + model.string() +
                             " (run scripts/setup.sh, or set `model:`)");
  }
  try {
    model_->loadModel(model.string());
  } catch (const std::exception& error) {
    throw std::runtime_error("the language-ID model " + model.string() +
                             " is not a usable fastText model: " + error.what());
  }
  const auto dictionary = model_->getDictionary();
  if (dictionary->nlabels() <= 0) {
    throw std::runtime_error("the language-ID model " + model.string() + " has no labels");
  }
  for (int i = 0; i < dictionary->nlabels(); ++i) languages_.push_back(strip_label(dictionary->getLabel(i)));
}

FastTextEngine::~FastTextEngine() = default;

void FastTextEngine::predict(std::string_view words, int k, std::vector<Candidate>& out) const {
  out.clear();
  if (words.empty()) return;
  // The trailing newline is fastText's end-of-sentence token, which the
  // model saw in training; with it, short texts are measurably better.
  std::istringstream in(std::string(words) + "\n");
  std::vector<std::pair<fasttext::real, std::string>> predictions;
  model_->predictLine(in, predictions, k, 0.0);
  out.reserve(predictions.size());
  for (const auto& [probability, label] : predictions) {
    out.push_back({strip_label(label), static_cast<double>(probability)});
  }
}

}  // namespace parley::language
