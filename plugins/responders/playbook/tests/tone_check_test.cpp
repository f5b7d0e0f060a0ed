#include <catch2/catch.hpp>

#include <string>

#include "message_catalog.hpp"
#include "personas.hpp"
#include "tone_check.hpp"

using namespace parley::playbook;

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace tone_check_test {

bool has(const std::vector<ToneProblem>& problems, std::string_view kind) {
  for (const auto& problem : problems) {
    if (problem.kind == kind) return true;
  }
  return false;
}

TEST_CASE("tone check catches blame", "[tone]") {
  const ToneCheck check;
  CHECK(has(check.check("Well, you should have read the manual.", "en"), "blame"));
  CHECK(has(check.check("As we already told you, it ships Monday.", "en"), "blame"));
  CHECK(has(check.check("Θα έπρεπε να είχατε ελέγξει την παραγγελία.", "el"), "blame"));
  CHECK(has(check.check("ΦΤΑΊΤΕ ΕΣΕΊΣ για αυτό.", "el"), "blame"));  // upper case, tonos
  CHECK(has(check.check("Вы должны были проверить заказ.", "ru"), "blame"));
  CHECK(has(check.check("Trzeba było sprawdzić zamówienie.", "pl"), "blame"));
  CHECK(has(check.check("Sinun olisi pitänyt lukea ohjeet.", "fi"), "blame"));
  CHECK(has(check.check("كان عليك قراءة التعليمات.", "ar"), "blame"));
}

TEST_CASE("tone check catches arguing", "[tone]") {
  const ToneCheck check;
  CHECK(has(check.check("That is not true, the parcel left on time.", "en"), "argument"));
  CHECK(has(check.check("You're wrong about the price.", "en"), "argument"));
  CHECK(has(check.check("Κάνετε λάθος, η τιμή ήταν σωστή.", "el"), "argument"));
  CHECK(has(check.check("Это неправда, посылка ушла вовремя.", "ru"), "argument"));
  CHECK(has(check.check("To nieprawda, paczka wyszła na czas.", "pl"), "argument"));
  CHECK(has(check.check("Olet väärässä hinnan suhteen.", "fi"), "argument"));
  CHECK(has(check.check("هذا غير صحيح، الطلب وصل في موعده.", "ar"), "argument"));
}

TEST_CASE("tone check catches aggression, insults with any ending", "[tone]") {
  const ToneCheck check;
  CHECK(has(check.check("Calm down, please.", "en"), "aggression"));
  CHECK(has(check.check("Only idiots write such things", "en"), "aggression"));
  CHECK(has(check.check("Ηρεμήστε λίγο.", "el"), "aggression"));
  CHECK(has(check.check("Успокойтесь, пожалуйста.", "ru"), "aggression"));
  CHECK(has(check.check("Какой идиотский вопрос", "ru"), "aggression"));
  CHECK(has(check.check("Przestań narzekać.", "pl"), "aggression"));
  CHECK(has(check.check("Rauhoitu nyt.", "fi"), "aggression"));
  CHECK(has(check.check("اهدأ قليلا", "ar"), "aggression"));
}

TEST_CASE("tone check catches boilerplate, built in and the brand's own", "[tone]") {
  const ToneCheck check({"At Acme, the customer is king", "valued customer"});
  CHECK(has(check.check("We apologize for any inconvenience.", "en"), "boilerplate"));
  CHECK(has(check.check("Приносим извинения за доставленные неудобства.", "ru"), "boilerplate"));
  CHECK(has(check.check("Pahoittelemme aiheutunutta haittaa.", "fi"), "boilerplate"));
  const auto problems = check.check("Dear VALUED customer, thanks!", "el");  // brand list: every language
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].kind == "boilerplate");
  CHECK(problems[0].phrase == "valued customer");
}

TEST_CASE("tone check matches whole words only and reports the phrase as listed", "[tone]") {
  const ToneCheck check;
  CHECK(check.check("We're not calm downstairs", "en").empty());
  CHECK(check.check("Your faultless order is here", "en").empty());
  const auto problems = check.check("You are wrong.", "en");
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].kind == "argument");
  CHECK(problems[0].phrase == "you are wrong");
  // Unknown languages use the English lists.
  CHECK(has(check.check("calm down", "de"), "aggression"));
  CHECK(check.check("", "en").empty());
}

TEST_CASE("every default template passes the tone check", "[tone][catalog]") {
  const ToneCheck check;
  const auto catalog = MessageCatalog::defaults();
  const std::map<std::string, std::string> facts{{"name", "Alex"},
                                                 {"brand", "Acme"},
                                                 {"eta", "tomorrow by 10:00"},
                                                 {"kb_link", "https://acme.example/kb"},
                                                 {"policy_link", "https://acme.example/rules"},
                                                 {"offer", "a 10% voucher"},
                                                 {"department", "billing"}};
  std::vector<std::string> names = message_names();
  for (const auto& plain : message_names()) {  // and the P16 wordings ("acknowledge.aggressive")
    for (const auto persona : kPersonas) names.push_back(persona_message_name(plain, persona));
  }
  int checked = 0;
  int persona_texts = 0;
  for (const auto& name : names) {
    const bool persona_wording = name.find('.') != std::string::npos;
    for (const auto lang : {"en", "el", "ru", "pl", "fi", "ar"}) {
      const auto* variants = catalog.variants(name, lang);
      if (variants == nullptr && persona_wording) continue;  // optional
      REQUIRE(variants != nullptr);
      for (const auto& text : *variants) {
        if (persona_wording) ++persona_texts;
        for (const auto& rendered : {render(text, facts), render(text, {})}) {
          std::string found;
          for (const auto& problem : check.check(rendered, lang)) found += problem.kind + ": " + problem.phrase + "; ";
          INFO(name << "/" << lang << ": " << rendered);
          CHECK(found.empty());
          ++checked;
        }
      }
    }
  }
  CHECK(checked >= 2 * 11 * 6 * 3);
  CHECK(persona_texts >= 2 * 4 * 6 * 3);  // acknowledge and move_private for four portraits
}

}  // namespace tone_check_test
