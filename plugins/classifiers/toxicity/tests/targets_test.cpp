// Target hints: staff, other commenters, the brand.
#include <catch2/catch.hpp>

#include "test_support.hpp"

using namespace parley::toxicity;
using namespace parley::toxicity::test;

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace targets_test {
ToxicityClassifier with_names() {
  FakeContext context;
  return ToxicityClassifier(yaml_config("staff_names: [Maria]\nbrand_names: [Nordic Coffee]"), context);
}
TEST_CASE("Abuse at a named staff member or staff word targets staff", "[targets]") {
  auto classifier = with_names();
  auto labels = classify(classifier, event_with("Maria at the counter is a useless idiot"));
  CHECK(labels.score("abuse.target.staff") >= 0.6);
  CHECK(labels.score("abuse.target.staff") > labels.score("abuse.target.community"));
  labels = classify(classifier, event_with("your cashier is a moron"));
  CHECK(labels.score("abuse.target.staff") >= 0.6);
  labels = classify(classifier, event_with("Ο υπάλληλός σας είναι ηλίθιος"));
  CHECK(labels.score("abuse.target.staff") >= 0.6);
}

TEST_CASE("Abuse at the brand targets the brand", "[targets]") {
  auto classifier = with_names();
  auto labels = classify(classifier, event_with("Nordic Coffee is a bunch of idiots"));
  CHECK(labels.score("abuse.target.brand") >= 0.6);
  labels = classify(classifier, event_with("your app is fucking garbage"));
  CHECK(labels.score("abuse.target.brand") >= 0.6);
  CHECK(labels.score("abuse.target.staff") == 0.0);
}

TEST_CASE("Abuse in a reply or at an @mention targets the community", "[targets]") {
  auto classifier = with_names();
  auto reply = event_with("you are an idiot");
  reply.kind = parley::EventKind::reply;
  reply.parent_id = "ev-1";
  auto labels = classify(classifier, reply);
  CHECK(labels.score("abuse.target.community") >= 0.6);
  labels = classify(classifier, event_with("@jussi_k shut up, moron"));
  CHECK(labels.score("abuse.target.community") >= 0.6);
  // Mentions shown as names, in any script.
  labels = classify(classifier, event_with("@Игорь_К ты вообще кто такой, идиот", "ru"));
  CHECK(labels.score("abuse.target.community") >= 0.6);
  labels = classify(classifier, event_with("@Νίκος_Π εσύ ρε ηλίθιε, κανείς δεν σε ρώτησε", "el"));
  CHECK(labels.score("abuse.target.community") >= 0.6);
  // The same words as a top-level comment speak to the brand.
  labels = classify(classifier, event_with("you are an idiot"));
  CHECK(labels.score("abuse.target.community") == 0.0);
  CHECK(labels.score("abuse.target.brand") > 0.0);
}

TEST_CASE("Abuse in a reply to the brand's own post targets the brand (metadata parent.author)", "[targets]") {
  auto classifier = with_names();
  auto reply = event_with("you are clowns, it had milk in it");
  reply.kind = parley::EventKind::reply;
  reply.parent_id = "fb:1000_77";
  reply.metadata["parent.author"] = "brand";
  auto labels = classify(classifier, reply);
  CHECK(labels.score("abuse.target.brand") >= 0.6);
  CHECK(labels.score("abuse.target.community") == 0.0);
  // Answering another commenter, or not known: the community, as before.
  reply.metadata["parent.author"] = "other";
  CHECK(classify(classifier, reply).score("abuse.target.community") >= 0.6);
  reply.metadata.erase("parent.author");
  CHECK(classify(classifier, reply).score("abuse.target.community") >= 0.6);
  // A reply to the brand that tags another commenter aims at both.
  auto tagged = event_with("@jussi_k you are an idiot");
  tagged.kind = parley::EventKind::reply;
  tagged.parent_id = "fb:1000_77";
  tagged.metadata["parent.author"] = "brand";
  labels = classify(classifier, tagged);
  CHECK(labels.score("abuse.target.community") > 0.0);
  CHECK(labels.score("abuse.target.brand") > 0.0);
}

TEST_CASE("Abuse at the brand's own @handle targets the brand, not the community", "[targets]") {
  auto classifier = with_names();
  auto labels = classify(classifier, event_with("@nordiccoffee you are all idiots"));
  CHECK(labels.score("abuse.target.brand") >= 0.6);
  CHECK(labels.score("abuse.target.community") == 0.0);
  // Another commenter tagged too: both.
  labels = classify(classifier, event_with("@NordicCoffee @jussi_k you are all idiots"));
  CHECK(labels.score("abuse.target.brand") >= 0.6);
  CHECK(labels.score("abuse.target.community") > 0.0);
  // Without brand names the handle is just somebody.
  FakeContext context;
  ToxicityClassifier plain(yaml_config("{}"), context);
  labels = classify(plain, event_with("@nordiccoffee you are all idiots"));
  CHECK(labels.score("abuse.target.community") >= 0.6);
}

TEST_CASE("No abuse, no target", "[targets]") {
  auto classifier = with_names();
  const auto labels = classify(classifier, event_with("Maria at Nordic Coffee was so helpful, thank you!"));
  CHECK(labels.score("abuse.target.staff") == 0.0);
  CHECK(labels.score("abuse.target.brand") == 0.0);
  CHECK(labels.score("abuse.target.community") == 0.0);
}

}  // namespace targets_test
