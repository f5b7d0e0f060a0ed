#include "message_template.hpp"

namespace parley::rules {
namespace {

std::string_view trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t");
  return text.substr(first, last - first + 1);
}

}  // namespace

MessageTemplate MessageTemplate::parse(std::string_view text) {
  MessageTemplate result;
  std::string literal;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const auto open = text.find("{{", pos);
    if (open == std::string_view::npos) {
      literal.append(text.substr(pos));
      break;
    }
    literal.append(text.substr(pos, open - pos));
    const auto close = text.find("}}", open + 2);
    if (close == std::string_view::npos) {
      throw std::invalid_argument("'{{' without a closing '}}' in \"" + std::string(text) + "\"");
    }
    const auto name = trim(text.substr(open + 2, close - open - 2));
    Placeholder placeholder = Placeholder::none;
    if (name == "author")
      placeholder = Placeholder::author;
    else if (name == "author.handle")
      placeholder = Placeholder::author_handle;
    else if (name == "author.id")
      placeholder = Placeholder::author_id;
    else if (name == "lang")
      placeholder = Placeholder::lang;
    else if (name == "event.id")
      placeholder = Placeholder::event_id;
    else if (name == "theme")
      placeholder = Placeholder::theme;
    else {
      throw std::invalid_argument("unknown placeholder '" + std::string(text.substr(open, close + 2 - open)) +
                                  "'; known: " + std::string(kPlaceholders));
    }
    result.pieces_.push_back({std::move(literal), placeholder});
    literal.clear();
    pos = close + 2;
  }
  if (!literal.empty()) result.pieces_.push_back({std::move(literal), Placeholder::none});
  return result;
}

std::string MessageTemplate::render(const Event& event, const Labels& labels) const {
  std::string out;
  for (const auto& piece : pieces_) {
    out += piece.literal;
    switch (piece.placeholder) {
      case Placeholder::none: break;
      case Placeholder::author:
        out += !event.author.display_name.empty() ? event.author.display_name
               : !event.author.handle.empty()     ? event.author.handle
                                                  : event.author.id;
        break;
      case Placeholder::author_handle: out += event.author.handle; break;
      case Placeholder::author_id: out += event.author.id; break;
      case Placeholder::lang: {
        const auto& lang = labels.attribute("lang");
        out += lang.empty() ? event.lang : lang;
        break;
      }
      case Placeholder::event_id: out += event.id; break;
      case Placeholder::theme: out += labels.attribute("theme"); break;
    }
  }
  return out;
}

}  // namespace parley::rules
