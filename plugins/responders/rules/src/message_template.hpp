// MessageTemplate: an action text with {{placeholders}}, split once into
// literal and placeholder pieces so rendering is a few appends per event.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <parley/event.hpp>
#include <parley/labels.hpp>

namespace parley::rules {

class MessageTemplate {
 public:
  /// The placeholders, as written between {{ and }} (spaces inside allowed):
  ///   author          display name, else handle, else author id
  ///   author.handle   the author's handle
  ///   author.id       the author's id
  ///   lang            the `lang` attribute a classifier set, else the event's lang
  ///   event.id        the event's id
  ///   theme           the `theme` attribute (empty when unset)
  static constexpr std::string_view kPlaceholders = "author, author.handle, author.id, lang, event.id, theme";

  MessageTemplate() = default;
  /// Throws std::invalid_argument for an unknown placeholder or a '{{'
  /// without '}}', naming it and the known ones.
  static MessageTemplate parse(std::string_view text);

  std::string render(const Event& event, const Labels& labels) const;
  bool empty() const { return pieces_.empty(); }

 private:
  enum class Placeholder { none, author, author_handle, author_id, lang, event_id, theme };
  struct Piece {
    std::string literal;
    Placeholder placeholder = Placeholder::none;
  };
  std::vector<Piece> pieces_;
};

}  // namespace parley::rules
