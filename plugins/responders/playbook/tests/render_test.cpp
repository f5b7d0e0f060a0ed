#include <catch2/catch.hpp>

#include "message_catalog.hpp"

using parley::playbook::render;

TEST_CASE("render fills placeholders from facts", "[render]") {
  CHECK(render("Hi {name}, back {eta}.", {{"name", "Anna"}, {"eta", "today by 14:00"}}) ==
        "Hi Anna, back today by 14:00.");
  CHECK(render("Γεια σας {name}!", {{"name", "Μαρία"}}) == "Γεια σας Μαρία!");
}

TEST_CASE("render removes a missing fact with the space before it", "[render]") {
  CHECK(render("Hi {name}, thanks.", {}) == "Hi, thanks.");
  CHECK(render("Thank you {name} for your patience!", {{"name", ""}}) == "Thank you for your patience!");
  CHECK(render("We'll answer {eta}.", {}) == "We'll answer.");
  CHECK(render("{name}", {}) == "");
}

TEST_CASE("render drops a comma or colon left hanging", "[render]") {
  CHECK(render("Здравствуйте, {name}!", {}) == "Здравствуйте!");
  CHECK(render("Спасибо, {name}, это очень приятно!", {}) == "Спасибо, это очень приятно!");
  CHECK(render("Thanks for your patience, {name}!", {}) == "Thanks for your patience!");
  CHECK(render("our specialists: {department}. Bye", {}) == "our specialists. Bye");
  CHECK(render("guide: {kb_link}", {}) == "guide");
  CHECK(render("يتولى طلبك متخصصونا: {department}، وهم", {}) == "يتولى طلبك متخصصونا، وهم");
  // A comma before a word stays: only punctuation makes it dangle.
  CHECK(render("Hi, {name} and friends", {}) == "Hi, and friends");
}

TEST_CASE("render keeps other text verbatim", "[render]") {
  CHECK(render("a {b c} {} {Name} {", {}) == "a {b c} {} {Name} {");
  CHECK(render("x {name} y", {{"name", "{eta}"}, {"eta", "no"}}) == "x {eta} y");  // facts are not re-scanned
  CHECK(render("no placeholders", {{"name", "A"}}) == "no placeholders");
  CHECK(render("", {}) == "");
}
