#include <catch2/catch.hpp>

#include "persona_classifier.hpp"

using namespace parley::persona;

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace persona_scores_test {
double score(const Evidence& evidence, Persona persona, int chronic_after = 3) {
  return persona_scores(evidence, chronic_after)[static_cast<std::size_t>(persona)];
}
Evidence with_cues(Persona persona, int count) {
  Evidence evidence;
  evidence.cues[static_cast<std::size_t>(persona)] = count;
  return evidence;
}
TEST_CASE("no evidence, no persona") {
  for (const double value : persona_scores(Evidence{}, 3)) CHECK(value == 0.0);
}

TEST_CASE("more cues make a persona more certain, never above 1") {
  CHECK(score(with_cues(Persona::meek, 1), Persona::meek) < score(with_cues(Persona::meek, 2), Persona::meek));
  CHECK(score(with_cues(Persona::rip_off, 1), Persona::rip_off) < 0.5);  // one cue ("free") is not enough
  CHECK(score(with_cues(Persona::rip_off, 2), Persona::rip_off) > 0.5);
  CHECK(score(with_cues(Persona::rip_off, 50), Persona::rip_off) <= 1.0);
}

TEST_CASE("aggression comes from toxicity and anger, and drowns meekness") {
  auto evidence = with_cues(Persona::meek, 2);
  const double calm = score(evidence, Persona::meek);
  evidence.insult = 0.9;
  CHECK(score(evidence, Persona::aggressive) >= 0.9);
  CHECK(score(evidence, Persona::meek) < calm / 5);
}

TEST_CASE("shouting and repeated marks push a heated text over the line") {
  Evidence evidence;
  evidence.anger = 0.4;
  const double plain = score(evidence, Persona::aggressive);
  evidence.shouting = true;
  evidence.repeated_marks = true;
  CHECK(plain < 0.5);
  CHECK(score(evidence, Persona::aggressive) > 0.5);
}

TEST_CASE("the customer tier makes a high-roller") {
  Evidence evidence;
  evidence.high_roller_tier = true;
  CHECK(score(evidence, Persona::high_roller) >= 0.9);
}

TEST_CASE("compensation wishes make a rip-off, more so with a cue") {
  Evidence evidence;
  evidence.compensation = 0.8;
  const double from_label = score(evidence, Persona::rip_off);
  CHECK(from_label > 0.6);
  evidence.cues[static_cast<std::size_t>(Persona::rip_off)] = 1;
  CHECK(score(evidence, Persona::rip_off) > from_label);
}

TEST_CASE("chronic: the complaint count in 30 days decides, this complaint included") {
  Evidence evidence;
  evidence.complaint = 0.9;
  evidence.earlier_complaints_30d = 1;
  CHECK(score(evidence, Persona::chronic) < 0.5);  // 2 of 3
  evidence.earlier_complaints_30d = 2;
  CHECK(score(evidence, Persona::chronic) >= 0.6);  // 3 of 3
  evidence.complaint = 0.1;                         // this one is no complaint
  CHECK(score(evidence, Persona::chronic) < 0.5);
  evidence.earlier_complaints_30d = 10;
  CHECK(score(evidence, Persona::chronic) == Approx(1.0));
  CHECK(score(evidence, Persona::chronic, 20) < 0.5);  // a brand with a higher bar
}

}  // namespace persona_scores_test
