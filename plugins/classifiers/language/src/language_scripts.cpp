#include "language_scripts.hpp"

#include <algorithm>
#include <array>

namespace parley::language {
namespace {

constexpr std::array<std::string_view, 16> kCyrillic = {"ru", "uk", "bg", "be", "sr", "mk", "kk", "ky",
                                                        "mn", "tg", "tt", "ba", "cv", "ce", "os", "sah"};
constexpr std::array<std::string_view, 9> kArabic = {"ar", "fa", "ur", "ps", "ckb", "sd", "ug", "arz", "azb"};
constexpr std::array<std::string_view, 48> kLatin = {
    "en", "pl", "fi", "de", "fr", "es", "it", "pt", "nl", "sv", "da", "no", "nb", "nn", "et", "lv",
    "lt", "cs", "sk", "sl", "hr", "bs", "hu", "ro", "tr", "az", "ms", "id", "tl", "vi", "sq", "eu",
    "ca", "gl", "is", "ga", "cy", "mt", "eo", "la", "af", "sw", "so", "yo", "ha", "uz", "lb", "fy"};

template <std::size_t N>
bool in(const std::array<std::string_view, N>& list, std::string_view code) {
  return std::find(list.begin(), list.end(), code) != list.end();
}

}  // namespace

Script usual_script(std::string_view language) {
  if (language == "el") return Script::greek;
  if (in(kCyrillic, language)) return Script::cyrillic;
  if (in(kArabic, language)) return Script::arabic;
  if (in(kLatin, language)) return Script::latin;
  return Script::other;
}

}  // namespace parley::language
