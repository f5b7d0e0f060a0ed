#include "language.hpp"

namespace parley::sentiment {

Script dominant_script(std::string_view text) {
  std::size_t latin = 0;
  std::size_t greek = 0;
  std::size_t cyrillic = 0;
  std::size_t arabic = 0;
  // Branch-free, so that the compiler can vectorise the count.
  for (char ch : text) {
    const auto byte = static_cast<unsigned char>(ch);
    latin += static_cast<unsigned char>((byte | 0x20) - 'a') < 26;
    greek += static_cast<unsigned char>(byte - 0xCD) < 3;     // lead bytes of U+0340-U+03FF
    cyrillic += static_cast<unsigned char>(byte - 0xD0) < 4;  // U+0400-U+04FF
    arabic += static_cast<unsigned char>(byte - 0xD8) < 4;    // U+0600-U+06FF
  }
  // A non-Latin letter is one lead byte; weigh it like one Latin letter.
  if (greek == 0 && cyrillic == 0 && arabic == 0) return latin > 0 ? Script::latin : Script::other;
  if (greek >= cyrillic && greek >= arabic && greek * 2 >= latin) return Script::greek;
  if (cyrillic >= arabic && cyrillic * 2 >= latin) return Script::cyrillic;
  if (arabic * 2 >= latin) return Script::arabic;
  return Script::latin;
}

}  // namespace parley::sentiment
