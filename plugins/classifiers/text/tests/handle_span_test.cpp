// handle_span: @handles in any script, and what is not a handle.
#include <catch2/catch.hpp>

#include <string_view>

#include "handle_span.hpp"

using parley::text::handle_char_before;
using parley::text::handle_end;

namespace handle_span_test {

// The handle name after the '@' at the start of `text`.
std::string_view name_of(std::string_view text, bool with_dots = false) {
  return text.substr(1, handle_end(text, 1, with_dots) - 1);
}

}  // namespace handle_span_test

using handle_span_test::name_of;

TEST_CASE("A handle name runs over letters and digits of any script and '_'", "[handle]") {
  CHECK(name_of("@dave_hughes nobody asked you") == "dave_hughes");
  CHECK(name_of("@Игорь_К ты кто такой") == "Игорь_К");
  CHECK(name_of("@Νίκος_Π εσύ") == "Νίκος_Π");
  CHECK(name_of("@فاطمة_ع شكرا") == "فاطمة_ع");
  CHECK(name_of("@Mäkinen, moi") == "Mäkinen");
  // Dots only where the caller's platform allows them.
  CHECK(name_of("@maria.k thanks") == "maria");
  CHECK(name_of("@maria.k thanks", true) == "maria.k");
  // Punctuation, emoji and spaces end it, in any script.
  CHECK(name_of("@Маша—ты") == "Маша");
  CHECK(name_of("@anna🔥") == "anna");
  CHECK(name_of("@ hello").empty());
  CHECK(name_of("@").empty());
  // Invalid UTF-8 ends it without reading past the text.
  CHECK(name_of("@ab\xC3") == "ab");
  CHECK(name_of("@ab\xFF\xFEzz") == "ab");
}

TEST_CASE("An '@' after a letter or digit is inside a word or an address", "[handle]") {
  const std::string_view mail = "write to anna@example.com";
  CHECK(handle_char_before(mail, mail.find('@')));
  const std::string_view cyrillic = "пишите на почта@пример.рф";
  CHECK(handle_char_before(cyrillic, cyrillic.find('@')));
  const std::string_view mention = "thanks @anna";
  CHECK_FALSE(handle_char_before(mention, mention.find('@')));
  const std::string_view quoted = "«@Игорь»";
  CHECK_FALSE(handle_char_before(quoted, quoted.find('@')));
  CHECK_FALSE(handle_char_before("@start", 0));
}
