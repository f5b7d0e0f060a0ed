#include "reply_writer.hpp"

#include <algorithm>
#include <stdexcept>

namespace parley::playbook {

ReplyWriter::ReplyWriter(const PlaybookConfig& config, PluginContext& context)
    : config_(config), picker_(context), tone_(config.banned_phrases) {}

std::string ReplyWriter::reply_language(std::string_view customer_lang) const {
  const auto& languages = config_.languages;
  if (std::find(languages.begin(), languages.end(), customer_lang) != languages.end()) {
    return std::string(customer_lang);
  }
  return config_.default_language;
}

Reply ReplyWriter::write(std::string_view message_name, std::string_view customer_lang, std::string_view account,
                         std::string_view seed, const std::map<std::string, std::string>& facts) {
  Reply reply;
  reply.lang = reply_language(customer_lang);
  reply.fell_back = reply.lang != customer_lang;
  const auto* variants = config_.catalog.variants(message_name, reply.lang);
  if (variants == nullptr || variants->empty()) {
    // check_catalog_covers() refuses such a config; this guards a caller's mistake.
    throw std::logic_error("playbook: no '" + std::string(message_name) + "' text in '" + reply.lang + "'");
  }
  const auto index = picker_.pick(account, message_name, reply.lang, variants->size(), seed);
  reply.text = render((*variants)[index], facts);
  reply.problems = tone_.check(reply.text, reply.lang);
  return reply;
}

void check_catalog_covers(const PlaybookConfig& config) {
  for (const auto& name : message_names()) {
    for (const auto& lang : config.languages) {
      const auto* variants = config.catalog.variants(name, lang);
      if (variants == nullptr || variants->empty()) {
        throw std::invalid_argument("playbook: no '" + name + "' text in '" + lang + "'; add templates." + name + "." +
                                    lang + " or remove '" + lang + "' from 'languages'");
      }
    }
  }
}

}  // namespace parley::playbook
