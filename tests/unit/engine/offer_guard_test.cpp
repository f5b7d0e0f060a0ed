// PLAYBOOK P4: offers only in private, in every language the seeds use.
#include <catch2/catch.hpp>

#include "engine/offer_words.hpp"
#include "engine/policy_guard.hpp"
#include "engine/text_folding.hpp"

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace offer_guard_test {

using namespace parley;
using namespace parley::host;

Action proposal(ActionKind kind, std::string text, std::map<std::string, std::string> params = {}) {
  Action action;
  action.kind = kind;
  action.text = std::move(text);
  action.params = std::move(params);
  action.rule_id = "test";
  action.reason = "because the test says so";
  return action;
}

GuardDecision review_one(const PolicyConfig& policy, const Action& action) {
  return PolicyGuard(policy).review({action}, {}, {}).at(0);
}

TEST_CASE("folding ignores case and accents in every script") {
  CHECK(fold_for_matching("ΈΚΠΤΩΣΗ") == fold_for_matching("εκπτωση"));
  CHECK(fold_for_matching("СКИДКА") == fold_for_matching("скидка"));
  CHECK(fold_for_matching("ZNIŻKA") == "znizka");
  CHECK(fold_for_matching("Straße") == "strasse");
  CHECK(fold_for_matching("مجاناً") == fold_for_matching("مجانا"));  // tanwin is a mark
  CHECK(fold_for_matching("\xff\xfe") != "");                       // invalid UTF-8 is kept visible
  // Plain ASCII folds without ICU, to the same result.
  CHECK(fold_for_matching("Free Of CHARGE, 100%!") == "free of charge, 100%!");
  CHECK(fold_for_matching("Café GRATIS") == "cafe gratis");
  CHECK(fold_for_matching("") == "");
}

TEST_CASE("a public text that mentions an offer is blocked, in six languages") {
  const PolicyConfig defaults;  // public_offer_words absent: the multilingual defaults
  const std::vector<std::pair<std::string, std::string>> texts{
      {"Hi Anna, here is a 10% DISCOUNT for your trouble", "discount"},
      {"Γεια σου Μαρία, σου στείλαμε κουπόνι ΕΚΠΤΩΣΗΣ 10%", "έκπτωσ"},
      {"Ольга, мы дадим вам скидку на следующий заказ", "скидк"},
      {"Pani Anno, przyznamy rabat 10% na kolejne zamówienie", "rabat"},
      {"Hei Matti, saat alennuksen seuraavasta tilauksesta", "alennu"},
      {"عزيزي أحمد، سنرسل لك كود خصم بقيمة 10٪", "كود خصم"},
      {"سنقدم لك تعويضاً عن التأخير", "تعويض"},
      {"We will send you a coffee free of charge", "free of charge"},
  };
  for (const auto& [text, word] : texts) {
    INFO(text);
    const auto decision = review_one(defaults, proposal(ActionKind::reply_public, text));
    CHECK(decision.verdict == Verdict::blocked);
    CHECK(decision.reason == "P4: offers only in private: public text mentions \"" + word + "\"");
  }
}

TEST_CASE("every public kind is checked; private actions may carry offers") {
  const PolicyConfig defaults;
  CHECK(review_one(defaults, proposal(ActionKind::warn, "a voucher")).verdict == Verdict::blocked);
  CHECK(review_one(defaults, proposal(ActionKind::request_removal, "a voucher")).verdict == Verdict::blocked);
  CHECK(
      review_one(defaults, proposal(ActionKind::reply_private, "a 10% voucher", {{"offer", "10% voucher"}})).verdict ==
      Verdict::allowed);
  CHECK(review_one(defaults, proposal(ActionKind::escalate, "", {{"offer", "refund"}})).verdict == Verdict::allowed);
}

TEST_CASE("params.offer makes a public action an offer whatever its text") {
  const auto decision =
      review_one(PolicyConfig{}, proposal(ActionKind::reply_public, "Sorry, Anna!", {{"offer", "10% voucher"}}));
  CHECK(decision.verdict == Verdict::blocked);
  CHECK(decision.reason == "P4: offers only in private: reply_public carries params.offer \"10% voucher\"");
}

TEST_CASE("ordinary complaint replies pass the default words") {
  const PolicyConfig defaults;
  for (const std::string text : {
           "Hi Anna, we are sorry about this. We have sent you a private message and will get back within the hour.",
           "Feel free to send us your order number; we offer our apologies.",
           "Μαρία, λυπούμαστε πολύ. Σας στείλαμε προσωπικό μήνυμα και θα απαντήσουμε σε μία ώρα.",
           "Ольга, извините за задержку. Мы написали вам в личные сообщения, возврат товара оформим там.",
           "Pani Anno, przepraszamy. Napisaliśmy prywatną wiadomość w sprawie abonamentu i promocji.",
           "Hei Matti, pahoittelemme. Lähetimme sinulle yksityisviestin ja palaamme asiaan tunnin sisällä.",
           "نعتذر عن الخصم المزدوج من بطاقتك، أرسلنا لك رسالة خاصة وسنرد خلال ساعة.",
       }) {
    INFO(text);
    CHECK(review_one(defaults, proposal(ActionKind::reply_public, text)).verdict == Verdict::allowed);
  }
}

TEST_CASE("a brand's own word list replaces the defaults, and [] switches the word check off") {
  PolicyConfig policy;
  policy.public_offer_words = std::vector<std::string>{"Gutschein"};
  CHECK(review_one(policy, proposal(ActionKind::reply_public, "ein GUTSCHEIN für Sie")).reason ==
        "P4: offers only in private: public text mentions \"Gutschein\"");
  CHECK(review_one(policy, proposal(ActionKind::reply_public, "a discount")).verdict == Verdict::allowed);

  policy.public_offer_words = std::vector<std::string>{};
  CHECK(review_one(policy, proposal(ActionKind::reply_public, "a 10% discount")).verdict == Verdict::allowed);
  // The params check stays: an offer is an offer whatever the text says.
  CHECK(review_one(policy, proposal(ActionKind::reply_public, "Sorry", {{"offer", "refund"}})).verdict ==
        Verdict::blocked);
}

TEST_CASE("the offer check comes after never and before approval") {
  PolicyConfig policy;
  policy.never = {ActionKind::warn};
  policy.require_approval = {{ActionKind::reply_public, ""}};
  CHECK(review_one(policy, proposal(ActionKind::warn, "a voucher")).reason == "policy.never forbids warn");
  CHECK(review_one(policy, proposal(ActionKind::reply_public, "a voucher")).verdict == Verdict::blocked);
  CHECK(review_one(policy, proposal(ActionKind::reply_public, "sorry")).verdict == Verdict::parked);
}

TEST_CASE("OfferWords reports the word as the brand wrote it") {
  const OfferWords words({"Rabat", "  "});
  CHECK(words.find_in("RABATU nie będzie") == "Rabat");
  CHECK_FALSE(words.find_in("nic"));
  CHECK_FALSE(OfferWords({}).find_in("rabat"));
}

TEST_CASE("OfferWords finds words anywhere, and names the first listed of several") {
  const OfferWords words({"gift card", "bonus", "€", "скидк"});
  // "bonus" comes first in the text, "gift card" first in the list.
  CHECK(words.find_in("A bonus and a GIFT CARD") == "gift card");
  CHECK(words.find_in("bonus") == "bonus");               // the whole text
  CHECK(words.find_in("we add a bonu") == std::nullopt);  // cut at the end
  CHECK(words.find_in("Ваша СКИДКА готова") == "скидк");  // inside a word, another script
  CHECK(words.find_in("zwrot 10 €") == "€");              // a word of one character
  CHECK_FALSE(words.find_in("no offers here, only coffee"));
  const OfferWords one_byte({"%"});
  CHECK(one_byte.find_in("10% off") == "%");
  CHECK_FALSE(one_byte.find_in("ten off"));
}

}  // namespace offer_guard_test
