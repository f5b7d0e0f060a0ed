#include "fasttext_config.hpp"

#include <stdexcept>
#include <string_view>

namespace parley::fasttext {
namespace {

[[noreturn]] void fail(const ConfigValue& value, const std::string& message) {
  const std::string where = value.location().empty() ? "" : value.location() + ": ";
  throw std::invalid_argument(where + "fasttext: " + message);
}

}  // namespace

std::string in_quotes(std::string_view text) { return "'" + std::string(text) + "'"; }

std::string with_label_prefix(const std::string& model_label) {
  return model_label.starts_with(kModelLabelPrefix) ? model_label : kModelLabelPrefix + model_label;
}

std::string without_label_prefix(const std::string& model_label) {
  const std::string_view prefix = kModelLabelPrefix;
  return model_label.starts_with(prefix) ? model_label.substr(prefix.size()) : model_label;
}

ConfigSchema fasttext_schema() {
  return {
      schema::string("model")
          .defaults(kShippedModel)
          .describe("fastText supervised model (.ftz or .bin), relative to the pipeline file; when not "
                    "there, looked up in the plugin's data folder (share/parley/fasttext), where the shipped "
                    "offensive-en.ftz is"),
      schema::map("labels", schema::string())
          .range(1, std::nullopt)
          .defaults(ConfigValue::Map{{"offensive", "toxicity.offensive"}})
          .describe("model label (offensive or __label__offensive) -> our label (toxicity.offensive); the "
                    "score is the model's probability. Model labels not listed are ignored"),
      schema::integer("k").range(1, 1000).describe(
          "consider only the k most probable model labels (default: all, so every listed label gets its "
          "probability)"),
      schema::number("threshold")
          .range(0, 1)
          .defaults(0.0)
          .describe("a model label less probable than this sets nothing"),
      schema::object("attribute",
                     {
                         schema::string("name").require().describe("attribute to set, e.g. theme"),
                         schema::boolean("from_labels")
                             .defaults(true)
                             .describe("true: the value is our label's last part (theme.late_delivery -> "
                                       "late_delivery); false: the model's label (late_delivery)"),
                     })
          .describe("set an attribute from the most probable listed label (none when absent)"),
      schema::list("languages", schema::string())
          .defaults(ConfigValue::List{"en"})
          .describe("languages the model was trained on: an event whose `lang` attribute (or platform "
                    "language) is another one is skipped; an event of unknown language is classified. "
                    "[] = every language"),
  };
}

FasttextConfig parse_fasttext_config(const ConfigValue& config) {
  FasttextConfig result;
  result.model = config.at("model").as_string();
  if (result.model.empty()) fail(config.at("model"), "'model' is empty; give the path of a fastText model");

  for (const auto& [model_label, label] : config.at("labels").as_map()) {
    if (without_label_prefix(model_label).empty()) fail(label, "'labels' has an empty model label");
    const std::string& ours = label.as_string();
    const auto dot = ours.find('.');
    if (dot == std::string::npos || dot == 0 || dot + 1 == ours.size()) {
      fail(label, "labels." + model_label + ": " + in_quotes(ours) + " must be family.name, e.g. toxicity.offensive");
    }
    result.labels.push_back({with_label_prefix(model_label), ours});
  }

  if (const auto* k = config.find("k")) result.k = static_cast<int>(k->as_integer());
  result.threshold = config.at("threshold").as_number();

  if (const auto* attribute = config.find("attribute")) {
    AttributeRule rule;
    rule.name = attribute->at("name").as_string();
    if (rule.name.empty()) fail(attribute->at("name"), "attribute.name is empty");
    rule.from_labels = attribute->bool_or("from_labels", true);
    result.attribute = rule;
  }

  for (const auto& language : config.at("languages").as_list()) result.languages.push_back(language.as_string());
  return result;
}

}  // namespace parley::fasttext
