#include <catch2/catch.hpp>

#include "condition.hpp"

using parley::CaseView;
using parley::Event;
using parley::EventKind;
using parley::Labels;
using parley::Visibility;
using parley::rules::Condition;
using parley::rules::ConditionError;

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace condition_test {

/// One event with labels and case state, for evaluation tables.
struct Subject {
  Event event;
  Labels labels;
  CaseView case_view;

  Subject() {
    event.id = "c-1";
    event.platform = "facebook";
    event.account = "acme";
    event.kind = EventKind::comment;
    event.thread_id = "post-9";
    event.author.id = "u-7";
    event.author.handle = "@dimitris";
    event.author.display_name = "Δημήτρης";
    event.text = "Ο ΚΑΦΈΣ ήταν κρύος! Where is my REFUND?";
    event.lang = "el";
    event.url = "https://fb.test/c-1";
    event.metadata = {{"tier", "gold"}, {"orders", "12"}};
    labels.set("toxicity.insult", 0.85);
    labels.set("intent.complaint", 0.6);
    labels.set("lang.el", 1.0);
    labels.set_attribute("lang", "el");
    labels.set_attribute("theme", "cold_coffee");
    case_view.status = "acknowledged";
    case_view.case_events = 3;
    case_view.author_events = 5;
    case_view.author_warnings = 2;
    case_view.last_actions = {"reply_public", "warn"};
  }

  bool eval(const std::string& source) const { return Condition::parse(source).matches(event, labels, case_view); }
};

struct Row {
  const char* expression;
  bool expected;
};

void check_table(const Subject& subject, std::initializer_list<Row> rows) {
  for (const auto& row : rows) {
    INFO(row.expression);
    CHECK(subject.eval(row.expression) == row.expected);
  }
}

TEST_CASE("comparisons of label scores and numbers", "[condition]") {
  const Subject s;
  check_table(s, {
                     {"toxicity.insult >= 0.8", true},
                     {"toxicity.insult >= 0.85", true},
                     {"toxicity.insult > 0.85", false},
                     {"toxicity.insult < 0.9", true},
                     {"toxicity.insult <= 0.5", false},
                     {"toxicity.insult == 0.85", true},
                     {"toxicity.insult != 0.85", false},
                     {"0.8 <= toxicity.insult", true},
                     {"intent.complaint>.5", true},
                     {"lang.el == 1", true},
                     {"toxicity.insult > -1", true},
                     {"toxicity.insult > -.5 and toxicity.insult < 1.0", true},
                 });
}

TEST_CASE("labels nobody set are 0, and a bare name is true when above 0", "[condition]") {
  const Subject s;
  check_table(s, {
                     {"toxicity.threat == 0", true},
                     {"toxicity.threat", false},
                     {"not toxicity.threat", true},
                     {"never_set_anywhere >= 0", true},
                     {"toxicity.insult", true},
                     {"spam", false},
                 });
}

TEST_CASE("case fields", "[condition]") {
  Subject s;
  check_table(s, {
                     {"case.warnings >= 2", true},
                     {"case.warnings == 3", false},
                     {"case.events == 3", true},
                     {"case.author_events > 4", true},
                     {"case.status == 'acknowledged'", true},
                     {"case.status == \"new\"", false},
                     {"case.last_action == 'warn'", true},
                     {"case.banned", false},
                     {"not case.banned", true},
                     {"case.banned == false", true},
                 });
  s.case_view.author_banned = true;
  s.case_view.last_actions.clear();
  check_table(s, {
                     {"case.banned", true},
                     {"case.banned == true", true},
                     {"case.banned == 1", true},
                     {"case.last_action == ''", true},
                     {"case.last_action", false},
                 });
}

TEST_CASE("event fields and metadata", "[condition]") {
  Subject s;
  check_table(s, {
                     {"event.kind == 'comment'", true},
                     {"event.kind != 'review'", true},
                     {"event.lang == 'el'", true},
                     {"event.platform == 'facebook'", true},
                     {"event.account == 'acme'", true},
                     {"event.visibility == 'public'", true},
                     {"event.author == 'u-7'", true},
                     {"event.author.id == 'u-7'", true},
                     {"event.author.handle == '@dimitris'", true},
                     {"event.author.display_name == 'Δημήτρης'", true},
                     {"event.author.is_brand", false},
                     {"event.id == 'c-1'", true},
                     {"event.thread_id == 'post-9'", true},
                     {"event.parent_id", false},
                     {"event.url", true},
                     {"event.text", true},
                     {"event.metadata.tier == 'gold'", true},
                     {"event.metadata.orders == '12'", true},
                     {"event.metadata.missing == ''", true},
                     {"event.metadata.missing", false},
                     {"attr.lang == 'el'", true},
                     {"attr.theme == 'cold_coffee'", true},
                     {"attr.missing", false},
                     {"attr.lang", true},
                 });
  s.event.kind = EventKind::direct_message;
  s.event.visibility = Visibility::private_message;
  s.event.author.is_brand = true;
  check_table(s, {
                     {"event.kind == 'direct_message'", true},
                     {"event.visibility == 'private'", true},
                     {"event.author.is_brand", true},
                 });
}

TEST_CASE("text equality is exact; contains ignores case", "[condition]") {
  const Subject s;
  check_table(s, {
                     {"attr.lang == 'EL'", false},
                     {"event.text contains 'refund'", true},
                     {"event.text contains 'REFUND'", true},
                     {"event.text CONTAINS 'Where Is'", true},
                     {"event.text contains 'money back'", false},
                     {"event.text contains ''", true},
                     {"attr.theme contains 'COFFEE'", true},
                 });
}

TEST_CASE("contains works on Greek, Russian, Arabic and Finnish text", "[condition]") {
  Subject s;
  s.event.text = "Ο ΚΑΦΈΣ ήταν κρύος";
  check_table(s, {
                     {"event.text contains 'καφές'", true},  // final sigma vs capital sigma
                     {"event.text contains 'ΚΡΎΟΣ'", true},
                     {"event.text contains 'τσάι'", false},
                 });
  s.event.text = "ГДЕ МОЙ ЗАКАЗ? Жду уже две недели!";
  check_table(s, {
                     {"event.text contains 'заказ'", true},
                     {"event.text contains 'жду'", true},
                     {"event.text contains 'возврат'", false},
                 });
  s.event.text = "أريد استرداد أموالي من فضلكم";
  check_table(s, {
                     {"event.text contains 'استرداد'", true},
                     {"event.text contains 'شكرا'", false},
                 });
  s.event.text = "TILAUS ON MYÖHÄSSÄ";
  check_table(s, {
                     {"event.text contains \"myöhässä\"", true},
                     {"event.text contains 'myohassa'", false},  // no accent folding
                 });
}

TEST_CASE("contains takes a list (any of) and another field", "[condition]") {
  Subject s;
  check_table(s, {
                     {"event.text contains ['money back', 'refund']", true},
                     {"event.text contains ['money back', 'chargeback']", false},
                     {"event.text contains []", false},
                     {"event.text not contains ['refund']", false},
                     {"event.text not contains 'lawyer'", true},
                 });
  s.labels.set_attribute("theme", "κρύος");
  CHECK(s.eval("event.text contains attr.theme"));
  s.labels.set_attribute("theme", "ΖΕΣΤΌΣ");
  CHECK_FALSE(s.eval("event.text contains attr.theme"));
  s.labels.set_attribute("theme", "");
  CHECK(s.eval("event.text contains attr.theme"));
}

TEST_CASE("in and not in, with text and numbers", "[condition]") {
  const Subject s;
  check_table(s, {
                     {"event.kind in [comment, reply]", true},
                     {"event.kind in ['review', \"mention\"]", false},
                     {"event.kind not in [review, mention]", true},
                     {"event.kind in []", false},
                     {"event.kind in [comment,]", true},
                     {"attr.lang in [fi, sv, el]", true},
                     {"attr.lang in [FI, SV, EL]", false},
                     {"event.metadata.orders in [10, 11, 12]", true},
                     {"case.warnings in [1, 2]", true},
                     {"case.warnings not in [1, 2]", false},
                     {"case.events in [0.5, 3]", true},
                     {"lang.el in [1]", true},
                 });
}

TEST_CASE("precedence: not binds tighter than and, and tighter than or", "[condition]") {
  Subject s;
  // a = true, b = false, c = false for the combinations below.
  s.labels.set("a", 1);
  check_table(s, {
                     {"a or b and c", true},  // a or (b and c)
                     {"(a or b) and c", false},
                     {"b and c or a", true},  // (b and c) or a
                     {"b and (c or a)", false},
                     {"not a or a", true},  // (not a) or a
                     {"not (a or a)", false},
                     {"not b and a", true},  // (not b) and a
                     {"not a and a", false},
                     {"not not a", true},
                     {"not a >= 0.5", false},  // not (a >= 0.5)
                     {"not b >= 0.5", true},
                     {"a >= 0.5 and b < 0.5 or c", true},
                     {"a AND NOT b", true},
                     {"((((a))))", true},
                     {"(a >= 1) == 1", true},  // a yes/no value compares as 1 or 0
                     {"(b >= 1) == 0", true},
                 });
}

TEST_CASE("and/or stop early and still give the right answer", "[condition]") {
  Subject s;
  CHECK_FALSE(s.eval("spam and event.text contains 'x'"));
  CHECK(s.eval("toxicity.insult or event.text contains 'x'"));
}

TEST_CASE("a parsed condition can be evaluated many times", "[condition]") {
  Subject s;
  const auto condition = Condition::parse("event.text contains 'refund' and toxicity.insult >= 0.8");
  CHECK(condition.source() == "event.text contains 'refund' and toxicity.insult >= 0.8");
  CHECK(condition.matches(s.event, s.labels, s.case_view));
  s.labels.set("toxicity.insult", 0.1);
  CHECK_FALSE(condition.matches(s.event, s.labels, s.case_view));
  s.labels.set("toxicity.insult", 0.9);
  s.event.text = "thanks";
  CHECK_FALSE(condition.matches(s.event, s.labels, s.case_view));
}

TEST_CASE("a default-constructed condition never matches", "[condition]") {
  const Subject s;
  CHECK_FALSE(Condition().matches(s.event, s.labels, s.case_view));
}

TEST_CASE("string literals: both quotes, escapes, UTF-8", "[condition]") {
  Subject s;
  s.event.text = "it's \"fine\"\\ ok";
  check_table(s, {
                     {R"(event.text contains 'it\'s')", true},
                     {R"(event.text contains "\"fine\"")", true},
                     {R"(event.text contains "it's")", true},
                     {R"(event.text contains '\\ ok')", true},
                 });
}

TEST_CASE("syntax and type errors name the problem and the column", "[condition]") {
  struct ErrorRow {
    const char* expression;
    const char* problem;
    std::size_t column;
    const char* hint;
  };
  const ErrorRow rows[] = {
      {"toxicity.insult >= 0.8 xor case.warnings >= 2", "unexpected token 'xor'", 24,
       "expected 'and', 'or' or the end"},
      {"", "empty condition", 1, "write an expression such as toxicity.insult >= 0.8"},
      {"   ", "empty condition", 1, "write an expression such as toxicity.insult >= 0.8"},
      {"toxicity.insult >=", "unexpected end of condition", 19,
       "expected a value: a number, 'text', a label name or a field"},
      {"a and", "unexpected end of condition", 6, "expected a value: a number, 'text', a label name or a field"},
      {"a = 1", "unexpected character '='", 3, "use '==' to compare"},
      {"a && b", "unexpected character '&'", 3, "use 'and'"},
      {"a || b", "unexpected character '|'", 3, "use 'or'"},
      {"!a", "unexpected character '!'", 1, "use 'not' to negate, '!=' to compare"},
      {"(a or b", "unexpected end of condition", 8, "expected ')' to close the '(' at column 1"},
      {"a or b)", "unexpected token ')'", 7, "expected 'and', 'or' or the end"},
      {"0 < a < 1", "unexpected token '<'", 7, "comparisons cannot be chained; join them with 'and'"},
      {"event.text contains 'refund", "unterminated text (missing closing ')", 21, ""},
      {"a >= 0.8.1", "invalid number '0.8.1'", 6, ""},
      {"a >= 1x", "invalid number '1x'", 6, ""},
      {"a >= 1e999", "invalid number '1e999'", 6, ""},
      {"a >= "
       "100000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
       "000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
       "000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
       "00000000000000000000000000000000000000000000000000000000000000000000",
       "invalid number "
       "'10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
       "000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
       "000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
       "000000000000000000000000000000000000000000000000000000000000000000000'",
       6, ""},
      {"lang. == 1", "invalid name 'lang.'", 1, ""},
      {"case.warning >= 2", "unknown field 'case.warning'", 1,
       "known: case.warnings, case.events, case.author_events, case.status, case.last_action, case.banned"},
      {"event.txt contains 'x'", "unknown field 'event.txt'", 1,
       "known: event.id, event.kind, event.text, event.lang, event.platform, event.account, event.visibility, "
       "event.author, event.author.id, event.author.handle, event.author.display_name, event.author.is_brand, "
       "event.thread_id, event.parent_id, event.url, event.metadata.KEY"},
      {"attr == 'x'", "incomplete name 'attr'", 1, "write attr.NAME, e.g. attr.lang"},
      {"event.metadata == 'x'", "incomplete name 'event.metadata'", 1, "write event.metadata.KEY"},
      {"attr.lang == fi", "cannot compare text 'attr.lang' with label score 'fi'", 11,
       "to mean the text fi, quote it: 'fi'"},
      {"attr.lang >= 'fi'", "'>=' compares numbers, but 'attr.lang' is text", 11, "use == or != for text"},
      {"toxicity.insult == 'high'", "cannot compare label score 'toxicity.insult' with text 'high'", 17, ""},
      {"toxicity.insult contains 'x'", "'contains' needs text on its left, not label score 'toxicity.insult'", 17, ""},
      {"event.text contains refund", "'contains' needs text on its right, not label score 'refund'", 21,
       "to mean the text refund, quote it: 'refund'"},
      {"event.text contains ['a', (b)]", "unexpected token '('", 27, "a list holds values separated by commas: [a, b]"},
      {"case.warnings in [one, two]", "'one' is not a number, but the left side of 'in' is a number", 19, ""},
      {"event.kind in comment", "unexpected token 'comment'", 15, "'in' is followed by a list: [a, b]"},
      {"event.kind in [comment reply]", "unexpected token 'reply'", 24, "expected ',' or ']'"},
      {"event.kind in [comment", "unexpected end of condition", 23, "expected ',' or ']'"},
      {"a not b", "unexpected token 'not'", 3, "expected 'and', 'or' or the end"},
      {"καφές", "unexpected character 'κ'", 1, ""},
      {"event.text contains 'καφές' xor a", "unexpected token 'xor'", 29, "expected 'and', 'or' or the end"},
  };
  for (const auto& row : rows) {
    INFO(row.expression);
    try {
      (void)Condition::parse(row.expression);
      FAIL("no error");
    } catch (const ConditionError& error) {
      CHECK(error.problem() == row.problem);
      CHECK(error.column() == row.column);
      CHECK(error.hint() == row.hint);
    }
  }
}

TEST_CASE("a condition error's message reads as one line", "[condition]") {
  CHECK_THROWS_WITH(Condition::parse("a = 1"), "unexpected character '=' at column 3 (use '==' to compare)");
  CHECK_THROWS_WITH(Condition::parse("a >= 1x"), "invalid number '1x' at column 6");
}

// Built with append: GCC 12 warns falsely on `std::string(n, c) + "a"` at -O2.
std::string nested(std::size_t depth) {
  std::string text(depth, '(');
  text += 'a';
  text.append(depth, ')');
  return text;
}
TEST_CASE("deep nesting is refused instead of overflowing the stack", "[condition]") {
  const std::string deep = nested(200);
  CHECK_THROWS_WITH(Condition::parse(deep), Catch::StartsWith("condition nested too deeply at column 65"));
  const std::string nots = [] {
    std::string text;
    for (int i = 0; i < 200; ++i) text += "not ";
    return text + "a";
  }();
  CHECK_THROWS_AS(Condition::parse(nots), ConditionError);
  const std::string ok = nested(30);
  CHECK_NOTHROW(Condition::parse(ok));
}

}  // namespace condition_test
