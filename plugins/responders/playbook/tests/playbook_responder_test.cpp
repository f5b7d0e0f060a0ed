// The strategy: which actions the playbook proposes for which event, each
// with the rule it cites, in the customer's language.
#include <algorithm>
#include <catch2/catch.hpp>
#include <parley/testing.hpp>
#include <parley_test/classify.hpp>
#include <parley_test/yaml_config.hpp>

#include "playbook_responder.hpp"

using parley::Action;
using parley::ActionKind;
using parley::CaseView;
using parley::Labels;
using parley::playbook::PlaybookResponder;

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace playbook_responder_test {

const char* kBrand = R"(
brand: Aroma
languages: [en, el, ru, pl, fi, ar]
default_language: en
calendar: { time_zone: Europe/Athens }
follow_up: 3d
abuse: { policy_link: "https://aroma.example/rules", ban_after_warnings: 2 }
personas:
  rip_off: { offer: "a 10% voucher", max_concessions: 1 }
  high_roller: { escalate_to: vip }
escalation:
  - { department: legal, title: { el: "νομική υπηρεσία", en: legal }, contact: legal@aroma.example, keywords: ["lawyer*", "δικηγόρ*", "адвокат*", "sąd*"] }
  - { department: vip, topics: [] , keywords: ["vip"] }
knowledge_base: { late_delivery: "https://aroma.example/help/delivery" }
)";

struct Harness {
  explicit Harness(const std::string& extra = "") : responder(parley::test::yaml_config(kBrand + extra), context) {}

  std::vector<Action> respond(const parley::Event& event, const Labels& labels, const CaseView& case_view = {}) {
    std::vector<Action> proposals;
    responder.respond(event, labels, case_view, proposals);
    return proposals;
  }

  parley::testing::FakePluginContext context;
  PlaybookResponder responder;
};

parley::Event comment(std::string text, std::string name = "Maria Papadopoulou") {
  auto event = parley::test::event_with(std::move(text));
  event.id = "c1";
  event.account = "aroma-page";
  event.author.id = "u1";
  event.author.display_name = std::move(name);
  event.created_at = 1793610900000 - 10 * 60 * 1000;  // ten minutes before the test clock
  return event;
}

Labels labels_of(std::initializer_list<std::pair<const char*, double>> scores,
                 std::initializer_list<std::pair<const char*, const char*>> attributes = {}) {
  Labels labels;
  for (const auto& [name, score] : scores) labels.set(name, score);
  for (const auto& [name, value] : attributes) labels.set_attribute(name, value);
  return labels;
}

const Action* find(const std::vector<Action>& actions, ActionKind kind) {
  for (const auto& action : actions) {
    if (action.kind == kind) return &action;
  }
  return nullptr;
}

std::string kinds(const std::vector<Action>& actions) {
  std::string out;
  for (const auto& action : actions) out += std::string(to_string(action.kind)) + ":" + action.rule_id + " ";
  return out;
}

TEST_CASE("a first complaint in Greek is acknowledged publicly, then taken private, with a follow-up") {
  Harness harness;
  const auto actions =
      harness.respond(comment("Η παραγγελία μου άργησε δύο ώρες και ήρθε κρύα!"),
                      labels_of({{"intent.complaint", 0.9}}, {{"lang", "el"}, {"theme", "late_delivery"}}));
  INFO(kinds(actions));
  const auto* ack = find(actions, ActionKind::reply_public);
  REQUIRE(ack != nullptr);
  CHECK(ack->rule_id == "P2");
  CHECK(ack->params.at("lang") == "el");
  CHECK_THAT(ack->text, Catch::Contains("Maria"));
  CHECK_THAT(ack->reason, Catch::Contains("(P1)") && Catch::Contains("P20: in el"));
  const auto* dm = find(actions, ActionKind::reply_private);
  REQUIRE(dm != nullptr);
  CHECK(dm->rule_id == "P4");
  CHECK(dm->params.at("case_status") == "awaiting_customer");
  CHECK_THAT(dm->text, Catch::Contains("https://aroma.example/help/delivery") || !Catch::Contains("{kb_link}"));
  const auto* follow_up = find(actions, ActionKind::follow_up);
  REQUIRE(follow_up != nullptr);
  CHECK(follow_up->params.at("after") == "3d");
  CHECK(follow_up->params.at("purpose") == "follow_up");
  CHECK(find(actions, ActionKind::warn) == nullptr);
  CHECK(find(actions, ActionKind::notify) == nullptr);  // answered within the SLA
}

