// TextPreprocessor: raw event text -> the one-line token string a fastText
// model reads. Training (through parley-fasttext-prep) and classification go
// through this same code, so a model always sees text prepared the same way.
#pragma once

#include <string>
#include <string_view>

#include "text_normalizer.hpp"

namespace parley::fasttext {

/// Steps, in order:
/// 1. HTML entities are decoded (&amp; &lt; &gt; &quot; &apos; &#NNN; &#xHH;):
///    platform APIs and tweet dumps often deliver text escaped;
/// 2. web links (http://, https://, www.) become the token `<url>` and
///    @mentions (an @ not preceded by a letter or digit) the token `<user>`,
///    so a model learns "has a link" rather than one link;
/// 3. everything else goes through parley_text's TextNormalizer (NFKC, case
///    folding, accents dropped, zero-width characters removed, words split);
/// 4. a letter repeated more than twice is cut to two ("loooool" -> "lool").
/// The result is tokens joined by single spaces, no newline; empty when the
/// text has no words. A token never starts with `__label__` (the normaliser
/// splits at `_`), so text cannot smuggle a label into a training line.
///
/// Threading: `prepare` may be called concurrently.
class TextPreprocessor {
 public:
  static constexpr std::string_view kUrlToken = "<url>";
  static constexpr std::string_view kUserToken = "<user>";

  std::string prepare(std::string_view raw) const;

 private:
  void append_words(std::string_view segment, std::string& out) const;

  text::TextNormalizer normalizer_;
};

/// Step 1 alone, for tests: `raw` with HTML entities decoded. Unknown or
/// malformed entities are kept as written.
std::string decode_html_entities(std::string_view raw);

}  // namespace parley::fasttext
