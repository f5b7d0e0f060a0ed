#include "escalation_router.hpp"

#include <algorithm>

namespace parley::playbook {
namespace {

/// True when the folded `keyword` occurs in `folded` at word boundaries; a
/// trailing '*' lets it match the start of a longer word (an inflected form).
bool contains_word(std::string_view folded, std::string_view keyword) {
  const bool prefix = !keyword.empty() && keyword.back() == '*';
  if (prefix) keyword.remove_suffix(1);
  if (keyword.empty()) return false;
  for (auto at = folded.find(keyword); at != std::string_view::npos; at = folded.find(keyword, at + 1)) {
    const bool starts = at == 0 || folded[at - 1] == ' ';
    const auto after = at + keyword.size();
    const bool ends = prefix || after == folded.size() || folded[after] == ' ';
    if (starts && ends) return true;
  }
  return false;
}

int rank(std::string_view severity) { return severity == "high" ? 1 : 0; }

}  // namespace

EscalationRouter::EscalationRouter(const std::vector<EscalationRoute>& routes) {
  for (const auto& route : routes) {
    Entry entry{&route, {}};
    for (const auto& keyword : route.keywords) {
      const bool prefix = keyword.back() == '*';
      auto folded = normalizer_.tokens(keyword);
      std::string joined;
      for (const auto& token : folded) joined += (joined.empty() ? "" : " ") + token;
      if (joined.empty()) continue;
      entry.keywords.push_back(prefix ? joined + "*" : joined);
    }
    entries_.push_back(std::move(entry));
  }
}

const EscalationRoute* EscalationRouter::route(std::string_view theme, std::string_view text, std::string_view severity,
                                               std::string& why) const {
  text::NormalizedText folded;
  normalizer_.normalize(text, folded);
  for (const auto& entry : entries_) {
    const auto& route = *entry.route;
    if (rank(severity) < rank(route.min_severity)) continue;
    const bool theme_matches =
        !theme.empty() && std::any_of(route.topics.begin(), route.topics.end(),
                                      [&](const std::string& topic) { return topic == "*" || topic == theme; });
    if (theme_matches) {
      why = "theme " + std::string(theme);
      return &route;
    }
    for (const auto& keyword : entry.keywords) {
      if (contains_word(folded.text, keyword)) {
        why = "the text mentions \"" + keyword + "\"";
        return &route;
      }
    }
  }
  return nullptr;
}

const EscalationRoute* EscalationRouter::find(std::string_view department) const {
  for (const auto& entry : entries_) {
    if (entry.route->department == department) return entry.route;
  }
  return nullptr;
}

}  // namespace parley::playbook
