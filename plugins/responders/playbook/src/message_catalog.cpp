#include "message_catalog.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <initializer_list>
#include <span>
#include <stdexcept>

#include "embedded_file.hpp"
#include "personas.hpp"

std::span<const parley::text::EmbeddedFile> playbook_template_files();

namespace parley::playbook {
namespace {

bool is_placeholder_char(char c) { return (c >= 'a' && c <= 'z') || c == '_'; }

/// Length of the "{name}" starting at `text[at]` (a '{'), or 0 when the brace
/// does not open a placeholder (literal braces stay text).
std::size_t placeholder_length(std::string_view text, std::size_t at) {
  std::size_t end = at + 1;
  while (end < text.size() && is_placeholder_char(text[end])) ++end;
  if (end == at + 1 || end >= text.size() || text[end] != '}') return 0;
  return end - at + 1;
}

bool starts_with_any(std::string_view text, std::initializer_list<std::string_view> starts) {
  return std::any_of(starts.begin(), starts.end(), [&](auto start) { return text.starts_with(start); });
}

/// A placeholder without a fact goes with the space before it ("Hi {name},"
/// reads "Hi,"), and with a comma or colon that would be left hanging before
/// punctuation or the end: "Здравствуйте, {name}!" reads "Здравствуйте!",
/// "our team: {department}." reads "our team.".
void drop_dangling(std::string& out, std::string_view rest) {
  if (!out.empty() && out.back() == ' ') out.pop_back();
  const bool punctuation_follows =
      rest.empty() || starts_with_any(rest, {".", ",", "!", "?", ";", ":", "\u060C", "\u061F", "\u061B"});
  if (!punctuation_follows) return;
  for (const std::string_view hanging : {",", ":", "\u060C"}) {  // ، is the Arabic comma
    if (out.ends_with(hanging)) {
      out.resize(out.size() - hanging.size());
      return;
    }
  }
}

bool is_known(std::string_view name, const std::vector<std::string>& names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

/// A plain message name, or a plain name with a portrait: "acknowledge.meek".
bool is_known_message(std::string_view name) {
  if (is_known(name, message_names())) return true;
  const auto dot = name.rfind('.');
  return dot != std::string_view::npos && is_known(name.substr(0, dot), message_names()) &&
         is_persona(name.substr(dot + 1));
}

void check_placeholders(std::string_view message_name, std::string_view lang, std::string_view text) {
  for (std::size_t at = text.find('{'); at != std::string_view::npos; at = text.find('{', at + 1)) {
    const auto length = placeholder_length(text, at);
    if (length == 0) continue;
    const auto name = text.substr(at + 1, length - 2);
    if (!is_known(name, placeholder_names())) {
      throw std::invalid_argument("template " + std::string(message_name) + "/" + std::string(lang) +
                                  ": unknown placeholder {" + std::string(name) + "}");
    }
  }
}

MessageCatalog parse_defaults() {
  MessageCatalog catalog;
  for (const auto& file : playbook_template_files()) {
    const auto lang = file.name.substr(0, file.name.find('.'));
    const auto root = YAML::Load(std::string(file.content));
    for (const auto& entry : root) {
      catalog.set(entry.first.as<std::string>(), lang, entry.second.as<std::vector<std::string>>());
    }
  }
  return catalog;
}

}  // namespace

const std::vector<std::string>& message_names() {
  static const std::vector<std::string> names{
      std::string(message::acknowledge),   std::string(message::move_private),    std::string(message::answer_question),
      std::string(message::resolved_note), std::string(message::removal_request), std::string(message::warning),
      std::string(message::follow_up),     std::string(message::thanks),          std::string(message::offer),
      std::string(message::decline_offer), std::string(message::escalated)};
  return names;
}

const std::vector<std::string>& placeholder_names() {
  static const std::vector<std::string> names{"name",  "brand", "eta",        "kb_link", "policy_link",
                                              "theme", "offer", "department", "contact"};
  return names;
}

MessageCatalog MessageCatalog::defaults() {
  // Parsed once: the embedded files never change while the process runs.
  static const MessageCatalog parsed = parse_defaults();
  return parsed;
}

void MessageCatalog::set(std::string_view message_name, std::string_view lang, std::vector<std::string> variants) {
  const auto where = std::string(message_name) + "/" + std::string(lang);
  if (!is_known_message(message_name)) {
    throw std::invalid_argument("unknown message " + where +
                                " (a portrait's wording is <message>.<meek|aggressive|high_roller|rip_off|chronic>)");
  }
  if (lang.empty()) throw std::invalid_argument("template " + where + ": empty language");
  if (variants.empty()) throw std::invalid_argument("template " + where + ": no variants");
  for (const auto& text : variants) {
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
      throw std::invalid_argument("template " + where + ": empty variant");
    }
    check_placeholders(message_name, lang, text);
  }
  auto by_lang = texts_.find(message_name);
  if (by_lang == texts_.end()) by_lang = texts_.emplace(std::string(message_name), decltype(by_lang->second){}).first;
  by_lang->second.insert_or_assign(std::string(lang), std::move(variants));
}

const std::vector<std::string>* MessageCatalog::variants(std::string_view message_name, std::string_view lang) const {
  const auto by_lang = texts_.find(message_name);
  if (by_lang == texts_.end()) return nullptr;
  const auto found = by_lang->second.find(std::string(lang));
  return found == by_lang->second.end() ? nullptr : &found->second;
}

void MessageCatalog::erase(std::string_view message_name, std::string_view lang) {
  if (const auto by_lang = texts_.find(message_name); by_lang != texts_.end()) by_lang->second.erase(std::string(lang));
}

std::string MessageCatalog::wording_for(std::string_view message_name, std::string_view persona,
                                        std::string_view lang) const {
  if (!persona.empty()) {
    auto worded = persona_message_name(message_name, persona);
    if (const auto* found = variants(worded, lang); found != nullptr && !found->empty()) return worded;
  }
  return std::string(message_name);
}

std::string persona_message_name(std::string_view message_name, std::string_view persona) {
  return std::string(message_name) + "." + std::string(persona);
}

std::string render(std::string_view template_text, const std::map<std::string, std::string>& facts) {
  std::string out;
  out.reserve(template_text.size() + 32);
  std::size_t at = 0;
  while (at < template_text.size()) {
    const auto brace = template_text.find('{', at);
    if (brace == std::string_view::npos) {
      out.append(template_text.substr(at));
      break;
    }
    out.append(template_text.substr(at, brace - at));
    const auto length = placeholder_length(template_text, brace);
    if (length == 0) {
      out.push_back('{');
      at = brace + 1;
      continue;
    }
    const auto fact = facts.find(std::string(template_text.substr(brace + 1, length - 2)));
    if (fact != facts.end() && !fact->second.empty()) {
      out.append(fact->second);  // not re-scanned: a fact may contain braces
    } else {
      drop_dangling(out, template_text.substr(brace + length));
    }
    at = brace + length;
  }
  return out;
}

}  // namespace parley::playbook