TEST_CASE("without a calendar zone of its own, the promised time is in the pipeline's time zone (P2)") {
  std::string brand = kBrand;
  const std::string own_zone = "calendar: { time_zone: Europe/Athens }\n";
  brand.erase(brand.find(own_zone), own_zone.size());
  const auto acknowledgement = [](const std::string& config, const std::string& pipeline_zone) {
    parley::testing::FakePluginContext context;
    context.zone = pipeline_zone;
    PlaybookResponder responder(parley::test::yaml_config(config), context);
    std::vector<Action> proposals;
    responder.respond(comment("My order is two hours late and cold!"),
                      labels_of({{"intent.complaint", 0.9}}, {{"lang", "en"}}), {}, proposals);
    const auto* ack = find(proposals, ActionKind::reply_public);
    REQUIRE(ack != nullptr);
    return ack->text;
  };
  // The test clock is 09:15 UTC; open all day, the full answer is due 24 hours later.
  CHECK_THAT(acknowledgement(brand, "UTC"), Catch::Contains("tomorrow by 09:15"));
  CHECK_THAT(acknowledgement(brand, "Asia/Tokyo"), Catch::Contains("tomorrow by 18:15"));
  // The playbook's own calendar.time_zone wins (Athens: UTC+2 in November).
  CHECK_THAT(acknowledgement(kBrand, "Asia/Tokyo"), Catch::Contains("tomorrow by 11:15"));
}

TEST_CASE("a Greek reply greets the customer in the vocative; other languages keep the name as written (P20)") {
  Harness harness;
  const auto complaint = labels_of({{"intent.complaint", 0.9}}, {{"lang", "el"}, {"theme", "late_delivery"}});
  const auto greek = harness.respond(comment("Η παραγγελία άργησε", "Γιώργος Παπαδόπουλος"), complaint);
  const auto* ack = find(greek, ActionKind::reply_public);
  REQUIRE(ack != nullptr);
  CHECK_THAT(ack->text, Catch::Contains("Γιώργο") && !Catch::Contains("Γιώργος"));

  const auto english = harness.respond(comment("My order is late", "Γιώργος Παπαδόπουλος"),
                                       labels_of({{"intent.complaint", 0.9}}, {{"lang", "en"}}));
  const auto* en_ack = find(english, ActionKind::reply_public);
  REQUIRE(en_ack != nullptr);
  CHECK_THAT(en_ack->text, Catch::Contains("Γιώργος"));
}

TEST_CASE("an answered case gets no second public reply; a person is told instead") {
  Harness harness;
  CaseView answered;
  answered.status = "awaiting_customer";
  answered.first_response_at = 1793610000000;
  answered.last_actions = {"reply_public", "reply_private"};
  const auto actions =
      harness.respond(comment("Still waiting!!"), labels_of({{"intent.complaint", 0.8}}, {{"lang", "en"}}), answered);
  INFO(kinds(actions));
  CHECK(find(actions, ActionKind::reply_public) == nullptr);
  const auto* notify = find(actions, ActionKind::notify);
  REQUIRE(notify != nullptr);
  CHECK(notify->rule_id == "P1.again");
  CHECK(notify->params.at("case_status") == "private");
}

TEST_CASE("a profane complaint about the brand is answered as a complaint, not warned or banned (P16.aggressive)") {
  Harness harness;
  const auto actions =
      harness.respond(comment("Вы что, издеваетесь?! Третий раз привозите не тот заказ, чёрт побери!", "Иван"),
                      labels_of({{"intent.complaint", 0.9},
                                 {"toxicity.offensive", 0.8},
                                 {"abuse.target.brand", 0.9},
                                 {"persona.aggressive", 0.8}},
                                {{"lang", "ru"}, {"persona", "aggressive"}, {"theme", "wrong_order"}}));
  INFO(kinds(actions));
  CHECK(find(actions, ActionKind::warn) == nullptr);
  CHECK(find(actions, ActionKind::ban) == nullptr);
  CHECK(find(actions, ActionKind::hide) == nullptr);
  const auto* dm = find(actions, ActionKind::reply_private);
  REQUIRE(dm != nullptr);
  CHECK(dm->params.at("lang") == "ru");
  CHECK_THAT(dm->reason, Catch::Contains("P16.aggressive"));
  CHECK_THAT(dm->text, Catch::Contains("Иван"));
}

