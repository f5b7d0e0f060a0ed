// An out-of-tree classifier: labels greetings in a few languages.
#include <parley/parley.hpp>
#include <string>
#include <vector>

namespace {

class GreetingClassifier final : public parley::Classifier {
 public:
  GreetingClassifier(const parley::ConfigValue& config, parley::PluginContext& context)
      : label_(config.at("label").as_string()) {
    context.log(parley::LogLevel::debug, "greeting classifier ready");
  }

  void classify(const parley::Event& event, parley::Labels& labels) override {
    static const std::vector<std::string> greetings = {"hello", "Γεια", "Привет", "Cześć", "Moi", "مرحبا"};
    for (const auto& greeting : greetings) {
      if (event.text.find(greeting) != std::string::npos) labels.set(label_, 1.0);
    }
  }

 private:
  std::string label_;
};

parley::ConfigSchema greeting_schema() {
  return {parley::schema::string("label").describe("label to set on a greeting").defaults("intent.greeting")};
}

}  // namespace

PARLEY_PLUGIN(classifier, GreetingClassifier, "greeting", "0.1.0", "Finds greetings (out-of-tree example)",
              greeting_schema)
