// From matched list entries to label scores. Pure functions of the matches,
// so the rules can be read (and tested) in one place:
//  - a category's score is its strongest match, raised a little by further
//    distinct matches (each counts half as much as the one before);
//  - an insult or harassment term next to a second-person cue ("you idiot",
//    "ρε μαλάκα", "ты дебил", "يا حمار") counts more: it is aimed at someone;
//  - profanity alone ("this is f***ing great") is offensive but not an insult;
//  - offensive is the noisy-or of the categories, profanity weighted lower;
//  - target hints are the offensive score times how clearly the text aims at
//    staff, other commenters or the brand.
#pragma once

#include <array>
#include <cstdint>
#include <span>

#include "category.hpp"

namespace parley::toxicity {

struct Match {
  Category category = Category::profanity;
  float weight = 1.0f;
  std::uint32_t first = 0;  ///< first token
  std::uint32_t end = 0;    ///< one past the last token
};

struct AddressContext {
  std::uint32_t mentions = 0;        ///< "@handle"s in the text, the brand's own aside
  bool is_reply = false;             ///< the event answers another event (kind reply or a parent id)
  std::uint32_t brand_mentions = 0;  ///< "@handle"s of the brand's own accounts
  bool replies_to_brand = false;     ///< the event answers the brand's own post or comment
};

struct ToxicityScores {
  std::array<double, kAbuseCategoryCount> categories{};  ///< by Category (profanity .. harassment)
  double offensive = 0.0;
  double target_staff = 0.0;
  double target_community = 0.0;
  double target_brand = 0.0;

  double operator[](Category category) const { return categories[static_cast<std::size_t>(category)]; }
};

/// Scores the matches of one text (any order; duplicates of one entry at one
/// place, e.g. from the surface and the stem stream, count once).
ToxicityScores score_matches(std::span<const Match> matches, const AddressContext& address);

}  // namespace parley::toxicity
