// How LDNOOBW's English list is matched. Its words are whole words and
// compounds whose stems are everyday words ("shrimping" -> "shrimp",
// "figging" -> "fig", "tea bagging" -> "tea bag"), so they are matched as
// written and in the plural, not by stem; verbs among them that need every
// form are prefixes in the curated profanity.txt. Other languages' LDNOOBW
// entries are base forms of swear words, whose inflections the stem catches.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "list_parser.hpp"

namespace parley::toxicity {

/// "bitch" -> "bitches", "titty" -> "titties", "cunt" -> "cunts"; of a phrase, its last word.
std::string english_plural(std::string_view word);

/// LDNOOBW's English entries, exact, each followed by its plural.
std::vector<ListEntry> english_ldnoobw_entries(std::vector<ListEntry> entries);

/// Curated entries that refine an LDNOOBW word ("=twinkie | 0.05") followed
/// by their plural with the same weight, so the plural LDNOOBW gave is
/// refined too ("twinkies", the cakes), unless the curated list weighs
/// the plural itself ("=suck | 0.5", "=sucks | 0.6").
std::vector<ListEntry> with_refined_plurals(std::vector<ListEntry> curated, const std::vector<ListEntry>& ldnoobw);

}  // namespace parley::toxicity
