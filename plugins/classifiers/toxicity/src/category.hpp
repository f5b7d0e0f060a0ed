// What a list entry says about the words it matches: one of the five abuse
// categories (scored) or a context cue (second person, staff, brand, allow,
// verdict frames).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace parley::toxicity {

enum class Category : std::uint8_t {
  profanity,      ///< swearing and obscenity, whoever it is aimed at
  insult,         ///< words that demean a person ("idiot", "μαλάκα", "дебил")
  hate,           ///< slurs and dehumanising phrases about a group
  threat,         ///< intent to harm ("I will kill you", "I know where you live")
  harassment,     ///< sexual harassment, stalking, telling people to die
  second_person,  ///< "you", "σου", "ты", "ty", "sinä", "انت", vocatives ("ρε", "يا")
  group,          ///< nouns for groups of people ("women", "immigrants", "μετανάστες")
  staff,          ///< "your employee", "cashier", "driver", configured staff names
  brand,          ///< "your company", "your app", configured brand names
  allow,          ///< words never to count as abuse (Scunthorpe, brand names that look rude)
  verdict,        ///< frames that pass judgement: "what a", "bunch of", "банда", "co za", "mitkä"
};

inline constexpr std::size_t kCategoryCount = 11;
inline constexpr std::size_t kAbuseCategoryCount = 5;  ///< profanity .. harassment come first

inline constexpr bool is_abuse(Category category) { return static_cast<std::size_t>(category) < kAbuseCategoryCount; }

inline constexpr std::string_view to_string(Category category) {
  constexpr std::string_view names[] = {"profanity", "insult", "hate",  "threat", "harassment", "second_person",
                                        "group",     "staff",  "brand", "allow",  "verdict"};
  return names[static_cast<std::size_t>(category)];
}

inline std::optional<Category> category_from_string(std::string_view name) {
  for (std::size_t i = 0; i < kCategoryCount; ++i) {
    if (to_string(static_cast<Category>(i)) == name) return static_cast<Category>(i);
  }
  return std::nullopt;
}

/// Weight of an entry without one of its own: how sure a match of the
/// category alone makes us that the text is abusive.
inline constexpr double default_weight(Category category) {
  switch (category) {
    case Category::profanity: return 0.6;
    case Category::insult: return 0.6;
    case Category::hate: return 0.8;
    case Category::threat: return 0.85;
    case Category::harassment: return 0.7;
    default: return 1.0;
  }
}

}  // namespace parley::toxicity
