// P16: each portrait of an unhappy customer is spoken to in its own way. The
// acknowledgement and the private message are worded for the portrait when
// the catalog has such a wording ("acknowledge.aggressive"), else the plain
// message is used; a brand replaces or adds wordings in `templates`.
#include <algorithm>
#include <catch2/catch.hpp>
#include <map>
#include <parley/testing.hpp>
#include <parley_test/classify.hpp>
#include <parley_test/yaml_config.hpp>

#include "message_catalog.hpp"
#include "playbook_responder.hpp"

using parley::Action;
using parley::ActionKind;
using parley::Labels;
using parley::playbook::MessageCatalog;
using parley::playbook::PlaybookResponder;

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace persona_wording_test {

const char* kBrand = "brand: Aroma\nlanguages: [en, el, ru, pl, fi, ar]\n";

struct Harness {
  explicit Harness(const std::string& yaml = kBrand) : responder(parley::test::yaml_config(yaml), context) {}

  std::vector<Action> complaint(const std::string& persona, const std::string& lang, const std::string& id = "c1",
                                double persona_score = 0.8) {
    auto event = parley::test::event_with("the order was wrong again");
    event.id = id;
    event.account = "aroma-page";
    event.author.display_name = "Alex Doe";
    Labels labels;
    labels.set("intent.complaint", 0.9);
    labels.set_attribute("lang", lang);
    if (!persona.empty()) {
      labels.set_attribute("persona", persona);
      labels.set("persona." + persona, persona_score);
    }
    std::vector<Action> proposals;
    responder.respond(event, labels, {}, proposals);
    return proposals;
  }

  parley::testing::FakePluginContext context;
  PlaybookResponder responder;
};

const Action& only(const std::vector<Action>& actions, ActionKind kind) {
  const Action* found = nullptr;
  for (const auto& action : actions) {
    if (action.kind != kind) continue;
    REQUIRE(found == nullptr);
    found = &action;
  }
  REQUIRE(found != nullptr);
  return *found;
}

/// Whether `text` was written from `template_text`: every piece of text
/// between its placeholders appears in `text`, in order.
bool written_from(const std::string& text, const std::string& template_text) {
  std::size_t in_text = 0;
  std::size_t at = 0;
  while (at <= template_text.size()) {
    auto brace = template_text.find('{', at);
    if (brace == std::string::npos) brace = template_text.size();
    const auto piece = template_text.substr(at, brace - at);
    const auto found = text.find(piece, in_text);
    if (found == std::string::npos) return false;
    in_text = found + piece.size();
    const auto close = template_text.find('}', brace);
    if (close == std::string::npos) break;
    at = close + 1;
  }
  return true;
}

/// Whether `text` is one of the variants of `message_name` in `lang` in `catalog`.
bool is_variant_of(const std::string& text, const std::string& message_name, const std::string& lang,
                   const MessageCatalog& catalog = MessageCatalog::defaults()) {
  const auto* variants = catalog.variants(message_name, lang);
  if (variants == nullptr) return false;
  return std::any_of(variants->begin(), variants->end(),
                     [&](const std::string& variant) { return written_from(text, variant); });
}

/// All messages in German, so that a brand may answer in it (no portrait wordings).
std::string german_templates() {
  std::string yaml = "templates:\n";
  for (const auto& name : parley::playbook::message_names()) {
    yaml += "  " + name +
            ":\n    de: [\"Hallo {name}, hier ist {brand}: {eta} {kb_link} {policy_link} {offer} {department}\"]\n";
  }
  return yaml;
}

TEST_CASE("written_from recognises the template a text came from") {
  CHECK(written_from("Hi Alex, answer tomorrow by 10:00.", "Hi {name}, answer {eta}."));
  CHECK_FALSE(written_from("Hello Alex, answer tomorrow by 10:00.", "Hi {name}, answer {eta}."));
  CHECK_FALSE(written_from("Hi Alex. answer", "Hi {name}, answer {eta}."));
}

TEST_CASE("each portrait gets its own acknowledgement and private message, in en, ru and ar (P16)") {
  Harness harness;
  for (const std::string lang : {"en", "ru", "ar"}) {
    std::map<std::string, std::string> acknowledgements;
    for (const std::string persona : {"meek", "aggressive", "high_roller", "chronic"}) {
      INFO(persona << "/" << lang);
      const auto actions = harness.complaint(persona, lang, "c-" + persona + "-" + lang);
      const auto& ack = only(actions, ActionKind::reply_public);
      CHECK(ack.rule_id == "P2");
      CHECK(ack.params.at("lang") == lang);
      CHECK(is_variant_of(ack.text, "acknowledge." + persona, lang));
      CHECK_FALSE(is_variant_of(ack.text, "acknowledge", lang));
      CHECK_THAT(ack.text, Catch::Contains("Alex") && !Catch::Contains("{"));
      CHECK_THAT(ack.reason, Catch::Contains("P16." + persona + " wording (acknowledge." + persona + ")"));
      const auto& dm = only(actions, ActionKind::reply_private);
      CHECK(dm.rule_id == "P4");
      CHECK(is_variant_of(dm.text, "move_private." + persona, lang));
      CHECK_FALSE(is_variant_of(dm.text, "move_private", lang));
      CHECK_THAT(dm.text, Catch::Contains("Alex") && !Catch::Contains("{"));
      CHECK_THAT(dm.reason, Catch::Contains("(move_private." + persona + ")"));
      acknowledgements[persona] = ack.text;
    }
    CHECK(acknowledgements["aggressive"] != acknowledgements["meek"]);
    CHECK_FALSE(is_variant_of(acknowledgements["aggressive"], "acknowledge.meek", lang));
    CHECK_FALSE(is_variant_of(acknowledgements["meek"], "acknowledge.aggressive", lang));
  }
}

TEST_CASE("without a confident persona, or for rip_off, the plain wording is used (P16)") {
  Harness harness;
  for (const auto& [persona, score] :
       std::vector<std::pair<std::string, double>>{{"", 0.0}, {"aggressive", 0.3}, {"rip_off", 0.9}}) {
    INFO(persona << " " << score);
    const auto actions = harness.complaint(persona, "el", "c-plain-" + persona, score);
    const auto& ack = only(actions, ActionKind::reply_public);
    CHECK(is_variant_of(ack.text, "acknowledge", "el"));
    CHECK_THAT(ack.reason, !Catch::Contains("wording ("));
    // rip_off still gets its offer/decline (private); no public wording of its own.
  }
}

TEST_CASE("a brand language without a portrait's wording falls back to the plain message") {
  Harness harness(std::string("brand: Aroma\nlanguages: [en, de]\n") + german_templates());
  const auto german = harness.complaint("aggressive", "de", "c-de");
  const auto& ack = only(german, ActionKind::reply_public);
  CHECK(ack.params.at("lang") == "de");
  CHECK_THAT(ack.text, Catch::StartsWith("Hallo Alex, hier ist Aroma"));
  CHECK_THAT(ack.reason, Catch::Contains("P16.aggressive") && !Catch::Contains("wording ("));
  CHECK_THAT(only(german, ActionKind::reply_private).text, Catch::StartsWith("Hallo Alex"));
  // The same brand's English customers still get the built-in wording.
  CHECK(is_variant_of(only(harness.complaint("aggressive", "en", "c-en"), ActionKind::reply_public).text,
                      "acknowledge.aggressive", "en"));
}

TEST_CASE("a brand replaces or adds a portrait's wording in its config") {
  Harness harness(std::string(kBrand) + R"(
templates:
  acknowledge.aggressive:
    en: ["Hi {name}, straight answer: we're fixing it now, details {eta}.", "Hi {name}, on it this minute – full answer {eta}."]
  move_private.meek:
    ru: ["Здравствуйте, {name}! Спасибо, что рассказали. Пришлите, пожалуйста, номер заказа."]
)");
  const auto aggressive = harness.complaint("aggressive", "en", "c-a");
  const auto& ack = only(aggressive, ActionKind::reply_public);
  CHECK_THAT(ack.text, Catch::StartsWith("Hi Alex, straight answer") || Catch::StartsWith("Hi Alex, on it this"));
  CHECK_THAT(ack.reason, Catch::Contains("(acknowledge.aggressive)"));
  CHECK(is_variant_of(only(aggressive, ActionKind::reply_private).text, "move_private.aggressive", "en"));
  // Other portraits and languages keep the built-in wordings.
  CHECK(is_variant_of(only(harness.complaint("meek", "en", "c-m"), ActionKind::reply_public).text, "acknowledge.meek",
                      "en"));
  CHECK(is_variant_of(only(harness.complaint("aggressive", "el", "c-el"), ActionKind::reply_public).text,
                      "acknowledge.aggressive", "el"));
  CHECK(only(harness.complaint("meek", "ru", "c-ru"), ActionKind::reply_private).text ==
        "Здравствуйте, Alex! Спасибо, что рассказали. Пришлите, пожалуйста, номер заказа.");
}

TEST_CASE("a brand that rewrites a plain message keeps its own voice for every portrait in that language") {
  // Like nordbank: the brand's acknowledgement carries a rule of its own
  // ("no account details in public"), so built-in wordings must not bypass it.
  Harness harness(std::string(kBrand) + R"(
templates:
  acknowledge:
    en: ["Hi {name}, we have sent you a private message; answer {eta}. Please do not post account details here."]
)");
  const auto english = harness.complaint("aggressive", "en", "c-en");
  const auto& ack = only(english, ActionKind::reply_public);
  CHECK_THAT(ack.text, Catch::Contains("Please do not post account details here."));
  CHECK_THAT(ack.reason, !Catch::Contains("wording ("));
  // Only that message in that language: the private message and Greek keep the wordings.
  CHECK(is_variant_of(only(english, ActionKind::reply_private).text, "move_private.aggressive", "en"));
  CHECK(is_variant_of(only(harness.complaint("aggressive", "el", "c-el"), ActionKind::reply_public).text,
                      "acknowledge.aggressive", "el"));

  // Written together with the plain text, the brand's own wording is used.
  Harness both(std::string(kBrand) + R"(
templates:
  acknowledge:
    en: ["Hi {name}, we have sent you a private message; answer {eta}."]
  acknowledge.aggressive:
    en: ["Hi {name}, you are right, and we are on it; answer {eta}."]
)");
  CHECK_THAT(only(both.complaint("aggressive", "en"), ActionKind::reply_public).text,
             Catch::StartsWith("Hi Alex, you are right"));
  CHECK_THAT(only(both.complaint("meek", "en", "c2"), ActionKind::reply_public).text,
             Catch::StartsWith("Hi Alex, we have sent you"));
}

TEST_CASE("a portrait's wording goes through the tone check (P3) and the config checks") {
  Harness harness(std::string(kBrand) + R"(
templates:
  acknowledge.aggressive:
    en: ["Calm down {name}, we will answer {eta}."]
)");
  const auto actions = harness.complaint("aggressive", "en");
  for (const auto& action : actions) CHECK(action.kind != ActionKind::reply_public);
  const auto& held = only(actions, ActionKind::notify);
  CHECK(held.rule_id == "P3.tone");
  CHECK(held.params.at("held_back") == "acknowledge.aggressive");
  CHECK_THAT(held.reason, Catch::Contains("calm down"));
  CHECK(is_variant_of(only(actions, ActionKind::reply_private).text, "move_private.aggressive", "en"));

  parley::testing::FakePluginContext context;
  const auto refuse = [&](const std::string& templates, const std::string& message) {
    INFO(templates);
    CHECK_THROWS_WITH(PlaybookResponder(parley::test::yaml_config(std::string(kBrand) + templates), context),
                      Catch::Contains(message));
  };
  refuse("templates: { acknowledge.grumpy: { en: [\"Hi {name}\"] } }", "templates.acknowledge.grumpy.en");
  refuse("templates: { move_private.meek: { en: [\"Hi {customer}\"] } }", "{customer}");
  // Wordings are optional: a brand language needs only the plain messages.
  CHECK_NOTHROW(PlaybookResponder(
      parley::test::yaml_config(std::string("brand: Aroma\nlanguages: [en, de]\n") + german_templates()), context));
}

TEST_CASE("the variant memory counts the wording actually used: no repeat in a row (P10)") {
  Harness harness;
  std::string previous;
  for (int turn = 0; turn < 6; ++turn) {
    const auto text =
        only(harness.complaint("chronic", "pl", "c" + std::to_string(turn)), ActionKind::reply_public).text;
    INFO(turn << ": " << text);
    CHECK(is_variant_of(text, "acknowledge.chronic", "pl"));
    CHECK(text != previous);
    previous = text;
  }
}

}  // namespace persona_wording_test
