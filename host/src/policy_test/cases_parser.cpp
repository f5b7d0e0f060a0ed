#include "policy_test/cases_parser.hpp"

#include <algorithm>

#include "config/key_path.hpp"
#include "config/nearest_key.hpp"
#include "config/pipeline_config.hpp"
#include "config/yaml_document.hpp"
#include "policy_test/time_text.hpp"

namespace parley::host {
namespace {

using Keys = std::vector<std::string>;

const Keys kTopKeys{"cases"};
const Keys kCaseKeys{"name", "events"};
const Keys kEventKeys{"text",  "author",   "name",   "handle",     "brand",     "thread", "kind",   "lang",       "at",
                      "after", "metadata", "labels", "attributes", "connector", "expect", "forbid", "expect_only"};
const Keys kWaitKeys{"wait", "expect", "forbid", "expect_only"};
const Keys kPatternKeys{"kind", "rule", "text_contains", "param", "verdict", "reason_contains", "lang"};
const Keys kEventKinds{"comment", "reply", "mention", "direct_message", "review"};
const Keys kVerdicts{"allowed", "parked", "blocked", "any"};

std::string one_of(const Keys& names) {
  std::string text = "one of ";
  for (std::size_t index = 0; index < names.size(); ++index) text += (index ? ", '" : "'") + names[index] + "'";
  return text;
}

std::string found(const ConfigValue& value) {
  if (value.is_null()) return "nothing";
  if (value.is_bool()) return value.as_bool() ? "true" : "false";
  if (value.is_integer()) return "the number " + std::to_string(value.as_integer());
  if (value.is_number()) return "a number";
  if (value.is_string()) return "'" + value.as_string() + "'";
  return value.is_list() ? "a list" : "a map";
}

class CasesReader {
 public:
  CasesReader(CasesFile& out, Diagnostics& errors) : out_(out), errors_(errors) {}

  void read(const ConfigValue& root) {
    if (!root.is_map()) {
      error(root, "", "a cases file is a map with the key 'cases'", "'cases:' followed by a list of cases");
      return;
    }
    check_keys(root, "", kTopKeys);
    const auto* cases = root.find("cases");
    if (!cases || cases->is_null()) {
      error(root, "cases", "missing value", "a list of cases, each with 'name' and 'events'");
      return;
    }
    if (!cases->is_list() || cases->as_list().empty()) {
      error(*cases, "cases", "expected a non-empty list of cases, found " + found(*cases), "");
      return;
    }
    std::size_t index = 0;
    for (const auto& item : cases->as_list()) read_case(item, item_key_path("cases", index++));
  }

 private:
  void error(const ConfigValue& at, const std::string& key, std::string message, std::string expected,
             std::string suggestion = "") {
    errors_.push_back({at.location(), key, std::move(message), std::move(expected), std::move(suggestion)});
  }

  void check_keys(const ConfigValue& map, const std::string& path, const Keys& allowed) {
    for (const auto& [name, value] : map.as_map()) {
      if (std::find(allowed.begin(), allowed.end(), name) != allowed.end()) continue;
      error(value, child_key_path(path, name), "unknown key", one_of(allowed), nearest(name, allowed));
    }
  }

  /// The string at `key`, or nullopt (with an error when it is there but not text).
  std::optional<std::string> text(const ConfigValue& map, const std::string& path, const char* key,
                                  bool required = false) {
    const auto* value = map.find(key);
    if (!value || value->is_null()) {
      if (required) error(value ? *value : map, child_key_path(path, key), "missing value", "text");
      return std::nullopt;
    }
    // A plain number or boolean is text here (`author: 42`, `thread: 7`).
    if (value->is_integer()) return std::to_string(value->as_integer());
    if (value->is_string()) return value->as_string();
    error(*value, child_key_path(path, key), "expected text, found " + found(*value), "");
    return std::nullopt;
  }

  std::optional<bool> flag(const ConfigValue& map, const std::string& path, const char* key) {
    const auto* value = map.find(key);
    if (!value || value->is_null()) return std::nullopt;
    if (value->is_bool()) return value->as_bool();
    error(*value, child_key_path(path, key), "expected true or false, found " + found(*value), "");
    return std::nullopt;
  }

  std::optional<std::int64_t> duration(const ConfigValue& value, const std::string& key) {
    if (value.is_string()) {
      if (auto ms = parse_duration_ms(value.as_string())) return ms;
    }
    error(value, key, "not a duration: " + found(value),
          "a number and a unit s, m, h, d or w, e.g. '10m', '3d', '1h30m'");
    return std::nullopt;
  }

