// What the webhook connector tests start from: a FakePluginContext with
// OpenSSL's HMAC, an HttpClient that sends over a real socket to a
// FakeHttpServer on 127.0.0.1 (no retries: the test sees each answer), and
// configs as the host hands them over (defaults filled in).
#pragma once

#include <memory>
#include <parley/testing.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "fake_http_server.hpp"
#include "http_test_client.hpp"
#include "openssl_hmac.hpp"
#include "webhook_connector.hpp"

namespace parley::test {

inline constexpr const char* kInboundSecret = "in-secret-3f9a1c";
inline constexpr const char* kOutboundSecret = "out-secret-77b2e0";

/// Sends each request to 127.0.0.1:<port of its URL> with the test client.
class SocketHttpClient final : public HttpClient {
 public:
  HttpResponse send(const HttpRequest& request) override {
    sent.push_back(request);
    const auto scheme = request.url.find("://");
    const auto host_start = scheme == std::string::npos ? 0 : scheme + 3;
    const auto slash = request.url.find('/', host_start);
    const auto host = request.url.substr(host_start, slash - host_start);
    const auto colon = host.rfind(':');
    HttpResponse response;
    if (colon == std::string::npos) {
      response.error = "test client: no port in the URL";
      return response;
    }
    const auto port = static_cast<std::uint16_t>(std::stoi(host.substr(colon + 1)));
    const auto target = slash == std::string::npos ? "/" : request.url.substr(slash);
    const auto answer = http_request(port, request.method, target, request.headers, request.body);
    response.status = answer.status;
    response.body = answer.body;
    response.headers = answer.headers;
    // Like some real clients, name what could not be reached: the connector
    // must keep the URL (a secret in slack format) out of its messages.
    if (answer.status == 0) response.error = "could not reach " + request.url + ": " + answer.error;
    response.attempts = 1;
    return response;
  }
  std::vector<HttpRequest> sent;
};

/// `outbound:` settings; `url` is the fake's.
inline ConfigValue outbound_section(const std::string& url, const std::string& format = "parley",
                                    ConfigValue::List kinds = {"escalate", "notify"}) {
  ConfigValue::Map map{{"url", url}, {"format", format}, {"kinds", ConfigValue(std::move(kinds))}, {"timeout_ms", 0}};
  if (format == "parley") map.emplace_back("secret", kOutboundSecret);
  return ConfigValue(std::move(map));
}

inline ConfigValue inbound_section() {
  return ConfigValue(ConfigValue::Map{
      {"secret", kInboundSecret}, {"replay_window_s", 300}, {"platform", "shop"}, {"account", "acme-shop"}});
}

inline ConfigValue config_with(std::optional<ConfigValue> inbound, std::optional<ConfigValue> outbound) {
  ConfigValue::Map map;
  if (inbound) map.emplace_back("inbound", *inbound);
  if (outbound) map.emplace_back("outbound", *outbound);
  return ConfigValue(std::move(map));
}

struct WebhookFixture {
  SocketHttpClient http;
  parley::testing::FakePluginContext context;

  WebhookFixture() {
    context.instance = "team";
    context.pipeline_name = "acme";
    context.http_client = &http;
    context.hmac = [](std::string_view key, std::string_view message) { return hmac_sha256_hex(key, message); };
  }

  std::unique_ptr<webhook::WebhookConnector> connector(const ConfigValue& config) {
    return std::make_unique<webhook::WebhookConnector>(config, context);
  }

  std::int64_t now_s() const { return context.now / 1000; }
};

}  // namespace parley::test
