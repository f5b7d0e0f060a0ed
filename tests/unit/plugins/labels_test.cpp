// The SDK's Labels: scores clamped to [0,1], set replaces, raise keeps the
// stronger signal, both in first-set order.
#include <catch2/catch.hpp>
#include <limits>

#include <parley/labels.hpp>

using parley::Labels;

TEST_CASE("Labels: raise keeps the stronger score, set replaces it, both clamp to [0,1]") {
  Labels labels;
  labels.raise("toxicity.insult", 0.4);
  labels.raise("toxicity.insult", 0.2);
  CHECK(labels.score("toxicity.insult") == 0.4);
  labels.raise("toxicity.insult", 0.7);
  CHECK(labels.score("toxicity.insult") == 0.7);
  labels.raise("toxicity.insult", 3.0);
  CHECK(labels.score("toxicity.insult") == 1.0);
  labels.set("toxicity.insult", 0.1);
  CHECK(labels.score("toxicity.insult") == 0.1);

  labels.raise("toxicity.threat", -2.0);
  CHECK(labels.has("toxicity.threat"));
  CHECK(labels.score("toxicity.threat", 0.5) == 0.0);
  labels.raise("toxicity.threat", std::numeric_limits<double>::quiet_NaN());
  CHECK(labels.score("toxicity.threat") == 0.0);  // NaN is never stronger

  REQUIRE(labels.scores().size() == 2);
  CHECK(labels.scores()[0].first == "toxicity.insult");
  CHECK(labels.scores()[1].first == "toxicity.threat");
}

TEST_CASE("Labels: a score never set reads as the fallback") {
  Labels labels;
  labels.set("lang.el", 0.9);
  CHECK_FALSE(labels.has("lang.fi"));
  CHECK(labels.score("lang.fi", 0.25) == 0.25);
  CHECK(labels.attribute("lang").empty());
  labels.set_attribute("lang", "el");
  labels.set_attribute("lang", "fi");
  CHECK(labels.attribute("lang") == "fi");
  CHECK(labels.attributes().size() == 1);
}