  /// A map of text values (`metadata`, `param`); numbers and booleans become text.
  std::map<std::string, std::string> text_map(const ConfigValue& value, const std::string& key) {
    std::map<std::string, std::string> result;
    if (!value.is_map()) {
      error(value, key, "expected a map (e.g. {name: value}), found " + found(value), "");
      return result;
    }
    for (const auto& [name, item] : value.as_map()) {
      if (item.is_string()) {
        result[name] = item.as_string();
      } else if (item.is_integer()) {
        result[name] = std::to_string(item.as_integer());
      } else if (item.is_bool()) {
        result[name] = item.as_bool() ? "true" : "false";
      } else {
        error(item, child_key_path(key, name), "expected text, found " + found(item), "");
      }
    }
    return result;
  }

  void read_case(const ConfigValue& item, const std::string& path) {
    if (!item.is_map()) {
      error(item, path, "expected a case (a map with 'name' and 'events'), found " + found(item), "");
      return;
    }
    check_keys(item, path, kCaseKeys);
    TestCase test;
    test.location = item.location();
    test.name = text(item, path, "name", true).value_or("");
    const auto* events = item.find("events");
    const std::string events_path = child_key_path(path, "events");
    if (!events || events->is_null()) {
      error(events ? *events : item, events_path, "missing value", "a list of events (each with 'text') and waits");
    } else if (!events->is_list() || events->as_list().empty()) {
      error(*events, events_path, "expected a non-empty list of events, found " + found(*events), "");
    } else {
      std::size_t index = 0;
      for (const auto& step : events->as_list()) read_step(step, item_key_path(events_path, index++), test);
    }
    out_.cases.push_back(std::move(test));
  }

  void read_step(const ConfigValue& item, const std::string& path, TestCase& test) {
    if (!item.is_map()) {
      error(item, path, "expected an event (a map with 'text') or a wait ('wait: 3d'), found " + found(item), "");
      return;
    }
    TestStep step;
    step.location = item.location();
    if (const auto* wait = item.find("wait")) {
      check_keys(item, path, kWaitKeys);
      step.wait.emplace();
      if (auto ms = duration(*wait, child_key_path(path, "wait"))) {
        step.wait->duration_ms = *ms;
        if (*ms == 0) error(*wait, child_key_path(path, "wait"), "a wait must let some time pass", "e.g. '3d'");
      }
    } else {
      check_keys(item, path, kEventKeys);
      step.event = read_event(item, path);
    }
    step.checks = read_checks(item, path);
    test.steps.push_back(std::move(step));
  }

  TestEvent read_event(const ConfigValue& item, const std::string& path) {
    TestEvent event;
    event.text = text(item, path, "text", true).value_or("");
    event.author = text(item, path, "author").value_or("customer");
    event.author_name = text(item, path, "name").value_or("");
    event.author_handle = text(item, path, "handle").value_or("");
    event.brand = flag(item, path, "brand").value_or(false);
    event.thread = text(item, path, "thread").value_or("");
    event.lang = text(item, path, "lang").value_or("");
    if (const auto* kind = item.find("kind"); kind && !kind->is_null()) {
      const auto name = text(item, path, "kind").value_or("");
      const auto parsed = event_kind_from_string(name);
      if (parsed && *parsed != EventKind::timer) {
        event.kind = *parsed;
      } else if (kind->is_string()) {
        error(*kind, child_key_path(path, "kind"), "unknown event kind '" + name + "'", one_of(kEventKinds),
              nearest(name, kEventKinds));
      }
    }
    const auto* at = item.find("at");
    const auto* after = item.find("after");
    if (at && !at->is_null()) {
      auto ms = at->is_string() ? parse_timestamp_ms(at->as_string()) : std::nullopt;
      if (!ms) {
        error(*at, child_key_path(path, "at"), "not a time: " + found(*at),
              "a UTC time like 2026-11-30T09:00:00Z (or with an offset, +02:00)");
      }
      event.at_ms = ms;
      if (after && !after->is_null()) {
        error(*after, child_key_path(path, "after"), "give either 'at' or 'after', not both", "");
      }
    } else if (after && !after->is_null()) {
      event.after_ms = duration(*after, child_key_path(path, "after"));
    }
    if (const auto* metadata = item.find("metadata"); metadata && !metadata->is_null()) {
      event.metadata = text_map(*metadata, child_key_path(path, "metadata"));
    }
    read_labels(item, path, event.injected);
    if (const auto* connector = item.find("connector"); connector && !connector->is_null()) {
      event.connector = text(item, path, "connector").value_or("");
      event.connector_location = connector->location();
    }
    return event;
  }

  void read_labels(const ConfigValue& item, const std::string& path, Labels& injected) {
    if (const auto* labels = item.find("labels"); labels && !labels->is_null()) {
      const auto key = child_key_path(path, "labels");
      if (!labels->is_map()) {
        error(*labels, key, "expected a map of label scores (e.g. {toxicity.insult: 0.9}), found " + found(*labels),
              "");
      } else {
        for (const auto& [name, score] : labels->as_map()) {
          if (score.is_number() && score.as_number() >= 0 && score.as_number() <= 1) {
            injected.set(name, score.as_number());
          } else {
            error(score, child_key_path(key, name), "expected a score, found " + found(score),
                  "a number between 0 and 1");
          }
        }
      }
    }
    if (const auto* attributes = item.find("attributes"); attributes && !attributes->is_null()) {
      for (const auto& [name, value] : text_map(*attributes, child_key_path(path, "attributes"))) {
        injected.set_attribute(name, value);
      }
    }
  }

