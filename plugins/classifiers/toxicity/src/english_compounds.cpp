#include "english_compounds.hpp"

#include <algorithm>
#include <string>

namespace parley::toxicity {
namespace {

constexpr std::size_t kMinRestLetters = 2;

// Longest first, so "dumbfucker" yields "fucker", not "fuck" of "fucker".
constexpr std::string_view kTails[] = {"fuckers", "fucker",  "fucks", "fuck",  "shits",
                                       "shit",    "bitches", "bitch", "cunts", "cunt"};
constexpr std::string_view kHead = "bitch";
// "bitching" and "bitchy" are words of their own (grumbling, moody), listed
// with their weights; only other compounds are read as "bitch".
constexpr std::string_view kHeadWords[] = {"bitching", "bitchy", "bitches"};

bool lower_ascii_letters(std::string_view token) {
  return std::all_of(token.begin(), token.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

}  // namespace

void add_english_compound_parts(std::string_view token, std::uint32_t index, std::vector<TokenVariant>& variants) {
  if (!lower_ascii_letters(token)) return;
  for (const auto tail : kTails) {
    if (token.size() >= tail.size() + kMinRestLetters && token.ends_with(tail)) {
      variants.push_back({index, 1, std::string(tail)});
      break;
    }
  }
  if (token.size() >= kHead.size() + kMinRestLetters && token.starts_with(kHead) &&
      std::find(std::begin(kHeadWords), std::end(kHeadWords), token) == std::end(kHeadWords)) {
    variants.push_back({index, 1, std::string(kHead)});
  }
}

}  // namespace parley::toxicity
