// What every mastodon connector test starts from: a FakeMastodonApi behind an
// in-memory HttpClient, a FakePluginContext wired to it, and the connector's
// config as the host would hand it over (defaults filled in).
#pragma once

#include <algorithm>
#include <initializer_list>
#include <memory>
#include <string>
#include <utility>

#include <parley/testing.hpp>

#include "fake_mastodon_api.hpp"
#include "in_memory_http.hpp"
#include "mastodon_connector.hpp"

namespace parley::test {

inline constexpr const char* kBrandId = "109000000000000001";
inline constexpr const char* kToken = "mastodon-user-token-Zx81q";
inline constexpr const char* kInstance = "https://mastodon.test";

inline const FakeMastodonApi::Account kBrand{kBrandId, "nordiccoffee", "nordiccoffee", "Nordic Coffee"};
inline const FakeMastodonApi::Account kMaria{"109000000000000042", "maria", "maria", "Maria K."};
inline const FakeMastodonApi::Account kOlga{"109000000000000077", "olga", "olga@social.example", "Ольга"};

/// Every field, defaults included; `changes` replace or add entries.
inline ConfigValue connector_config(std::initializer_list<std::pair<const char*, ConfigValue>> changes = {}) {
  ConfigValue::Map map{{"instance_url", kInstance},
                       {"access_token", kToken},
                       {"account_id", kBrandId},
                       {"poll_interval_s", 60},
                       {"page_size", 40},
                       {"max_pages_per_poll", 10},
                       {"backfill", 1},
                       {"include_status_notifications", false},
                       {"reply_visibility", "public"},
                       {"ban_as", "block"},
                       {"max_status_chars", 500},
                       {"report_forward", false},
                       {"brand_account_ids", ConfigValue::List{}}};
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
  FakeMastodonApi mastodon{kBrand, kToken};
  InMemoryHttpClient http{[this](const RecordedRequest& request) { return mastodon.handle(request); }};
  parley::testing::FakePluginContext context;

  ConnectorFixture() {
    context.instance = "masto";
    context.http_client = &http;
    mastodon.base_url = kInstance;
  }

  std::unique_ptr<mastodon::MastodonConnector> connector(const ConfigValue& config = connector_config()) {
    return std::make_unique<mastodon::MastodonConnector>(config, context);
  }
};

}  // namespace parley::test
