// What every instagram test starts from: a FakeInstagramApi behind an
// in-memory HttpClient (graph_test_fixture.hpp), the connector's config as
// the host would hand it over (defaults filled in), and Meta-shaped
// webhook bodies.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "fake_instagram_api.hpp"
#include "graph_test_fixture.hpp"
#include "instagram_connector.hpp"

namespace parley::test {

inline constexpr const char* kIgUserId = "17841400000000001";
inline constexpr const char* kToken = "EAAG-ig-page-token-3c9d";
inline constexpr const char* kAppSecret = "ig-app-secret-a17";
inline constexpr const char* kVerifyToken = "ig-verify-5b2";
inline constexpr const char* kRoute = "/webhooks/test-client/ig";

/// Every field, defaults included; `changes` replace or add entries.
inline ConfigValue ig_config(ConfigChanges changes = {}) {
  auto defaults = graph_config("ig_user_id", kIgUserId, kToken, kAppSecret, kVerifyToken);
  defaults.emplace_back("live_comments", false);
  return config_with(std::move(defaults), changes);
}

struct IgFixture : GraphFixture<FakeInstagramApi, instagram::InstagramConnector> {
  IgFixture() : GraphFixture("ig", kIgUserId, "nordiccoffee", kToken) {}

  std::unique_ptr<instagram::InstagramConnector> connector(const ConfigValue& config = ig_config()) {
    return make_connector(config);
  }
};

/// The value of a `comments` change, as Meta's webhook reference lists it.
inline nlohmann::json ig_comment(const std::string& id, const std::string& from_id, const std::string& username,
                                 const std::string& text, const std::string& parent_id = "") {
  nlohmann::json value = {{"id", id},
                          {"from", {{"id", from_id}, {"username", username}}},
                          {"text", text},
                          {"media", {{"id", "17900000000000500"}, {"media_product_type", "FEED"}}}};
  if (!parent_id.empty()) value["parent_id"] = parent_id;
  return value;
}

/// {"object":"instagram","entry":[{"id","time","changes":[{"field","value"}...]}]}
inline std::string ig_delivery(const std::vector<nlohmann::json>& values, std::int64_t time_s,
                               const std::string& field = "comments", const std::string& account = kIgUserId) {
  auto changes = nlohmann::json::array();
  for (const auto& value : values) changes.push_back({{"field", field}, {"value", value}});
  const nlohmann::json entry = {{"id", account}, {"time", time_s}, {"changes", changes}};
  return nlohmann::json{{"object", "instagram"}, {"entry", nlohmann::json::array({entry})}}.dump();
}

inline WebhookRequest ig_signed(const std::string& body, const std::string& secret = kAppSecret) {
  return signed_delivery(kRoute, body, secret);
}

}  // namespace parley::test
