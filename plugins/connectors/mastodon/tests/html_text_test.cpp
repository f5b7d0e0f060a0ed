#include <catch2/catch.hpp>

#include "html_text.hpp"

using parley::mastodon::code_points;
using parley::mastodon::html_to_text;

TEST_CASE("Mastodon content: tags go, paragraphs and <br> become line breaks", "[html]") {
  CHECK(html_to_text("<p>Hello world</p>") == "Hello world");
  CHECK(html_to_text("<p>first</p><p>second</p>") == "first\nsecond");
  CHECK(html_to_text("<p>one<br>two<br/>three<br />four</p>") == "one\ntwo\nthree\nfour");
  CHECK(html_to_text("<P>upper<BR>case</P>") == "upper\ncase");
  // A mention and a link as Mastodon renders them: the text reads as written.
  CHECK(html_to_text("<p><span class=\"h-card\"><a href=\"https://mastodon.test/@nordiccoffee\" class=\"u-url "
                     "mention\">@<span>nordiccoffee</span></a></span> see <a href=\"https://example.com/x\"><span "
                     "class=\"invisible\">https://</span><span class=\"\">example.com/x</span></a></p>") ==
        "@nordiccoffee see https://example.com/x");
  CHECK(html_to_text("a\nb") == "a b");  // a raw newline in HTML is only whitespace
  CHECK(html_to_text("<p>x</p><script>alert(1)</script><p>y</p>") == "x\ny");
  CHECK(html_to_text("") == "");
  CHECK(html_to_text("<p>cut off <a href=") == "cut off");
}

TEST_CASE("Mastodon content: character references are decoded to UTF-8", "[html]") {
  CHECK(html_to_text("<p>Tom &amp; Jerry &lt;3 &quot;quoted&quot; it&#39;s &apos;x&apos;</p>") ==
        "Tom & Jerry <3 \"quoted\" it's 'x'");
  CHECK(html_to_text("a&nbsp;b") ==
        "a\xC2\xA0"
        "b");
  CHECK(html_to_text("&#233;&#xE9;&#X1F600;") == "\xC3\xA9\xC3\xA9\xF0\x9F\x98\x80");
  CHECK(html_to_text("&#0; &#xD800; &#99999999;") == "\xEF\xBF\xBD \xEF\xBF\xBD \xEF\xBF\xBD");
  // Unknown or unterminated references stay as written.
  CHECK(html_to_text("AT&T &copy &bogus; 5 & 6") == "AT&T &copy &bogus; 5 & 6");
}

TEST_CASE("Mastodon content: Greek, Russian and Arabic pass through untouched", "[html]") {
  CHECK(html_to_text("<p>Ο καφές ήταν κρύος &amp; άργησε</p><p>Γιατί;</p>") == "Ο καφές ήταν κρύος & άργησε\nΓιατί;");
  CHECK(html_to_text("<p>Заказ опоздал<br>снова!</p>") == "Заказ опоздал\nснова!");
  CHECK(html_to_text("<p>الطلب متأخر &quot;مرة أخرى&quot;</p>") == "الطلب متأخر \"مرة أخرى\"");
}

TEST_CASE("Status length counts code points, not bytes", "[html]") {
  CHECK(code_points("abc") == 3);
  CHECK(code_points("Ωμέγα") == 5);
  CHECK(code_points("Привет") == 6);
  CHECK(code_points("مرحبا") == 5);
  CHECK(code_points("\xF0\x9F\x98\x80") == 1);
}
