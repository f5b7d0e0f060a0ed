// The encodings a plain-text e-mail needs: base64 (RFC 2045) for the body,
// encoded-words (RFC 2047) for non-ASCII header text, and the RFC 5322 date.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace parley::email {

/// Standard base64 with '=' padding, on one line.
std::string base64(std::string_view bytes);

/// Base64 in lines of at most 76 characters, each ended by CRLF (a body).
std::string base64_lines(std::string_view bytes);

/// Header text as it may stand after "Name: " on a line: printable ASCII up to
/// `room` characters is kept as is; anything else (non-ASCII, controls,
/// longer text) becomes UTF-8 "B" encoded-words of at most 39 bytes each,
/// never splitting a UTF-8 character, folded with CRLF SP so every line
/// stays within 76 characters.
std::string header_text(std::string_view utf8, std::size_t room = 66);

/// A display name for From/To: a quoted-string when ASCII, else encoded-words.
std::string display_name(std::string_view utf8);

/// "Mon, 02 Nov 2026 09:15:00 +0000" for milliseconds since the epoch (UTC).
std::string rfc5322_date(std::int64_t epoch_ms);

/// Text with every line break (LF, CR or CRLF) made CRLF.
std::string with_crlf(std::string_view text);

}  // namespace parley::email