TEST_CASE("obscene abuse aimed at staff is banned at once and hidden, never deleted (P8, P9)") {
  Harness harness;
  const auto actions =
      harness.respond(comment("Your moderator Anna is a stupid fucking idiot"), labels_of({{"toxicity.offensive", 0.95},
                                                                                           {"toxicity.insult", 0.9},
                                                                                           {"toxicity.profanity", 0.9},
                                                                                           {"abuse.target.staff", 0.9}},
                                                                                          {{"lang", "en"}}));
  INFO(kinds(actions));
  REQUIRE(find(actions, ActionKind::ban) != nullptr);
  CHECK(find(actions, ActionKind::ban)->rule_id == "P8.ban_at_once");
  CHECK_THAT(find(actions, ActionKind::ban)->reason, Catch::StartsWith("an obscene insult aimed at staff"));
  CHECK(find(actions, ActionKind::hide) != nullptr);
  CHECK(find(actions, ActionKind::delete_event) == nullptr);
}

TEST_CASE("a threat is moderated like other abuse and also goes to a person (P8)") {
  // "If you don't give my money back, I'll find you at the shop": no named target.
  const auto threat = labels_of({{"toxicity.offensive", 0.75}, {"toxicity.threat", 0.75}}, {{"lang", "el"}});
  const auto event = comment("Αν δεν μου επιστρέψετε τα λεφτά, θα σε βρω στο μαγαζί.");
  {
    Harness harness;
    const auto actions = harness.respond(event, threat);
    INFO(kinds(actions));
    REQUIRE(find(actions, ActionKind::warn) != nullptr);
    const auto* notify = find(actions, ActionKind::notify);
    REQUIRE(notify != nullptr);
    CHECK(notify->rule_id == "P8.threat");
    CHECK(notify->params.at("team") == "community");
    CHECK_THAT(notify->reason, Catch::StartsWith("a threat (toxicity.threat 0.75)"));
  }
  {
    std::string brand = kBrand;
    const std::string abuse = "abuse: { ";
    brand.insert(brand.find(abuse) + abuse.size(), "threats_to: legal, ");
    parley::testing::FakePluginContext context;
    PlaybookResponder responder(parley::test::yaml_config(brand), context);
    std::vector<Action> actions;
    responder.respond(event, threat, {}, actions);
    INFO(kinds(actions));
    const auto* escalate = find(actions, ActionKind::escalate);
    REQUIRE(escalate != nullptr);
    CHECK(escalate->rule_id == "P8.threat");
    CHECK(escalate->params.at("department") == "legal");
    CHECK(escalate->params.at("contact") == "legal@aroma.example");
    CHECK(find(actions, ActionKind::notify) == nullptr);
  }
  // An insult is not a threat: no one is called.
  Harness harness;
  const auto insult =
      harness.respond(comment("you absolute moron"),
                      labels_of({{"toxicity.offensive", 0.8}, {"toxicity.insult", 0.8}}, {{"lang", "en"}}));
  CHECK(find(insult, ActionKind::notify) == nullptr);
  CHECK(find(insult, ActionKind::escalate) == nullptr);
}

TEST_CASE("a ban at once names what it is for: a threat, hate or harassment (P8)") {
  Harness harness;
  const auto ban_reason = [&](const char* label) {
    const auto actions = harness.respond(
        comment("..."),
        labels_of({{"toxicity.offensive", 0.9}, {label, 0.9}, {"abuse.target.community", 0.9}}, {{"lang", "en"}}));
    const auto* ban = find(actions, ActionKind::ban);
    return ban != nullptr ? ban->reason : std::string("(no ban)");
  };
  CHECK_THAT(ban_reason("toxicity.threat"), Catch::StartsWith("a threat aimed at the community"));
  CHECK_THAT(ban_reason("toxicity.hate"), Catch::StartsWith("hateful abuse aimed at the community"));
  CHECK_THAT(ban_reason("toxicity.harassment"), Catch::StartsWith("harassment aimed at the community"));
}

TEST_CASE("abuse of the brand is warned first, but a threat to its account is banned at once (P8)") {
  Harness harness;
  const auto at_brand = [&](const char* label) {
    return harness.respond(
        comment("@aroma ..."),
        labels_of({{"toxicity.offensive", 0.9}, {label, 0.9}, {"toxicity.profanity", 0.9}, {"abuse.target.brand", 0.9}},
                  {{"lang", "en"}}));
  };
  const auto insult = at_brand("toxicity.insult");
  INFO(kinds(insult));
  CHECK(find(insult, ActionKind::warn) != nullptr);
  CHECK(find(insult, ActionKind::ban) == nullptr);
  // "@aroma watch your back, I know where you live": the people behind the account.
  const auto threat = at_brand("toxicity.threat");
  INFO(kinds(threat));
  REQUIRE(find(threat, ActionKind::ban) != nullptr);
  CHECK_THAT(find(threat, ActionKind::ban)->reason, Catch::StartsWith("a threat aimed at the brand's people"));
  CHECK(find(threat, ActionKind::notify) != nullptr);  // P8.threat
}

