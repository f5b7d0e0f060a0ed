// The email connector's config as the host hands it over (defaults filled
// in), and actions as the host and pipeline routes make them.
#pragma once

#include <algorithm>
#include <initializer_list>
#include <map>
#include <string>
#include <utility>

#include <parley/action.hpp>
#include <parley/config.hpp>

namespace parley::test {

inline constexpr const char* kPassword = "s3cret-Pa55-9f1c";

/// Every field, defaults included; `changes` replace or add entries.
inline ConfigValue email_config(std::initializer_list<std::pair<const char*, ConfigValue>> changes = {}) {
  ConfigValue::Map map{{"smtp_url", "smtp://127.0.0.1:2525"},
                       {"starttls", "off"},
                       {"username", ""},
                       {"password", ""},
                       {"ca_file", ""},
                       {"verify_tls", true},
                       {"from", "Nordic Coffee Care <care@nordic-coffee.example>"},
                       {"reply_to", ""},
                       {"timeout_ms", 5000},
                       {"subject_prefix", ""},
                       {"kinds", ConfigValue::List{"reply_private", "escalate", "notify"}}};
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

/// `config` with `key` set to `value`.
inline ConfigValue with(const ConfigValue& config, const std::string& key, ConfigValue value) {
  auto map = config.as_map();
  for (auto& entry : map) {
    if (entry.first == key) entry.second = std::move(value);
  }
  return ConfigValue(std::move(map));
}

inline Action email_action(ActionKind kind, std::map<std::string, std::string> params, std::string text = "") {
  Action action;
  action.kind = kind;
  action.target_event_id = "fb-201_301";
  action.target_author_id = "u-77";
  action.text = std::move(text);
  action.params = std::move(params);
  action.reason = "threatens legal action";
  action.rule_id = "P7";
  action.idempotency_key = "nordic-coffee/fb-201_301/P7/" + std::string(to_string(kind));
  return action;
}

}  // namespace parley::test
