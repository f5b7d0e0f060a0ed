// EscalationRouter: the brand's escalation directory (PLAYBOOK P12). Finds
// the department for a complaint by its theme, words in its text and its
// severity; the first matching entry wins, as in the config.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "text_normalizer.hpp"

#include "playbook_config.hpp"

namespace parley::playbook {

class EscalationRouter {
 public:
  explicit EscalationRouter(const std::vector<EscalationRoute>& routes);

  /// The matching route and why it matched, or nullptr. `severity` is
  /// "normal" or "high".
  const EscalationRoute* route(std::string_view theme, std::string_view text, std::string_view severity,
                               std::string& why) const;

  /// The route of `department`, or nullptr.
  const EscalationRoute* find(std::string_view department) const;

 private:
  struct Entry {
    const EscalationRoute* route;
    std::vector<std::string> keywords;  ///< folded; a trailing '*' matches a word's start
  };
  text::TextNormalizer normalizer_;
  std::vector<Entry> entries_;
};

}  // namespace parley::playbook
