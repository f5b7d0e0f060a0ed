// Labels: what classifiers say about an event. Scores are in [0,1] and named
// `family.label` (e.g. "toxicity.insult", "intent.complaint", "lang.fi");
// attributes are strings (e.g. "lang" -> "fi", "theme" -> "late_delivery").
#pragma once

#include <algorithm>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace parley {

class Labels {
 public:
  using Score = std::pair<std::string, double>;
  using Attribute = std::pair<std::string, std::string>;

  /// Sets a score, clamped to [0,1]; a later call for the same name replaces it.
  void set(std::string_view name, double score) {
    score = std::clamp(score, 0.0, 1.0);
    for (auto& entry : scores_) {
      if (entry.first == name) {
        entry.second = score;
        return;
      }
    }
    scores_.emplace_back(std::string(name), score);
  }

  /// Raises a score to at least `score` (keeps the stronger of two signals).
  void raise(std::string_view name, double score) {
    score = std::clamp(score, 0.0, 1.0);
    for (auto& entry : scores_) {  // one pass: an event carries dozens of labels
      if (entry.first == name) {
        if (entry.second < score) entry.second = score;
        return;
      }
    }
    scores_.emplace_back(std::string(name), score);
  }

  /// The score of `name`, or `fallback` when no classifier set it.
  double score(std::string_view name, double fallback = 0.0) const {
    for (const auto& entry : scores_) {
      if (entry.first == name) return entry.second;
    }
    return fallback;
  }

  bool has(std::string_view name) const {
    return std::any_of(scores_.begin(), scores_.end(), [&](const Score& entry) { return entry.first == name; });
  }

  void set_attribute(std::string_view name, std::string value) {
    for (auto& entry : attributes_) {
      if (entry.first == name) {
        entry.second = std::move(value);
        return;
      }
    }
    attributes_.emplace_back(std::string(name), std::move(value));
  }

  /// The attribute's value, or an empty string when it is not set.
  const std::string& attribute(std::string_view name) const {
    static const std::string empty;
    for (const auto& entry : attributes_) {
      if (entry.first == name) return entry.second;
    }
    return empty;
  }

  /// In the order they were first set.
  const std::vector<Score>& scores() const { return scores_; }
  const std::vector<Attribute>& attributes() const { return attributes_; }

  void clear() {
    scores_.clear();
    attributes_.clear();
  }

 private:
  std::vector<Score> scores_;
  std::vector<Attribute> attributes_;
};

}  // namespace parley
