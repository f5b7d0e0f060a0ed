#include "toxicity_scorer.hpp"

#include <algorithm>
#include <vector>

namespace parley::toxicity {
namespace {

// How far (in tokens) a cue may sit from an abusive term and still count as
// aimed at it: "you are such a stupid idiot" has three words in between.
constexpr std::uint32_t kSecondPersonBefore = 4;
constexpr std::uint32_t kSecondPersonAfter = 2;
constexpr std::uint32_t kTargetWindow = 8;
constexpr std::uint32_t kGroupBefore = 3;
constexpr std::uint32_t kGroupAfter = 3;
// Share of an insult's weight that counts as hate when it is about a group.
constexpr double kGroupHateShare = 0.8;
// Share of the remaining doubt an aimed insult removes: 0.6 -> 0.8.
constexpr double kAimedBoost = 0.5;
// A mild insult inside a verdict ("what a bunch of clowns", "banda
// oszustów", "mitkä pellet") is meant: offensive, but below the playbook's
// 0.6 for abuse, since accusing a business is criticism it answers (P9).
constexpr std::uint32_t kVerdictBefore = 3;
constexpr double kVerdictWeight = 0.55;
// Profanity counts a bit less than the other categories towards offensive:
// swearing is often not aimed at anyone.
constexpr double kProfanityShare = 0.9;

bool near(const Match& cue, const Match& term, std::uint32_t before, std::uint32_t after) {
  return cue.end + before > term.first && cue.first < term.end + after;
}

bool any_near(std::span<const Match> cues, const Match& term, std::uint32_t before, std::uint32_t after) {
  return std::any_of(cues.begin(), cues.end(), [&](const Match& cue) { return near(cue, term, before, after); });
}

// A cue that ends at most `before` tokens ahead of the term, not on it.
bool any_before(std::span<const Match> cues, const Match& term, std::uint32_t before) {
  return std::any_of(cues.begin(), cues.end(),
                     [&](const Match& cue) { return cue.end <= term.first && cue.end + before > term.first; });
}

bool overlaps(const Match& a, const Match& b) { return a.first < b.end && b.first < a.end; }

// Strongest first; each further distinct match adds half as much as the last.
double combine(std::vector<double>& weights) {
  std::sort(weights.begin(), weights.end(), std::greater<>());
  double doubt = 1.0;
  double share = 1.0;
  for (double weight : weights) {
    doubt *= 1.0 - weight * share;
    share *= 0.5;
  }
  return 1.0 - doubt;
}

}  // namespace

ToxicityScores score_matches(std::span<const Match> matches, const AddressContext& address) {
  std::vector<Match> cues[kCategoryCount];
  std::vector<Match> abuse;
  for (const auto& match : matches) {
    (is_abuse(match.category) ? abuse : cues[static_cast<std::size_t>(match.category)]).push_back(match);
  }
  const auto& second_person = cues[static_cast<std::size_t>(Category::second_person)];
  const auto& groups = cues[static_cast<std::size_t>(Category::group)];
  const auto& staff = cues[static_cast<std::size_t>(Category::staff)];
  const auto& brand = cues[static_cast<std::size_t>(Category::brand)];
  const auto& allowed = cues[static_cast<std::size_t>(Category::allow)];
  const auto& verdicts = cues[static_cast<std::size_t>(Category::verdict)];

  // Allowed words veto whatever matched on them; then one match per category
  // and place (the same entry can arrive through several streams).
  std::erase_if(abuse, [&](const Match& match) {
    return std::any_of(allowed.begin(), allowed.end(), [&](const Match& allow) { return overlaps(allow, match); });
  });
  std::sort(abuse.begin(), abuse.end(), [](const Match& a, const Match& b) {
    if (a.category != b.category) return a.category < b.category;
    if (a.first != b.first) return a.first < b.first;
    return a.weight > b.weight;
  });
  abuse.erase(
      std::unique(abuse.begin(), abuse.end(),
                  [](const Match& a, const Match& b) { return a.category == b.category && a.first == b.first; }),
      abuse.end());

  ToxicityScores scores;
  std::vector<double> weights[kAbuseCategoryCount];
  for (const auto& match : abuse) {
    double weight = match.weight;
    if (match.category == Category::insult && any_before(verdicts, match, kVerdictBefore)) {
      weight = std::max(weight, kVerdictWeight);
    }
    const bool aimable = match.category == Category::insult || match.category == Category::harassment;
    if (aimable && any_near(second_person, match, kSecondPersonBefore, kSecondPersonAfter)) {
      weight += (1.0 - weight) * kAimedBoost;
    }
    // Demeaning words next to a group noun ("stupid women", "filthy
    // immigrants") are hate as well; a hate term about a named group is surer.
    if (any_near(groups, match, kGroupBefore, kGroupAfter)) {
      if (match.category == Category::hate) {
        weight += (1.0 - weight) * kAimedBoost;
      } else if (match.category == Category::insult || match.category == Category::profanity) {
        weights[static_cast<std::size_t>(Category::hate)].push_back(weight * kGroupHateShare);
      }
    }
    weights[static_cast<std::size_t>(match.category)].push_back(weight);
  }
  double doubt = 1.0;
  for (std::size_t c = 0; c < kAbuseCategoryCount; ++c) {
    scores.categories[c] = combine(weights[c]);
    const double share = c == static_cast<std::size_t>(Category::profanity) ? kProfanityShare : 1.0;
    doubt *= 1.0 - scores.categories[c] * share;
  }
  scores.offensive = 1.0 - doubt;
  if (abuse.empty()) return scores;

  // How clearly the abuse is aimed at each target, 0..1.
  const auto aim = [&](const std::vector<Match>& cue) {
    if (cue.empty()) return 0.0;
    const bool close = std::any_of(abuse.begin(), abuse.end(), [&](const Match& term) {
      return any_near(cue, term, kTargetWindow, kTargetWindow);
    });
    return close ? 1.0 : 0.7;
  };
  // A reply speaks to whom it answers: another commenter, or the brand.
  const bool addressed = address.mentions > 0 || (address.is_reply && !address.replies_to_brand);
  const bool says_you = !second_person.empty();
  // An insult, threat or harassment in a reply or next to an @mention is aimed
  // at that person even without "you"; bare swearing less clearly.
  const bool personal = std::any_of(abuse.begin(), abuse.end(), [](const Match& term) {
    return term.category == Category::insult || term.category == Category::threat ||
           term.category == Category::harassment;
  });
  const double staff_aim = aim(staff);
  double brand_aim = aim(brand);
  // "@nordiccoffee you idiots" speaks to the brand, as its name would, and
  // so does the same in answer to the brand's reply.
  if (brand_aim == 0.0 && (address.brand_mentions > 0 || address.replies_to_brand)) {
    brand_aim = says_you || personal ? 0.9 : 0.6;
  }
  // "You" in a top-level comment on the brand's page speaks to the brand.
  if (brand_aim == 0.0 && says_you && !addressed && staff.empty()) brand_aim = 0.5;
  double community_aim = addressed ? (says_you || personal ? 0.9 : 0.6) : 0.0;
  if (staff_aim > 0.0 || brand_aim > 0.0) community_aim *= 0.5;

  scores.target_staff = scores.offensive * staff_aim;
  scores.target_brand = scores.offensive * brand_aim;
  scores.target_community = scores.offensive * community_aim;
  return scores;
}

}  // namespace parley::toxicity