TEST_CASE("an insult aimed at staff without obscenity or hate is warned first (P8)") {
  Harness harness;
  const auto actions =
      harness.respond(comment("Η ταμίας σας είναι ηλίθια"),
                      labels_of({{"toxicity.offensive", 0.8}, {"toxicity.insult", 0.8}, {"abuse.target.staff", 0.9}},
                                {{"lang", "el"}}));
  INFO(kinds(actions));
  CHECK(find(actions, ActionKind::ban) == nullptr);
  REQUIRE(find(actions, ActionKind::warn) != nullptr);
  CHECK(find(actions, ActionKind::warn)->params.at("lang") == "el");
}

TEST_CASE("a profane complaint about a late courier is a complaint, not abuse of staff (P16.aggressive)") {
  Harness harness;
  const auto actions = harness.respond(comment("Пиздец, курьер опять опоздал на час, кофе холодный.", "Сергей"),
                                       labels_of({{"intent.complaint", 0.94},
                                                  {"toxicity.offensive", 0.77},
                                                  {"toxicity.profanity", 0.85},
                                                  {"abuse.target.staff", 0.7}},
                                                 {{"lang", "ru"}, {"theme", "late_delivery"}}));
  INFO(kinds(actions));
  CHECK(find(actions, ActionKind::ban) == nullptr);
  CHECK(find(actions, ActionKind::warn) == nullptr);
  REQUIRE(find(actions, ActionKind::reply_public) != nullptr);
  CHECK(find(actions, ActionKind::reply_public)->params.at("lang") == "ru");
}

TEST_CASE("a political rant that also grumbles about prices is off-topic when politics dominates (P18)") {
  Harness harness;
  const auto actions = harness.respond(
      comment("Coffee prices are up because the government and their vaccine mandates ruined everything"),
      labels_of({{"intent.offtopic", 0.8}, {"intent.complaint", 0.68}}, {{"lang", "en"}, {"theme", "quality"}}));
  REQUIRE(actions.size() == 1);
  CHECK(actions[0].rule_id == "P18");
}

TEST_CASE("abuse without a complaint is warned with the policy link, and banned after two warnings (P8)") {
  Harness harness;
  const auto abuse = labels_of({{"toxicity.offensive", 0.9}}, {{"lang", "pl"}});
  const auto first = harness.respond(comment("Co za gówno, spadajcie"), abuse);
  INFO(kinds(first));
  const auto* warning = find(first, ActionKind::warn);
  REQUIRE(warning != nullptr);
  CHECK(warning->rule_id == "P8.warn");
  CHECK_THAT(warning->text, Catch::Contains("https://aroma.example/rules"));
  CHECK(warning->params.at("lang") == "pl");
  CHECK(find(first, ActionKind::ban) == nullptr);

  CaseView warned_twice;
  warned_twice.author_warnings = 2;
  const auto third = harness.respond(comment("gówno"), abuse, warned_twice);
  REQUIRE(find(third, ActionKind::ban) != nullptr);
  CHECK(find(third, ActionKind::ban)->rule_id == "P8.ban");
  CHECK(find(third, ActionKind::warn) == nullptr);
}

TEST_CASE("insults with no business matter in them are abuse, however angry (P8)") {
  Harness harness;
  const auto actions = harness.respond(
      comment("You are all pathetic losers"),
      labels_of({{"intent.complaint", 0.9}, {"toxicity.offensive", 0.9}}, {{"lang", "en"}, {"theme", "other"}}));
  INFO(kinds(actions));
  CHECK(find(actions, ActionKind::warn) != nullptr);
  CHECK(find(actions, ActionKind::reply_public) == nullptr);
}

TEST_CASE("an off-topic rant gets an audited ignore (P18)") {
  Harness harness;
  const auto actions = harness.respond(comment("The elections are rigged, wake up people"),
                                       labels_of({{"intent.offtopic", 0.9}}, {{"lang", "en"}}));
  REQUIRE(actions.size() == 1);
  CHECK(actions[0].kind == ActionKind::ignore);
  CHECK(actions[0].rule_id == "P18");
  CHECK_THAT(actions[0].reason, Catch::Contains("off-topic"));
}

