// What the Meta connectors' tests start from: a fake Graph API behind an
// in-memory HttpClient, a FakePluginContext wired to it (and to OpenSSL's
// HMAC), configs with defaults and changes, and webhook requests signed or
// shaped the way Meta sends them.
#pragma once

#include <algorithm>
#include <initializer_list>
#include <memory>
#include <string>
#include <utility>

#include <parley/testing.hpp>
#include <parley/webhook.hpp>

#include "in_memory_http.hpp"
#include "openssl_hmac.hpp"

namespace parley::test {

using ConfigChanges = std::initializer_list<std::pair<const char*, ConfigValue>>;

/// `defaults` with `changes` replacing or adding entries.
inline ConfigValue config_with(ConfigValue::Map defaults, ConfigChanges changes) {
  for (const auto& change : changes) {
    auto found =
        std::find_if(defaults.begin(), defaults.end(), [&](const auto& entry) { return entry.first == change.first; });
    if (found != defaults.end()) {
      found->second = change.second;
    } else {
      defaults.emplace_back(change.first, change.second);
    }
  }
  return ConfigValue(std::move(defaults));
}

/// The fields every Meta connector's config has (graph_settings.hpp), as the
/// host hands them over with defaults filled in, pointing at the fake.
inline ConfigValue::Map graph_config(const char* account_key, const char* account, const char* token,
                                     const char* app_secret, const char* verify_token) {
  return {{account_key, account},
          {"access_token", token},
          {"app_secret", app_secret},
          {"verify_token", verify_token},
          {"graph_url", "https://graph.facebook.test"},
          {"graph_version", "v21.0"},
          {"polling", false},
          {"poll_interval_s", 60},
          {"poll_window_s", 7 * 24 * 3600},
          {"brand_author_ids", ConfigValue::List{}}};
}

/// `Fake` (a FakeGraphBase) answering the connector's requests in memory.
template <typename Fake, typename Connector>
struct GraphFixture {
  Fake graph;
  InMemoryHttpClient http{[this](const RecordedRequest& request) { return graph.handle(request); }};
  parley::testing::FakePluginContext context;

  template <typename... FakeArguments>
  explicit GraphFixture(const char* instance, FakeArguments&&... arguments)
      : graph(std::forward<FakeArguments>(arguments)...) {
    context.instance = instance;
    context.http_client = &http;
    context.hmac = [](std::string_view key, std::string_view message) { return hmac_sha256_hex(key, message); };
  }

  std::unique_ptr<Connector> make_connector(const ConfigValue& config) {
    return std::make_unique<Connector>(config, context);
  }

  /// Unix seconds of the test clock.
  std::int64_t now_s() const { return context.now / 1000; }
};

/// An action on a comment event as the host hands it over, with a reason and a rule.
inline Action comment_action(ActionKind kind, std::string target_event_id, std::string author_id, std::string text,
                             std::string idempotency_key) {
  Action made;
  made.kind = kind;
  made.target_event_id = std::move(target_event_id);
  made.target_author_id = std::move(author_id);
  made.text = std::move(text);
  made.reason = "test";
  made.rule_id = "test-rule";
  made.idempotency_key = std::move(idempotency_key);
  return made;
}

/// GET <path>?<query>: a subscription handshake.
inline WebhookRequest handshake_request(const std::string& path, const std::string& query) {
  WebhookRequest request;
  request.method = "GET";
  request.path = path;
  request.query = query;
  return request;
}

/// POST <path> signed the way Meta signs it: sha256=HMAC-SHA256(app secret, raw body).
inline WebhookRequest signed_delivery(const std::string& path, const std::string& body, const std::string& secret) {
  WebhookRequest request;
  request.method = "POST";
  request.path = path;
  request.headers.push_back({"Content-Type", "application/json"});
  request.headers.push_back({"X-Hub-Signature-256", "sha256=" + hmac_sha256_hex(secret, body)});
  request.body = body;
  return request;
}

}  // namespace parley::test
