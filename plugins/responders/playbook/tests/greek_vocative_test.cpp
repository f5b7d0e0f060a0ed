#include <catch2/catch.hpp>

#include "greek_vocative.hpp"

using parley::playbook::greek_vocative;

TEST_CASE("Greek first names in -ας and -ης lose the final ς in the vocative") {
  CHECK(greek_vocative("Κώστας") == "Κώστα");
  CHECK(greek_vocative("Λουκάς") == "Λουκά");
  CHECK(greek_vocative("Δημήτρης") == "Δημήτρη");
  CHECK(greek_vocative("Γιάννης") == "Γιάννη");
}

TEST_CASE("Greek first names in -ος end in -ο or in -ε when stressed three syllables from the end") {
  CHECK(greek_vocative("Γιώργος") == "Γιώργο");
  CHECK(greek_vocative("Νίκος") == "Νίκο");
  CHECK(greek_vocative("Παύλος") == "Παύλο");    // αυ is one syllable
  CHECK(greek_vocative("Στέλιος") == "Στέλιο");  // ιο is one syllable in names
  CHECK(greek_vocative("Αλέξανδρος") == "Αλέξανδρε");
  CHECK(greek_vocative("Άγγελος") == "Άγγελε");
  CHECK(greek_vocative("Θεόδωρος") == "Θεόδωρε");  // ε-ό are two syllables
}

TEST_CASE("Feminine names and names in capitals or other scripts stay as they are") {
  for (const char* name : {"Μαρία", "Ελένη", "Κατερίνα", "ΓΙΩΡΓΟΣ", "Maria", "Георгий", "", "ς"}) {
    INFO(name);
    CHECK(greek_vocative(name) == name);
  }
}
