// A status's `content` (HTML as Mastodon renders it) -> plain text for
// classifiers and rules. Deliberately small: Mastodon's content uses only a
// few tags (p, br, a, span), so this is a tag stripper with line breaks and
// entity decoding, not an HTML parser.
#pragma once

#include <string>
#include <string_view>

namespace parley::mastodon {

/// Tags removed (their text kept: links and mentions read as written);
/// <br> and </p> become line breaks (no blank lines, none at the ends);
/// the content of <script> and <style> is dropped; character references
/// (&amp; &lt; &gt; &quot; &apos; &#39; &nbsp; &#NNN; &#xHH;) are decoded to
/// UTF-8, unknown ones are kept as written. Text outside tags is UTF-8 and
/// passes through untouched (Greek, Russian, Arabic, emoji).
std::string html_to_text(std::string_view html);

/// Unicode code points in UTF-8 `text` (what Mastodon's length limit counts,
/// roughly: it also counts every link as 23 and a mention by its username).
std::size_t code_points(std::string_view text);

}  // namespace parley::mastodon
