// What every connector test starts from: a FakeGraphApi behind an in-memory
// HttpClient (graph_test_fixture.hpp), and the connector's config as the
// host would hand it over (defaults filled in).
#pragma once

#include <memory>

#include "facebook_connector.hpp"
#include "fake_graph_api.hpp"
#include "graph_test_fixture.hpp"

namespace parley::test {

inline constexpr const char* kPageId = "1000";
inline constexpr const char* kToken = "EAAG-page-token-7f3a9c";
inline constexpr const char* kAppSecret = "app-secret-51d2";
inline constexpr const char* kVerifyToken = "verify-me-8e1";

/// Every field, defaults included; `changes` replace or add entries.
inline ConfigValue connector_config(ConfigChanges changes = {}) {
  return config_with(graph_config("page_id", kPageId, kToken, kAppSecret, kVerifyToken), changes);
}

struct ConnectorFixture : GraphFixture<FakeGraphApi, facebook::FacebookPagesConnector> {
  ConnectorFixture() : GraphFixture("fb", kPageId, "Nordic Coffee", kToken) {}

  std::unique_ptr<facebook::FacebookPagesConnector> connector(const ConfigValue& config = connector_config()) {
    return make_connector(config);
  }
};

}  // namespace parley::test