TEST_CASE("a question waits for the community, then is answered only if nobody did (P7)") {
  Harness harness("questions: { community_window: 15m }\n");
  const auto asked = harness.respond(comment("Do you have oat milk?"), labels_of({{"intent.question", 0.9}}));
  REQUIRE(asked.size() == 1);
  CHECK(asked[0].kind == ActionKind::follow_up);
  CHECK(asked[0].params.at("purpose") == "community_window");
  CHECK(asked[0].params.at("after") == "15m");

  auto timer = comment("");
  timer.kind = parley::EventKind::timer;
  timer.lang = "fi";
  timer.metadata = {{"timer.purpose", "community_window"}, {"thread.replies_since", "2"}};
  const auto community_answered = harness.respond(timer, {});
  REQUIRE(community_answered.size() == 1);
  CHECK(community_answered[0].kind == ActionKind::ignore);
  CHECK(community_answered[0].rule_id == "P7");

  timer.metadata["thread.replies_since"] = "0";
  const auto nobody = harness.respond(timer, {});
  REQUIRE(nobody.size() == 1);
  CHECK(nobody[0].kind == ActionKind::reply_public);
  CHECK(nobody[0].params.at("lang") == "fi");
}

TEST_CASE("a question that tags only other people is theirs to answer; one that tags the brand is not (P7)") {
  Harness harness;
  const auto question = labels_of({{"intent.question", 0.9}}, {{"lang", "en"}});
  const auto to_a_friend = harness.respond(comment("Tagging @sam_k - brunch here on Saturday?"), question);
  INFO(kinds(to_a_friend));
  REQUIRE(to_a_friend.size() == 1);
  CHECK(to_a_friend[0].kind == ActionKind::ignore);
  CHECK(to_a_friend[0].rule_id == "P7");
  CHECK_THAT(to_a_friend[0].reason, Catch::Contains("@sam_k"));

  // The brand by its account or by its name, even next to a friend: the brand answers.
  // Its other handles too: their letters start with the account's or the name's.
  for (const char* text : {"@aroma_page do you have oat milk?", "@sam_k @Aroma do you have oat milk?",
                           "@AromaHelp do you have oat milk?", "@sam_k @aroma_page_support oat milk?"}) {
    const auto to_brand = harness.respond(comment(text), question);
    INFO(text << ": " << kinds(to_brand));
    CHECK(find(to_brand, ActionKind::reply_public) != nullptr);
  }
  // A name in another script is a mention too, but its letters cannot be
  // compared with the brand's: it may be the brand's own page, so the brand answers.
  const auto to_a_name = harness.respond(comment("@Σάμης_Κ έχετε brunch το Σάββατο;"), question);
  CHECK(find(to_a_name, ActionKind::reply_public) != nullptr);
  // An e-mail address is not a mention.
  const auto with_mail = harness.respond(comment("Can I write to orders@aroma.example about it?"), question);
  CHECK(find(with_mail, ActionKind::reply_public) != nullptr);
  // In a private message there is nobody else to answer.
  auto message = comment("@sam_k said you deliver on Sundays, do you?");
  message.kind = parley::EventKind::direct_message;
  CHECK(find(harness.respond(message, question), ActionKind::reply_private) != nullptr);
}

TEST_CASE("a rip-off demand gets one private concession, then a polite private no (P16.rip_off, P4)") {
  Harness harness;
  const auto labels = labels_of({{"intent.complaint", 0.7}, {"intent.compensation", 0.9}, {"persona.rip_off", 0.8}},
                                {{"lang", "pl"}, {"persona", "rip_off"}});
  const auto first = harness.respond(comment("Kawa zimna. Chcę rabat 50% albo zwrot pieniędzy!", "Piotr"), labels);
  INFO(kinds(first));
  const Action* offer = nullptr;
  for (const auto& action : first) {
    if (action.params.count("offer")) offer = &action;
    if (action.kind == ActionKind::reply_public) CHECK(action.params.count("offer") == 0);
  }
  REQUIRE(offer != nullptr);
  CHECK(offer->kind == ActionKind::reply_private);
  CHECK(offer->rule_id == "P16.rip_off");
  CHECK_THAT(offer->text, Catch::Contains("10%"));

  CaseView conceded;
  conceded.author_concessions = 1;
  const auto second = harness.respond(comment("Znowu zimna. Rabat!", "Piotr"), labels, conceded);
  INFO(kinds(second));
  for (const auto& action : second) CHECK(action.params.count("offer") == 0);
  bool declined = false;
  for (const auto& action : second)
    declined = declined || (action.kind == ActionKind::reply_private && action.rule_id == "P16.rip_off");
  CHECK(declined);
}

