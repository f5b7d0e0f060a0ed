// The pipeline.yaml most integration tests run, built from the parts that
// differ between them: connectors, classifiers, responders, policy and any
// further top-level sections. Header-only and standard C++ only, so the
// benchmarks can write their pipelines with it too.
#pragma once

#include <fstream>
#include <string>
#include <utility>

namespace parley::testing {

/// Each part is YAML written flush left, as if it stood at the top of a file
/// (a raw string may start with a newline: it is dropped); render() indents
/// it under its key. Empty `classifiers` or `policy` are left out. A
/// constructor rather than aggregate init: clang 14 wants every field named.
struct PipelineYaml {
  explicit PipelineYaml(std::string client_name) : client(std::move(client_name)) {}

  std::string client;
  std::string connectors;   ///< the items of `connectors:`
  std::string classifiers;  ///< the items of `classifiers:`
  std::string responders;   ///< the items of `responders:`
  std::string policy;       ///< the body of `policy:`
  std::string rest;         ///< top-level sections after `policy:` (routes:, http:, engine:, ...), as written

  std::string render() const;
  /// Writes render() to `dir`/pipeline.yaml and returns that path.
  std::string write(const std::string& dir) const;
};

/// `text` with every line moved right by `spaces`; a leading newline is dropped.
inline std::string indented(const std::string& text, std::size_t spaces) {
  std::string result;
  bool line_start = true;
  for (std::size_t i = text.starts_with('\n') ? 1 : 0; i < text.size(); ++i) {
    if (line_start && text[i] != '\n') result.append(spaces, ' ');
    result += text[i];
    line_start = text[i] == '\n';
  }
  return result;
}

inline std::string PipelineYaml::render() const {
  std::string yaml = "client: " + client + "\nconnectors:\n" + indented(connectors, 2);
  if (!classifiers.empty()) yaml += "classifiers:\n" + indented(classifiers, 2);
  yaml += "responders:\n" + indented(responders, 2);
  if (!policy.empty()) yaml += "policy:\n" + indented(policy, 2);
  return yaml + rest;
}

inline std::string PipelineYaml::write(const std::string& dir) const {
  const auto path = dir + "/pipeline.yaml";
  std::ofstream(path, std::ios::binary) << render();
  return path;
}

/// The replay connector "replay": events.jsonl in, actions.jsonl out;
/// `more_config` (", key: value" ...) is added to its config.
inline std::string replay_connector(const std::string& more_config = "") {
  return "- id: replay\n"
         "  plugin: replay\n"
         "  config: { input: events.jsonl, output: actions.jsonl" +
         more_config + " }\n";
}

/// The keywords classifier with these `labels:` (label: [words] lines).
inline std::string keywords_classifier(const std::string& labels) {
  return "- plugin: keywords\n"
         "  config:\n"
         "    labels:\n" +
         indented(labels, 6);
}

/// The rules responder with these `rules:` items.
inline std::string rules_responder(const std::string& rules) {
  return "- plugin: rules\n"
         "  config:\n"
         "    rules:\n" +
         indented(rules, 6);
}

}  // namespace parley::testing
