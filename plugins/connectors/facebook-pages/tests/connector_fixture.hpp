// What every connector test starts from: a FakeGraphApi behind an in-memory
// HttpClient, a FakePluginContext wired to it (and to OpenSSL's HMAC), and
// the connector's config as the host would hand it over (defaults filled in).
#pragma once

#include <algorithm>
#include <initializer_list>
#include <memory>
#include <string>
#include <utility>

#include <parley/testing.hpp>

#include "facebook_connector.hpp"
#include "fake_graph_api.hpp"
#include "in_memory_http.hpp"
#include "openssl_hmac.hpp"

namespace parley::test {

inline constexpr const char* kPageId = "1000";
inline constexpr const char* kToken = "EAAG-page-token-7f3a9c";
inline constexpr const char* kAppSecret = "app-secret-51d2";
inline constexpr const char* kVerifyToken = "verify-me-8e1";

/// Every field, defaults included; `changes` replace or add entries.
inline ConfigValue connector_config(std::initializer_list<std::pair<const char*, ConfigValue>> changes = {}) {
  ConfigValue::Map map{{"page_id", kPageId},
                       {"access_token", kToken},
                       {"app_secret", kAppSecret},
                       {"verify_token", kVerifyToken},
                       {"graph_url", "https://graph.facebook.test"},
                       {"graph_version", "v21.0"},
                       {"polling", false},
                       {"poll_interval_s", 60},
                       {"poll_window_s", 7 * 24 * 3600},
                       {"brand_author_ids", ConfigValue::List{}}};
  for (const auto& change : changes) {
    auto found = std::find_if(map.begin(), map.end(), [&](const auto& entry) { return entry.first == change.first; });
    if (found != map.end()) {
      found->second = change.second;
    } else {
      map.emplace_back(change.first, change.second);
    }
  }
  return ConfigValue(std::move(map));
}

struct ConnectorFixture {
  FakeGraphApi graph{kPageId, "Nordic Coffee", kToken};
  InMemoryHttpClient http{[this](const RecordedRequest& request) { return graph.handle(request); }};
  parley::testing::FakePluginContext context;

  ConnectorFixture() {
    context.instance = "fb";
    context.http_client = &http;
    context.hmac = [](std::string_view key, std::string_view message) { return hmac_sha256_hex(key, message); };
  }

  std::unique_ptr<facebook::FacebookPagesConnector> connector(const ConfigValue& config = connector_config()) {
    return std::make_unique<facebook::FacebookPagesConnector>(config, context);
  }

  /// Unix seconds of the test clock.
  std::int64_t now_s() const { return context.now / 1000; }
};

}  // namespace parley::test