TEST_CASE("a language the brand does not answer in falls back to the default, and the reason says so (P20)") {
  Harness harness("");
  parley::testing::FakePluginContext context;
  PlaybookResponder english_only(parley::test::yaml_config("brand: Aroma\nlanguages: [en, el]\n"), context);
  std::vector<Action> actions;
  english_only.respond(comment("Siparişim gelmedi!"), labels_of({{"intent.complaint", 0.9}}, {{"lang", "tr"}}), {},
                       actions);
  const auto* ack = find(actions, ActionKind::reply_public);
  REQUIRE(ack != nullptr);
  CHECK(ack->params.at("lang") == "en");
  CHECK_THAT(ack->reason, Catch::Contains("P20") && Catch::Contains("tr"));
}

TEST_CASE("a reply that fails the tone check is held back and reported instead (P3)") {
  Harness harness(
      "templates:\n  acknowledge:\n    en: [\"Calm down {name}, it is your fault, we will answer {eta}.\"]\n");
  const auto actions =
      harness.respond(comment("My order is late"), labels_of({{"intent.complaint", 0.9}}, {{"lang", "en"}}));
  INFO(kinds(actions));
  CHECK(find(actions, ActionKind::reply_public) == nullptr);
  const auto* held = find(actions, ActionKind::notify);
  REQUIRE(held != nullptr);
  CHECK(held->rule_id == "P3.tone");
  CHECK(held->params.at("held_back") == "acknowledge");
}

TEST_CASE("a late first response raises an SLA breach (P2)") {
  Harness harness("first_response: 1h\n");
  auto late = comment("My order is late");
  late.created_at = harness.context.now - 3 * 3600 * 1000;
  const auto actions = harness.respond(late, labels_of({{"intent.complaint", 0.9}}, {{"lang", "en"}}));
  const auto* breach = find(actions, ActionKind::notify);
  REQUIRE(breach != nullptr);
  CHECK(breach->rule_id == "P2.sla_breach");
  CHECK(breach->params.at("waited") == "3h");
}

TEST_CASE("legal words route the complaint to the legal department (P12)") {
  Harness harness;
  const auto actions =
      harness.respond(comment("Θα μιλήσω με τον δικηγόρο μου για τη χρέωση"),
                      labels_of({{"intent.complaint", 0.9}}, {{"lang", "el"}, {"theme", "billing_error"}}));
  const auto* escalate = find(actions, ActionKind::escalate);
  REQUIRE(escalate != nullptr);
  CHECK(escalate->params.at("department") == "legal");
  CHECK(escalate->params.at("contact") == "legal@aroma.example");
  CHECK(escalate->rule_id == "P12");
  const auto* handover = find(actions, ActionKind::reply_private);
  REQUIRE(handover != nullptr);
  CHECK_THAT(handover->text, Catch::Contains("νομική υπηρεσία"));  // the escalated message, with the team's title
  CHECK_THAT(handover->reason, Catch::Contains("P12"));
}

TEST_CASE("a complaint in a direct message is answered there, once, with nothing said in public (P4)") {
  Harness harness;
  auto message = comment("Πλήρωσα δύο φορές την ίδια παραγγελία");
  message.kind = parley::EventKind::direct_message;
  message.visibility = parley::Visibility::private_message;
  const auto actions =
      harness.respond(message, labels_of({{"intent.complaint", 0.9}}, {{"lang", "el"}, {"theme", "billing_error"}}));
  INFO(kinds(actions));
  CHECK(find(actions, ActionKind::reply_public) == nullptr);
  CHECK(std::count_if(actions.begin(), actions.end(),
                      [](const Action& a) { return a.kind == ActionKind::reply_private; }) == 1);
  const auto* answer = find(actions, ActionKind::reply_private);
  REQUIRE(answer != nullptr);
  CHECK(answer->rule_id == "P2");
  CHECK(answer->params.at("case_status") == "awaiting_customer");
  CHECK_THAT(answer->reason, Catch::Contains("in a private message"));
  CHECK_THAT(answer->text, Catch::Contains("Maria"));
  CHECK(find(actions, ActionKind::follow_up) != nullptr);  // P14 still applies

  // With a legal word, the one private answer is the hand-over to legal.
  auto legal = message;
  legal.text = "Θα μιλήσω με τον δικηγόρο μου για τη χρέωση";
  const auto escalated =
      harness.respond(legal, labels_of({{"intent.complaint", 0.9}}, {{"lang", "el"}, {"theme", "billing_error"}}));
  INFO(kinds(escalated));
  CHECK(find(escalated, ActionKind::reply_public) == nullptr);
  const auto* handover = find(escalated, ActionKind::reply_private);
  REQUIRE(handover != nullptr);
  CHECK_THAT(handover->text, Catch::Contains("νομική υπηρεσία"));
  CHECK(find(escalated, ActionKind::escalate) != nullptr);
}

