// Test plugin: claims API major 2, which this host must refuse by name.
#include <parley/parley.hpp>

namespace {

class FutureClassifier final : public parley::Classifier {
 public:
  FutureClassifier(const parley::ConfigValue&, parley::PluginContext&) {}
  void classify(const parley::Event&, parley::Labels&) override {}
};

parley::ConfigSchema no_fields() { return {}; }

const parley::PluginDescriptor* describe_future_plugin() {
  static const parley::PluginDescriptor descriptor = {sizeof(parley::PluginDescriptor),
                                                      PARLEY_API_MAJOR + 1,
                                                      0,
                                                      PARLEY_BUILD_FINGERPRINT,
                                                      parley::PluginKind::classifier,
                                                      "future",
                                                      "9.0.0",
                                                      "Built for an API that does not exist yet",
                                                      &no_fields,
                                                      nullptr,
                                                      &parley::detail::create<parley::Classifier, FutureClassifier>,
                                                      nullptr};
  return &descriptor;
}

}  // namespace

BOOST_DLL_ALIAS(describe_future_plugin, parley_plugin)
