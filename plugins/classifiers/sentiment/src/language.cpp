#include "language.hpp"

namespace parley::sentiment {

Script dominant_script(std::string_view text) {
  std::size_t latin = 0;
  std::size_t greek = 0;
  std::size_t cyrillic = 0;
  std::size_t arabic = 0;
  for (char ch : text) {
    const auto byte = static_cast<unsigned char>(ch);
    if ((byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z')) {
      ++latin;
    } else if (byte >= 0xCD && byte <= 0xCF) {  // lead bytes of U+0340-U+03FF
      ++greek;
    } else if (byte >= 0xD0 && byte <= 0xD3) {  // U+0400-U+04FF
      ++cyrillic;
    } else if (byte >= 0xD8 && byte <= 0xDB) {  // U+0600-U+06FF
      ++arabic;
    }
  }
  // A non-Latin letter is one lead byte; weigh it like one Latin letter.
  if (greek == 0 && cyrillic == 0 && arabic == 0) return latin > 0 ? Script::latin : Script::other;
  if (greek >= cyrillic && greek >= arabic && greek * 2 >= latin) return Script::greek;
  if (cyrillic >= arabic && cyrillic * 2 >= latin) return Script::cyrillic;
  if (arabic * 2 >= latin) return Script::arabic;
  return Script::latin;
}

}  // namespace parley::sentiment
