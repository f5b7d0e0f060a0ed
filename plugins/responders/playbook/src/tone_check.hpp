// ToneCheck: reads every outgoing text before it is proposed (PLAYBOOK P3,
// P11, P19): no blaming the customer, no arguing, no aggression, none of the
// brand's banned corporate boilerplate. Built-in phrase lists per language
// (en, el, ru, pl, fi, ar), matched on case- and accent-folded text.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace parley::playbook {

struct ToneProblem {
  std::string kind;    ///< blame, argument, aggression, boilerplate
  std::string phrase;  ///< the phrase found, as configured
};

class ToneCheck {
 public:
  /// `boilerplate`: the brand's banned phrases (any language).
  explicit ToneCheck(std::vector<std::string> boilerplate = {});

  /// Problems in `text` (empty when it may be sent). `lang` selects the
  /// built-in lists; the brand's boilerplate applies to every language.
  std::vector<ToneProblem> check(std::string_view text, std::string_view lang) const;

 private:
  std::vector<std::string> boilerplate_;             ///< folded search keys
  std::vector<std::string> boilerplate_configured_;  ///< the same phrases as given, for ToneProblem::phrase
};

}  // namespace parley::playbook
