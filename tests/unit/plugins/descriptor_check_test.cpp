#include <catch2/catch.hpp>
#include <parley/version.hpp>

#include "plugins/descriptor_check.hpp"
#include "plugins/plugin_registry.hpp"

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace descriptor_check_test {
const std::string host_api_text =
    "host has API " + std::to_string(PARLEY_API_MAJOR) + "." + std::to_string(PARLEY_API_MINOR);

using namespace parley;

class NullClassifier final : public Classifier {
 public:
  NullClassifier(const ConfigValue&, PluginContext&) {}
  void classify(const Event&, Labels&) override {}
};

ConfigSchema no_fields() { return {}; }

PluginDescriptor valid_descriptor() {
  return {sizeof(PluginDescriptor),
          PARLEY_API_MAJOR,
          PARLEY_API_MINOR,
          PARLEY_BUILD_FINGERPRINT,
          PluginKind::classifier,
          "null",
          "1.0.0",
          "labels nothing",
          &no_fields,
          nullptr,
          &detail::create<Classifier, NullClassifier>,
          nullptr};
}

std::string refusal(const PluginDescriptor& descriptor) {
  return host::refusal_reason(&descriptor).value_or("(accepted)");
}

TEST_CASE("a valid descriptor is accepted") {
  const auto descriptor = valid_descriptor();
  CHECK_FALSE(host::refusal_reason(&descriptor).has_value());
}

TEST_CASE("each broken descriptor member is refused by name") {
  auto descriptor = valid_descriptor();
  SECTION("API major differs") {
    descriptor.api_major = PARLEY_API_MAJOR + 1;
    descriptor.api_minor = 0;
    CHECK_THAT(refusal(descriptor), Catch::Contains("API major versions disagree") &&
                                        Catch::Contains("plugin built for API 2.0") && Catch::Contains(host_api_text));
  }
  SECTION("API minor newer than the host's") {
    descriptor.api_minor = PARLEY_API_MINOR + 1;
    CHECK_THAT(refusal(descriptor), Catch::Contains("needs a newer API"));
  }
  SECTION("fingerprint differs") {
    descriptor.build_fingerprint = "clang-99/libc++-1/boost-100000";
    CHECK_THAT(refusal(descriptor), Catch::Contains("build fingerprints differ") &&
                                        Catch::Contains("clang-99/libc++-1/boost-100000") &&
                                        Catch::Contains(PARLEY_BUILD_FINGERPRINT));
  }
  SECTION("descriptor from an older, smaller struct") {
    descriptor.size = 8;
    CHECK_THAT(refusal(descriptor), Catch::Contains("too small"));
  }
  SECTION("missing name") {
    descriptor.name = "";
    CHECK(refusal(descriptor) == "required member 'name' is not set");
  }
  SECTION("missing factory for its kind") {
    descriptor.create_classifier = nullptr;
    CHECK(refusal(descriptor) == "required member 'create_classifier' is not set");
  }
  SECTION("factory of another kind only") {
    descriptor.kind = PluginKind::responder;
    CHECK(refusal(descriptor) == "required member 'create_responder' is not set");
  }
  SECTION("unknown kind") {
    descriptor.kind = static_cast<PluginKind>(77);
    CHECK_THAT(refusal(descriptor), Catch::Contains("unknown plugin kind 77"));
  }
}

TEST_CASE("the registry refuses through the same checks and keeps the first of a name") {
  host::PluginRegistry registry;
  static auto good = valid_descriptor();
  static auto same_name = valid_descriptor();
  static auto bad = valid_descriptor();
  bad.api_major = 9;
  bad.name = "bad";
  CHECK(registry.register_descriptor(&good, "built-in:null"));
  CHECK_FALSE(registry.register_descriptor(&same_name, "built-in:other"));
  CHECK_FALSE(registry.register_descriptor(&bad, "built-in:bad"));
  CHECK(registry.names() == std::vector<std::string>{"null"});
  REQUIRE(registry.problems().size() == 2);
  CHECK_THAT(registry.problems()[0].reason, Catch::Contains("shadowed by built-in:null"));
  CHECK(registry.problems()[1].origin == "built-in:bad");
}

TEST_CASE("a file that is not a plugin is refused with the reason") {
  host::PluginRegistry registry;
  CHECK_FALSE(registry.load_library("/nonexistent/parley-ghost.so"));
  REQUIRE(registry.problems().size() == 1);
  CHECK_THAT(registry.problems()[0].reason, Catch::Contains("cannot load library"));
}

}  // namespace descriptor_check_test
