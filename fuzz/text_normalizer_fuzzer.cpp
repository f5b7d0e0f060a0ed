// libFuzzer target: TextNormalizer::normalize(), which folds most texts code
// point by code point from tables, must give exactly what the whole-text ICU
// path (normalize_reference) gives, for any bytes.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "text_normalizer.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const parley::text::TextNormalizer normalizer;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  parley::text::NormalizedText folded;
  parley::text::NormalizedText reference;
  normalizer.normalize(input, folded);
  normalizer.normalize_reference(input, reference);
  bool same = folded.text == reference.text && folded.tokens.size() == reference.tokens.size();
  for (std::size_t i = 0; same && i < folded.tokens.size(); ++i) same = folded.token(i) == reference.token(i);
  if (!same) std::abort();
  return 0;
}