  StepChecks read_checks(const ConfigValue& item, const std::string& path) {
    StepChecks checks;
    checks.expect = read_patterns(item, path, "expect");
    checks.forbid = read_patterns(item, path, "forbid");
    checks.expect_only = flag(item, path, "expect_only").value_or(false);
    return checks;
  }

  std::vector<ActionPattern> read_patterns(const ConfigValue& item, const std::string& path, const char* key) {
    std::vector<ActionPattern> patterns;
    const auto* list = item.find(key);
    if (!list || list->is_null()) return patterns;
    const auto list_path = child_key_path(path, key);
    if (list->is_string() || list->is_map()) {  // one action without brackets
      if (auto pattern = read_pattern(*list, list_path)) patterns.push_back(std::move(*pattern));
      return patterns;
    }
    if (!list->is_list()) {
      error(*list, list_path, "expected a list of actions, found " + found(*list),
            "action kinds or maps like {kind: reply_private, rule: P4}");
      return patterns;
    }
    std::size_t index = 0;
    for (const auto& entry : list->as_list()) {
      if (auto pattern = read_pattern(entry, item_key_path(list_path, index++)))
        patterns.push_back(std::move(*pattern));
    }
    return patterns;
  }

  std::optional<ActionKind> action_kind(const ConfigValue& value, const std::string& key) {
    if (value.is_string()) {
      if (auto kind = action_kind_from_string(value.as_string())) return kind;
      const auto names = action_kind_names();
      error(value, key, "unknown action kind '" + value.as_string() + "'", one_of(names),
            nearest(value.as_string(), names));
    } else {
      error(value, key, "expected an action kind, found " + found(value), one_of(action_kind_names()));
    }
    return std::nullopt;
  }

  std::optional<ActionPattern> read_pattern(const ConfigValue& value, const std::string& path) {
    ActionPattern pattern;
    pattern.location = value.location();
    if (!value.is_map()) {
      auto kind = action_kind(value, path);
      if (!kind) return std::nullopt;
      pattern.kind = *kind;
      return pattern;
    }
    check_keys(value, path, kPatternKeys);
    const auto* kind = value.find("kind");
    if (!kind || kind->is_null()) {
      error(kind ? *kind : value, child_key_path(path, "kind"), "missing value", "an action kind, e.g. reply_public");
      return std::nullopt;
    }
    auto parsed = action_kind(*kind, child_key_path(path, "kind"));
    if (!parsed) return std::nullopt;
    pattern.kind = *parsed;
    pattern.rule = text(value, path, "rule").value_or("");
    pattern.text_contains = text(value, path, "text_contains").value_or("");
    pattern.reason_contains = text(value, path, "reason_contains").value_or("");
    pattern.lang = text(value, path, "lang").value_or("");
    if (const auto* params = value.find("param"); params && !params->is_null()) {
      pattern.params = text_map(*params, child_key_path(path, "param"));
    }
    if (const auto* verdict = value.find("verdict"); verdict && !verdict->is_null()) {
      const auto name = text(value, path, "verdict").value_or("");
      if (name == "allowed")
        pattern.verdict = Verdict::allowed;
      else if (name == "parked")
        pattern.verdict = Verdict::parked;
      else if (name == "blocked")
        pattern.verdict = Verdict::blocked;
      else if (name == "any")
        pattern.verdict = std::nullopt;
      else if (verdict->is_string()) {
        error(*verdict, child_key_path(path, "verdict"), "unknown verdict '" + name + "'", one_of(kVerdicts),
              nearest(name, kVerdicts));
      }
    }
    return pattern;
  }

  CasesFile& out_;
  Diagnostics& errors_;
};

CasesLoad read_document(YamlDocument document, const std::string& source_name) {
  CasesLoad load;
  load.errors = std::move(document.errors);
  CasesFile file;
  file.file = source_name;
  if (load.errors.empty() || !document.root.is_null()) CasesReader(file, load.errors).read(document.root);
  for (auto& error : load.errors) {
    if (error.location.empty()) error.location = source_name;
  }
  if (load.errors.empty()) load.cases = std::move(file);
  return load;
}

}  // namespace

CasesLoad load_cases_file(const std::filesystem::path& file) {
  return read_document(load_yaml_file(file), file.string());
}

CasesLoad parse_cases(std::string_view text, const std::string& source_name) {
  return read_document(load_yaml_string(text, source_name), source_name);
}

}  // namespace parley::host
