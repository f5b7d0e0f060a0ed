#include <catch2/catch.hpp>

#include "message_template.hpp"

using parley::Event;
using parley::Labels;
using parley::rules::MessageTemplate;

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace message_template_test {

Event make_event() {
  Event event;
  event.id = "c-42";
  event.author.id = "u-7";
  event.author.handle = "@maria";
  event.author.display_name = "Maria";
  event.lang = "en";
  return event;
}

TEST_CASE("placeholders expand from the event and labels", "[template]") {
  Event event = make_event();
  Labels labels;
  labels.set_attribute("lang", "fi");
  labels.set_attribute("theme", "late_delivery");
  const auto text =
      MessageTemplate::parse("Hi {{author}} ({{author.handle}}, {{ author.id }}): {{lang}}/{{theme}} on {{event.id}}.");
  CHECK(text.render(event, labels) == "Hi Maria (@maria, u-7): fi/late_delivery on c-42.");
}

TEST_CASE("{{author}} falls back to the handle, then to the id", "[template]") {
  const auto text = MessageTemplate::parse("{{author}}");
  Event event = make_event();
  const Labels labels;
  CHECK(text.render(event, labels) == "Maria");
  event.author.display_name.clear();
  CHECK(text.render(event, labels) == "@maria");
  event.author.handle.clear();
  CHECK(text.render(event, labels) == "u-7");
}

TEST_CASE("{{lang}} falls back to the event's lang; {{theme}} is empty when unset", "[template]") {
  const auto text = MessageTemplate::parse("[{{lang}}][{{theme}}]");
  CHECK(text.render(make_event(), Labels{}) == "[en][]");
}

TEST_CASE("text without placeholders, single braces and UTF-8 stay as written", "[template]") {
  CHECK(MessageTemplate::parse("Γεια σου {x} } {").render(make_event(), Labels{}) == "Γεια σου {x} } {");
  CHECK(MessageTemplate::parse("").empty());
  CHECK(MessageTemplate::parse("").render(make_event(), Labels{}).empty());
}

TEST_CASE("unknown or unclosed placeholders are refused", "[template]") {
  CHECK_THROWS_WITH(MessageTemplate::parse("Hi {{name}}!"),
                    "unknown placeholder '{{name}}'; known: author, author.handle, author.id, lang, event.id, theme");
  CHECK_THROWS_WITH(MessageTemplate::parse("Hi {{author"), "'{{' without a closing '}}' in \"Hi {{author\"");
}

}  // namespace message_template_test