TEST_CASE("a question or praise in a private message is answered in private, at once (P7 needs a public thread)") {
  Harness harness("questions: { community_window: 15m }\n");
  auto message = comment("Do you have oat milk?");
  message.kind = parley::EventKind::direct_message;
  const auto asked = harness.respond(message, labels_of({{"intent.question", 0.9}}, {{"lang", "en"}}));
  INFO(kinds(asked));
  REQUIRE(asked.size() == 1);
  CHECK(asked[0].kind == ActionKind::reply_private);
  CHECK(asked[0].rule_id == "P13");
  CHECK_THAT(asked[0].reason, Catch::Contains("in private"));

  auto thanks = comment("Best coffee in town, thank you!");
  thanks.visibility = parley::Visibility::private_message;
  const auto thanked = harness.respond(thanks, labels_of({{"intent.praise", 0.9}}, {{"lang", "en"}}));
  INFO(kinds(thanked));
  REQUIRE(thanked.size() == 1);
  CHECK(thanked[0].kind == ActionKind::reply_private);
}

TEST_CASE("abuse or spam in a private message is not hidden: nobody else sees it (P8, P9)") {
  Harness harness;
  auto message = comment("you are an idiot");
  message.kind = parley::EventKind::direct_message;
  const auto abuse =
      harness.respond(message, labels_of({{"toxicity.offensive", 0.85}, {"toxicity.insult", 0.85}}, {{"lang", "en"}}));
  INFO(kinds(abuse));
  CHECK(find(abuse, ActionKind::hide) == nullptr);
  CHECK(find(abuse, ActionKind::warn) != nullptr);  // the warning still goes, privately

  auto spam = comment("Make money from home, click the link in my bio");
  spam.visibility = parley::Visibility::private_message;
  const auto promo = harness.respond(spam, labels_of({{"intent.spam", 0.95}}, {{"lang", "en"}}));
  INFO(kinds(promo));
  REQUIRE(promo.size() == 1);
  CHECK(promo[0].kind == ActionKind::ignore);
  CHECK(promo[0].rule_id == "P9.spam");
}

TEST_CASE("a resolved case gets a public note under the original comment (P6) and a follow-up (P14)") {
  Harness harness;
  auto update = comment("");
  update.kind = parley::EventKind::direct_message;
  update.metadata = {{"case.update", "resolved"}};
  CaseView open_case;
  open_case.status = "awaiting_customer";
  open_case.origin_event_id = "c0";
  update.lang = "fi";  // the CRM's language for the customer; the classifier could not tell from no text
  const auto actions = harness.respond(update, labels_of({}, {{"lang", "und"}}), open_case);
  const auto* note = find(actions, ActionKind::reply_public);
  REQUIRE(note != nullptr);
  CHECK(note->rule_id == "P6");
  CHECK(note->target_event_id == "c0");
  CHECK(note->params.at("case_status") == "resolved");
  CHECK(note->params.at("lang") == "fi");
  CHECK(find(actions, ActionKind::request_removal) == nullptr);  // P5 is off unless the brand turns it on
  CHECK(find(actions, ActionKind::follow_up) != nullptr);
}

TEST_CASE("a closing update closes the case without a word to the customer") {
  Harness harness;
  auto update = comment("");
  update.metadata = {{"case.update", "closed"}};
  const auto actions = harness.respond(update, {});
  REQUIRE(actions.size() == 1);
  CHECK(actions[0].kind == ActionKind::label);
  CHECK(actions[0].params.at("case_status") == "closed");
}

TEST_CASE("spam is hidden, not deleted, unless the brand allows deleting spam (P9)") {
  Harness harness;
  const auto spam = labels_of({{"intent.spam", 0.95}});
  const auto hidden = harness.respond(comment("Cheap followers at spam.example"), spam);
  CHECK(find(hidden, ActionKind::hide) != nullptr);
  CHECK(find(hidden, ActionKind::delete_event) == nullptr);
  parley::testing::FakePluginContext context;
  PlaybookResponder allows(parley::test::yaml_config("brand: A\nabuse: { delete_spam: true }\n"), context);
  std::vector<Action> actions;
  allows.respond(comment("Cheap followers"), spam, {}, actions);
  CHECK(find(actions, ActionKind::delete_event) != nullptr);
}

