#include "fasttext_classifier.hpp"

#include <fasttext/fasttext.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <system_error>
#include <utility>

#include "plugin_data_dir.hpp"

namespace parley::fasttext {
namespace {

[[noreturn]] void fail(const std::string& message) { throw std::invalid_argument("fasttext: " + message); }

bool is_file(const std::filesystem::path& path) {
  std::error_code error;
  return std::filesystem::is_regular_file(path, error);
}

/// fastText's own header check is protected; it also records the format
/// version that loadModel(std::istream&) reads.
class ModelLoader final : public ::fasttext::FastText {
 public:
  bool read_header(std::istream& in) { return checkModel(in); }
};

std::shared_ptr<const ::fasttext::FastText> load_model(const std::filesystem::path& path) {
  const std::string name = in_quotes(path.string());
  std::ifstream in(path, std::ios::binary);
  if (!in) fail("cannot open model " + name);
  // fastText reads a truncated file in an endless loop or divides by zero, so
  // any read past the end or failing must throw instead.
  in.exceptions(std::ios::failbit | std::ios::badbit | std::ios::eofbit);
  auto model = std::make_shared<ModelLoader>();
  std::string problem;
  try {
    if (!model->read_header(in)) {
      problem = "not a fastText model (wrong magic number) or a newer format than fastText 0.9.2 reads";
    } else {
      model->loadModel(in);
    }
  } catch (const std::ios_base::failure&) {
    problem = "the file is truncated or damaged";
  } catch (const std::exception& error) {
    problem = error.what();
  }
  if (!problem.empty()) fail("cannot load model " + name + ": " + problem);
  if (model->getArgs().model != ::fasttext::model_name::sup) {
    fail("model " + name + " is a word-vector model, not a supervised (classifier) model");
  }
  if (model->getDictionary()->nlabels() == 0) fail("model " + name + " has no labels");
  return model;
}

}  // namespace

std::filesystem::path shipped_model_dir() { return text::plugin_data_dir() / "fasttext"; }

std::filesystem::path find_model(const std::string& model, const PluginContext& context,
                                 const std::filesystem::path& data_dir) {
  const std::filesystem::path resolved = context.resolve_path(model);
  if (is_file(resolved)) return resolved;
  std::string looked = in_quotes(resolved.string());
  if (std::filesystem::path(model).is_relative()) {
    const std::filesystem::path shipped = (data_dir / model).lexically_normal();
    if (is_file(shipped)) return shipped;
    looked += " or " + in_quotes(shipped.string());
  }
  fail("model file not found: " + looked + " (config key 'model')");
}

FasttextClassifier::FasttextClassifier(const ConfigValue& config, PluginContext& context) {
  const FasttextConfig parsed = parse_fasttext_config(config);
  const std::filesystem::path path = find_model(parsed.model, context, shipped_model_dir());
  model_ = load_model(path);

  const auto dictionary = model_->getDictionary();
  for (std::int32_t i = 0; i < dictionary->nlabels(); ++i) model_labels_.push_back(dictionary->getLabel(i));

  for (const auto& mapping : parsed.labels) {
    if (std::find(model_labels_.begin(), model_labels_.end(), mapping.model_label) == model_labels_.end()) {
      std::string known;
      for (const auto& label : model_labels_) known += (known.empty() ? "" : ", ") + without_label_prefix(label);
      fail("labels: the model " + in_quotes(path.string()) + " has no label " +
           in_quotes(without_label_prefix(mapping.model_label)) + "; its labels are: " + known);
    }
  }
  mappings_ = parsed.labels;
  k_ = parsed.k;
  threshold_ = static_cast<float>(parsed.threshold);
  attribute_ = parsed.attribute;
  languages_ = parsed.languages;
  context.log(LogLevel::info, "fasttext: loaded " + path.string() + " (" + std::to_string(model_labels_.size()) +
                                  " labels, " + std::to_string(mappings_.size()) + " mapped)");
}

FasttextClassifier::~FasttextClassifier() = default;

bool FasttextClassifier::language_wanted(const Event& event, const Labels& labels) const {
  if (languages_.empty()) return true;
  const std::string& detected = labels.attribute("lang");
  const std::string& language = detected.empty() ? event.lang : detected;
  if (language.empty()) return true;  // unknown: better a score than none
  return std::find(languages_.begin(), languages_.end(), language) != languages_.end();
}

const LabelMapping* FasttextClassifier::mapping_for(const std::string& model_label) const {
  for (const auto& mapping : mappings_) {
    if (mapping.model_label == model_label) return &mapping;
  }
  return nullptr;
}

void FasttextClassifier::classify(const Event& event, Labels& labels) {
  if (!language_wanted(event, labels)) return;
  std::string line = preprocessor_.prepare(event.text);
  if (line.empty()) return;  // no words: no evidence either way
  line += '\n';              // training lines end in a newline, which fastText reads as a word (</s>)
  std::istringstream input(std::move(line));
  std::vector<std::pair<::fasttext::real, std::string>> predictions;
  model_->predictLine(input, predictions, k_, threshold_);

  const LabelMapping* top = nullptr;
  ::fasttext::real top_probability = -1.0F;
  for (const auto& [probability, model_label] : predictions) {
    const LabelMapping* mapping = mapping_for(model_label);
    if (mapping == nullptr) continue;
    labels.raise(mapping->label, static_cast<double>(probability));
    if (probability > top_probability) {  // a tie keeps the model's order
      top = mapping;
      top_probability = probability;
    }
  }
  if (attribute_ && top != nullptr) {
    const std::string value =
        attribute_->from_labels ? top->label.substr(top->label.rfind('.') + 1) : without_label_prefix(top->model_label);
    labels.set_attribute(attribute_->name, value);
  }
}

}  // namespace parley::fasttext
