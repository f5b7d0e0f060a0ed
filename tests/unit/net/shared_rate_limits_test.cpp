// The plugin context's HTTP services as build_runtime wires them: every
// pipeline of a process shares one rate limiter per key.
#include <catch2/catch.hpp>

#include <fake_http_server.hpp>
#include <filesystem>

#include "../engine/test_descriptor.hpp"
#include "engine/pipeline_runtime.hpp"
#include "net/curl_http_client.hpp"

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace shared_rate_limits_test {

using namespace parley;
using namespace parley::host;

/// A connector that only keeps its context, for the test to call.
class ContextHolder final : public Connector {
 public:
  ContextHolder(const ConfigValue&, PluginContext& context) : context(context) {}
  void poll(PollBatch& batch, std::size_t) override { batch.exhausted = true; }
  ActionResult execute(const Action&) override { return {}; }
  std::vector<ActionKind> supported_actions() const override { return {ActionKind::reply_public}; }
  PluginContext& context;
};

const PluginDescriptor holder_descriptor =
    test::descriptor_for<Connector, ContextHolder>(PluginKind::connector, "holder");

PipelineConfig pipeline(const std::string& client, double per_second) {
  PipelineConfig config;
  config.file = client + ".yaml";
  config.dir = std::filesystem::temp_directory_path().string();
  config.client = client;
  config.connectors = {{"holder", "holder", ConfigValue{ConfigValue::Map{}}, client + ".yaml:3:5"}};
  config.http.rate_limits = {{"shared:", per_second, 1, client + ".yaml:9:7"}};
  return config;
}

PluginContext& context_of(const PipelineRuntime& runtime) {
  REQUIRE(runtime.connectors.size() == 1);
  auto* holder = dynamic_cast<ContextHolder*>(runtime.connectors[0].object.get());
  REQUIRE(holder != nullptr);
  return holder->context;
}

TEST_CASE("http context: two pipelines' contexts share one limiter per key", "[net][context]") {
  PluginRegistry registry;
  REQUIRE(registry.register_descriptor(&holder_descriptor, "test"));
  test::FakeHttpServer server([](const test::RecordedRequest&) { return test::CannedResponse{200, {}, "{}", {}}; });
  // A frozen clock: every reservation shows in the waits the limiter computes.
  std::int64_t frozen = 1'000'000;  // not const: clang wants no capture of a constant
  auto limits = std::make_shared<RateLimiterRegistry>(RateLimiterRegistry::Mode::enabled, [frozen] { return frozen; });

  // 5/s in the first pipeline; the second's 50/s for the same prefix is ignored (the first wins).
  const auto acme = build_runtime(pipeline("acme", 5), registry, false, nullptr, RuntimeParts::everything, limits);
  const auto brew = build_runtime(pipeline("brew", 50), registry, false, nullptr, RuntimeParts::everything, limits);
  CHECK(limits->rule_for("shared:1").per_second == 5);
  CHECK(limits->rule_for("shared:1").location == "acme.yaml:9:7");

  HttpRequest request;
  request.url = server.base_url() + "/me";
  request.rate_limit_key = "shared:1";
  CHECK(context_of(acme).http().send(request).ok());  // slot 0 ms
  CHECK(context_of(brew).http().send(request).ok());  // slot 200 ms (sleeps it)
  CHECK(server.requests().size() == 2);
  // Both took a slot of the same bucket: the next one is 2 intervals out.
  CHECK(limits->reserve("shared:1", 1'000'000).wait_ms == 400);
  // A key of its own is not slowed by them.
  CHECK(limits->reserve("shared:2", 1'000'000).wait_ms == 0);
}

TEST_CASE("http context: each pipeline gets its own client settings", "[net][context]") {
  PluginRegistry registry;
  REQUIRE(registry.register_descriptor(&holder_descriptor, "test"));
  auto config = pipeline("acme", 5);
  config.http.max_attempts = 2;
  const auto runtime = build_runtime(config, registry, false, nullptr);
  REQUIRE(runtime.http != nullptr);
  CHECK(&context_of(runtime).http() == runtime.http.get());
  const auto* client = dynamic_cast<const CurlHttpClient*>(runtime.http.get());
  REQUIRE(client != nullptr);
  CHECK(client->settings().max_attempts == 2);
}

TEST_CASE("http context: hmac_sha256_hex, and http() without a client", "[net][context]") {
  HostPluginContext with_nothing("acme", "fb", "/tmp", false, nullptr);
  // RFC 4231 test case 2.
  CHECK(with_nothing.hmac_sha256_hex("Jefe", "what do ya want for nothing?") ==
        "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  CHECK_THROWS_AS(with_nothing.http(), std::logic_error);
}

}  // namespace shared_rate_limits_test
