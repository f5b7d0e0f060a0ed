// ReplyWriter: one outgoing text, the way the playbook wants it: in the
// customer's language or the brand's fallback (P20), a variant not used last
// time on this account (P10), placeholders filled with the case's facts, and
// read by the tone check before anyone sees it (P3, P11, P19).
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "playbook_config.hpp"
#include "tone_check.hpp"
#include "variant_picker.hpp"

namespace parley::playbook {

struct Reply {
  std::string text;
  std::string lang;                   ///< the language of `text`
  bool fell_back = false;             ///< the customer's language is not one the brand answers in
  std::vector<ToneProblem> problems;  ///< non-empty: do not send `text`
};

class ReplyWriter {
 public:
  /// `context` keeps the variant memory (P10) across restarts.
  ReplyWriter(const PlaybookConfig& config, PluginContext& context);

  /// The language a reply to a customer writing in `customer_lang` is written in.
  std::string reply_language(std::string_view customer_lang) const;

  /// Writes `message_name` for `customer_lang`. `seed` (the event id) makes
  /// re-runs choose the same variant.
  Reply write(std::string_view message_name, std::string_view customer_lang, std::string_view account,
              std::string_view seed, const std::map<std::string, std::string>& facts);

 private:
  const PlaybookConfig& config_;
  VariantPicker picker_;
  ToneCheck tone_;
};

/// Throws std::invalid_argument naming the message and language when the
/// catalog has no text for a language the brand answers in.
void check_catalog_covers(const PlaybookConfig& config);

}  // namespace parley::playbook