TEST_CASE("a negative comment nothing else placed goes to a person, not to silence (P1)") {
  Harness harness;
  const auto unplaced = harness.respond(comment("Zamiast latte dostałam czarną kawę."),
                                        labels_of({{"sentiment.negative", 0.7}}, {{"lang", "pl"}}));
  REQUIRE(unplaced.size() == 1);
  CHECK(unplaced[0].kind == ActionKind::notify);
  CHECK(unplaced[0].rule_id == "P1.unplaced");
  CHECK(harness.respond(comment("Nice weather today"), labels_of({{"sentiment.positive", 0.6}})).empty());
}

TEST_CASE("the brand's own posts and banned authors get no replies") {
  Harness harness;
  auto own = comment("Our new menu is out");
  own.author.is_brand = true;
  CHECK(harness.respond(own, labels_of({{"intent.complaint", 0.9}})).empty());
  CaseView banned;
  banned.author_banned = true;
  const auto actions = harness.respond(comment("late again"), labels_of({{"intent.complaint", 0.9}}), banned);
  REQUIRE(actions.size() == 1);
  CHECK(actions[0].kind == ActionKind::ignore);
}

TEST_CASE("a bad config is refused with the key at fault") {
  parley::testing::FakePluginContext context;
  auto refuse = [&](const std::string& yaml, const std::string& message) {
    INFO(yaml);
    CHECK_THROWS_WITH(PlaybookResponder(parley::test::yaml_config(yaml), context), Catch::Contains(message));
  };
  refuse("brand: A\nlanguages: [en]\ndefault_language: el\n", "default_language");
  refuse("brand: A\npersonas: { grumpy: {} }\n", "grumpy");
  refuse("brand: A\npersonas: { chronic: { escalate_to: nobody } }\n", "nobody");
  refuse("brand: A\nabuse: { threats_to: security }\n", "'abuse.threats_to' names 'security', not in 'escalation'");
  refuse("brand: A\nfollow_up: soon\n", "follow_up");
  refuse("brand: A\nacknowledge_publicly: false\nmove_private: false\n", "P1");
  refuse("brand: A\nlanguages: [en, de]\ndefault_language: en\n", "templates.");
  refuse("brand: A\ncalendar: { time_zone: Mars/Olympus }\n", "calendar");
}

TEST_CASE("possible_actions follows the brand's config") {
  const auto has = [](const std::vector<ActionKind>& kinds, ActionKind kind) {
    return std::find(kinds.begin(), kinds.end(), kind) != kinds.end();
  };
  Harness defaults;
  const auto kinds = defaults.responder.possible_actions();
  REQUIRE(kinds);
  for (auto kind :
       {ActionKind::reply_public, ActionKind::reply_private, ActionKind::hide, ActionKind::ban, ActionKind::warn,
        ActionKind::escalate, ActionKind::notify, ActionKind::follow_up, ActionKind::ignore, ActionKind::label}) {
    INFO(to_string(kind));
    CHECK(has(*kinds, kind));
  }
  // Off by default (P9, P5), and never proposed.
  for (auto kind : {ActionKind::delete_event, ActionKind::request_removal, ActionKind::unhide, ActionKind::assign}) {
    INFO(to_string(kind));
    CHECK_FALSE(has(*kinds, kind));
  }

  Harness removal("request_removal: true\n");
  CHECK(has(*removal.responder.possible_actions(), ActionKind::request_removal));

  parley::testing::FakePluginContext context;
  PlaybookResponder lean(parley::test::yaml_config(R"(
brand: Lean
follow_up: "0"
abuse: { warn: false, hide: false, hide_spam: false, delete_spam: true }
)"),
                         context);
  const auto lean_kinds = lean.possible_actions();
  REQUIRE(lean_kinds);
  CHECK(has(*lean_kinds, ActionKind::delete_event));
  CHECK(has(*lean_kinds, ActionKind::ban));  // P8's last step has no switch
  for (auto kind : {ActionKind::warn, ActionKind::hide, ActionKind::escalate, ActionKind::follow_up}) {
    INFO(to_string(kind));
    CHECK_FALSE(has(*lean_kinds, kind));
  }
}

}  // namespace playbook_responder_test
