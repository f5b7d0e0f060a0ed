// DecisionTable: what `parley run` prints for people: per event, the key
// labels, each action with what happened to it and why.
#pragma once

#include <cstdio>
#include <string>

#include "engine/engine.hpp"

namespace parley::host {

class DecisionTable {
 public:
  explicit DecisionTable(std::FILE* out, bool dry_run) : out_(out), dry_run_(dry_run) {}

  void print_header(const PipelineConfig& config, const std::string& state) const;
  void print_event(const HandledEvent& item) const;
  void print_dead_letter(const DeadLetter& letter) const;
  void print_summary(const RunSummary& summary) const;

 private:
  std::FILE* out_;
  bool dry_run_;
};

/// At most `max_chars` code points of UTF-8 `text`, on one line, with "…" when cut.
std::string preview(const std::string& text, std::size_t max_chars);

}  // namespace parley::host
