#include "cld2_engine.hpp"

// CLD2's header uses NULL and friends without including <cstdio>.
#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>
#include <cstdio>

namespace parley::language {

Cld2Guess cld2_detect(std::string_view words) {
  if (words.empty()) return {};
  CLD2::Language top3[3];
  int percent3[3];
  double normalized3[3];
  int text_bytes = 0;
  bool reliable = false;
  int valid_prefix = 0;
  const CLD2::CLDHints hints{nullptr, nullptr, CLD2::UNKNOWN_ENCODING, CLD2::UNKNOWN_LANGUAGE};
  const CLD2::Language language =
      CLD2::ExtDetectLanguageSummaryCheckUTF8(words.data(), static_cast<int>(words.size()), true, &hints, 0, top3,
                                              percent3, normalized3, nullptr, &text_bytes, &reliable, &valid_prefix);
  if (!reliable || language == CLD2::UNKNOWN_LANGUAGE || language == CLD2::TG_UNKNOWN_LANGUAGE) return {};
  std::string code = CLD2::LanguageCode(language);
  if (code == "iw") code = "he";   // CLD2 keeps the old code for Hebrew
  if (code.size() > 3) return {};  // "zh-Hant" and the like: fastText's answer stands
  return {code};
}

}  // namespace parley::language
