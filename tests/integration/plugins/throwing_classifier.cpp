// Test plugin: throws on every event whose text contains "boom", so tests can
// check that the host dead-letters those events and finishes the others.
#include <parley/parley.hpp>
#include <stdexcept>

namespace {

class ThrowingClassifier final : public parley::Classifier {
 public:
  ThrowingClassifier(const parley::ConfigValue& config, parley::PluginContext&)
      : trigger_(config.at("trigger").as_string()) {}
  void classify(const parley::Event& event, parley::Labels& labels) override {
    if (event.text.find(trigger_) != std::string::npos) throw std::runtime_error("exploded on purpose");
    labels.set("test.calm", 1.0);
  }

 private:
  std::string trigger_;
};

parley::ConfigSchema throwing_schema() {
  return {parley::schema::string("trigger").describe("text that makes it throw").defaults("boom")};
}

}  // namespace

PARLEY_PLUGIN(classifier, ThrowingClassifier, "throwing", "1.0.0", "Throws on purpose (tests only)", throwing_schema)
