// MessageCatalog: the texts the playbook can send, per message and language,
// each with several variants (PLAYBOOK P10: never the same text pasted again
// and again). Built-in defaults exist for en, el, ru, pl, fi and ar; a brand
// replaces any message in any language from its config (`templates:`).
// A message may also be worded for a P16 portrait ("acknowledge.aggressive").
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace parley::playbook {

/// Message names the strategy uses. A brand may override each of them.
namespace message {
inline constexpr std::string_view acknowledge =
    "acknowledge";  ///< P2: public, short, says when a full answer comes ({eta})
inline constexpr std::string_view move_private =
    "move_private";  ///< P4: first private message: ownership, what we will do, asks details
inline constexpr std::string_view answer_question =
    "answer_question";  ///< P7/P13: public answer to a question, cites {kb_link}
inline constexpr std::string_view resolved_note = "resolved_note";      ///< P6: public note under the original comment
inline constexpr std::string_view removal_request = "removal_request";  ///< P5: private, polite, optional
inline constexpr std::string_view warning = "warning";                  ///< P8: public, links {policy_link}
inline constexpr std::string_view follow_up = "follow_up";              ///< P14: private, a few days later
inline constexpr std::string_view thanks = "thanks";                    ///< praise gets a thank-you
inline constexpr std::string_view offer = "offer";                      ///< P16.rip_off: private, names {offer}
inline constexpr std::string_view decline_offer =
    "decline_offer";  ///< P16.rip_off over the limit: private, polite, the fix instead
inline constexpr std::string_view escalated = "escalated";  ///< P12: private, a specialist ({department}) takes over
}  // namespace message

/// Every message name above, for validation and tests.
const std::vector<std::string>& message_names();

/// The name of a message's wording for a P16 portrait: "acknowledge.aggressive".
/// Such texts are optional; without one the plain message is used.
std::string persona_message_name(std::string_view message_name, std::string_view persona);

class MessageCatalog {
 public:
  /// The built-in texts (compiled in from templates/<lang>.yaml).
  static MessageCatalog defaults();

  /// Replaces the variants of one message in one language. `message_name` is
  /// one of message_names() or its wording for a portrait
  /// ("move_private.chronic"). Throws std::invalid_argument naming message and
  /// language when `variants` is empty, a message name is unknown, or a text
  /// has an unknown {placeholder}.
  void set(std::string_view message_name, std::string_view lang, std::vector<std::string> variants);

  /// Removes the variants of one message in one language, if any.
  void erase(std::string_view message_name, std::string_view lang);

  /// The variants, or nullptr when the catalog has none for that language.
  const std::vector<std::string>* variants(std::string_view message_name, std::string_view lang) const;

  /// The message to write for a customer of `persona` (P16) in `lang`: the
  /// persona's wording ("acknowledge.aggressive") when the catalog has it in
  /// that language, else `message_name` itself. An empty persona gives
  /// `message_name`.
  std::string wording_for(std::string_view message_name, std::string_view persona, std::string_view lang) const;

 private:
  std::map<std::string, std::map<std::string, std::vector<std::string>>, std::less<>>
      texts_;  // message -> lang -> variants
};

/// Placeholders a template may use: {name} {brand} {eta} {kb_link}
/// {policy_link} {theme} {offer} {department} {contact}.
const std::vector<std::string>& placeholder_names();

/// Fills {placeholders} from `facts`. A placeholder whose fact is missing or
/// empty is removed together with a space before it, so "Hi {name}," reads
/// "Hi," for an author without a name; a comma or colon left hanging before
/// punctuation or the end goes too ("Hello, {name}!" reads "Hello!").
/// Text outside placeholders is kept as is; facts are inserted verbatim.
std::string render(std::string_view template_text, const std::map<std::string, std::string>& facts);

}  // namespace parley::playbook
