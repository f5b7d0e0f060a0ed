#include "text_normalizer.hpp"

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>

#include <array>
#include <cstring>
#include <stdexcept>
#include <string>

namespace parley::text {
namespace {

// Scratch buffers reused by each thread, so steady-state normalisation does not
// allocate.
struct Utf16Scratch {
  std::vector<UChar> converted;
  std::vector<UChar> normalized;
};

Utf16Scratch& utf16_scratch() {
  thread_local Utf16Scratch scratch;
  return scratch;
}

// Cuts `input` to at most `limit` bytes without splitting a UTF-8 sequence.
std::string_view clamp_input(std::string_view input, std::size_t limit) {
  if (input.size() <= limit) return input;
  std::size_t end = limit;
  // Step back over continuation bytes (10xxxxxx) to the start of a sequence.
  for (int steps = 0; steps < 3 && end > 0 && (static_cast<unsigned char>(input[end]) & 0xC0) == 0x80; ++steps) {
    --end;
  }
  return input.substr(0, end);
}

bool is_ascii(std::string_view input) {
  const char* data = input.data();
  std::size_t size = input.size();
  std::size_t i = 0;
  for (; i + 8 <= size; i += 8) {
    std::uint64_t chunk;
    std::memcpy(&chunk, data + i, 8);
    if (chunk & 0x8080808080808080ULL) return false;
  }
  for (; i < size; ++i) {
    if (static_cast<unsigned char>(data[i]) & 0x80) return false;
  }
  return true;
}

// Writes `c` as UTF-8 at `out`; returns the number of bytes (1-4).
std::size_t append_utf8(char* out, UChar32 c) {
  if (c < 0x80) {
    out[0] = static_cast<char>(c);
    return 1;
  }
  if (c < 0x800) {
    out[0] = static_cast<char>(0xC0 | (c >> 6));
    out[1] = static_cast<char>(0x80 | (c & 0x3F));
    return 2;
  }
  if (c < 0x10000) {
    out[0] = static_cast<char>(0xE0 | (c >> 12));
    out[1] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out[2] = static_cast<char>(0x80 | (c & 0x3F));
    return 3;
  }
  out[0] = static_cast<char>(0xF0 | (c >> 18));
  out[1] = static_cast<char>(0x80 | ((c >> 12) & 0x3F));
  out[2] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
  out[3] = static_cast<char>(0x80 | (c & 0x3F));
  return 4;
}

// Light Arabic orthographic folding (the variants people type interchangeably).
UChar32 fold_arabic(UChar32 c) {
  switch (c) {
    case 0x0671: return 0x0627;  // alef wasla -> alef
    case 0x0649: return 0x064A;  // alef maksura -> yeh
    case 0x06CC: return 0x064A;  // Farsi yeh -> yeh
    case 0x0629: return 0x0647;  // teh marbuta -> heh
    case 0x06A9: return 0x0643;  // keheh -> kaf
    default: return c;
  }
}

enum class CharRole { skip, word, symbol, separator };

CharRole classify_char(UChar32 c) {
  if (c == 0x0640) return CharRole::skip;  // Arabic tatweel (kashida)
  switch (u_charType(c)) {
    case U_NON_SPACING_MARK:
    case U_ENCLOSING_MARK: return CharRole::skip;
    case U_UPPERCASE_LETTER:
    case U_LOWERCASE_LETTER:
    case U_TITLECASE_LETTER:
    case U_MODIFIER_LETTER:
    case U_OTHER_LETTER:
    case U_COMBINING_SPACING_MARK:
    case U_DECIMAL_DIGIT_NUMBER:
    case U_LETTER_NUMBER:
    case U_OTHER_NUMBER: return CharRole::word;
    case U_OTHER_SYMBOL: return c == 0xFFFD ? CharRole::separator : CharRole::symbol;
    default: return CharRole::separator;
  }
}

// Roles of U+0000..U+07FF (Latin, Greek, Cyrillic, Arabic, ...) precomputed,
// the rest asked from ICU.
class CharRoles {
 public:
  CharRoles() {
    for (UChar32 c = 0; c < kTableSize; ++c) table_[c] = classify_char(c);
  }
  CharRole operator()(UChar32 c) const { return c < kTableSize ? table_[c] : classify_char(c); }

 private:
  static constexpr UChar32 kTableSize = 0x800;
  std::array<CharRole, kTableSize> table_{};
};

const CharRoles& char_roles() {
  static const CharRoles roles;
  return roles;
}

// Appends tokens to `out`, joining them with single spaces.
class TokenWriter {
 public:
  /// `capacity` bounds the bytes written (tokens, their UTF-8 and spaces).
  TokenWriter(NormalizedText& out, std::size_t capacity) : out_(out) {
    out_.text.resize(capacity);
    base_ = out_.text.data();
  }
  ~TokenWriter() { out_.text.resize(size_); }
  TokenWriter(const TokenWriter&) = delete;
  TokenWriter& operator=(const TokenWriter&) = delete;

  void begin_token() {
    if (in_token_) return;
    if (size_ != 0) base_[size_++] = ' ';
    start_ = static_cast<std::uint32_t>(size_);
    in_token_ = true;
  }
  void end_token() {
    if (!in_token_) return;
    out_.tokens.push_back({start_, static_cast<std::uint32_t>(size_)});
    in_token_ = false;
  }
  void put(char byte) { base_[size_++] = byte; }
  void put(UChar32 c) { size_ += append_utf8(base_ + size_, c); }

 private:
  NormalizedText& out_;
  char* base_ = nullptr;
  std::size_t size_ = 0;
  std::uint32_t start_ = 0;
  bool in_token_ = false;
};

}  // namespace

TextNormalizer::TextNormalizer() {
  UErrorCode status = U_ZERO_ERROR;
  nfkd_casefold_ = unorm2_getInstance(nullptr, "nfkc_cf", UNORM2_DECOMPOSE, &status);
  if (U_FAILURE(status) || nfkd_casefold_ == nullptr) {
    throw std::runtime_error(std::string("keywords: ICU normalisation data unavailable: ") + u_errorName(status));
  }
}

void TextNormalizer::normalize(std::string_view input, NormalizedText& out) const {
  out.clear();
  input = clamp_input(input, kMaxInputBytes);
  if (input.empty()) return;
  if (is_ascii(input)) {
    normalize_ascii(input, out);
  } else {
    normalize_unicode(input, out);
  }
}

// ASCII is NFKC-stable and case-folds to lower case; the result equals what
// normalize_unicode() gives for the same bytes, only faster.
void TextNormalizer::normalize_ascii(std::string_view input, NormalizedText& out) const {
  // Output never exceeds the input: a space is written only where a
  // separator was.
  TokenWriter writer(out, input.size());
  for (char ch : input) {
    const auto byte = static_cast<unsigned char>(ch);
    if (byte >= 'A' && byte <= 'Z') {
      writer.begin_token();
      writer.put(static_cast<char>(byte + ('a' - 'A')));
    } else if ((byte >= 'a' && byte <= 'z') || (byte >= '0' && byte <= '9')) {
      writer.begin_token();
      writer.put(ch);
    } else {
      writer.end_token();
    }
  }
  writer.end_token();
}

void TextNormalizer::normalize_unicode(std::string_view input, NormalizedText& out) const {
  auto& scratch = utf16_scratch();
  const auto input_length = static_cast<std::int32_t>(input.size());

  // UTF-8 -> UTF-16; every ill-formed sequence becomes U+FFFD. UTF-16 never
  // needs more code units than UTF-8 has bytes.
  scratch.converted.resize(input.size() + 1);
  std::int32_t converted_length = 0;
  UErrorCode status = U_ZERO_ERROR;
  u_strFromUTF8WithSub(scratch.converted.data(), static_cast<std::int32_t>(scratch.converted.size()), &converted_length,
                       input.data(), input_length, 0xFFFD, nullptr, &status);
  if (U_FAILURE(status)) {
    throw std::runtime_error(std::string("keywords: UTF-8 conversion failed: ") + u_errorName(status));
  }

  // NFKC compatibility mapping + full case folding + default-ignorable
  // removal, in decomposed form so that marks can be dropped below.
  if (scratch.normalized.size() < static_cast<std::size_t>(converted_length) * 2 + 16) {
    scratch.normalized.resize(static_cast<std::size_t>(converted_length) * 2 + 16);
  }
  std::int32_t normalized_length = 0;
  for (int attempt = 0; attempt < 2; ++attempt) {
    status = U_ZERO_ERROR;
    normalized_length =
        unorm2_normalize(nfkd_casefold_, scratch.converted.data(), converted_length, scratch.normalized.data(),
                         static_cast<std::int32_t>(scratch.normalized.size()), &status);
    if (status != U_BUFFER_OVERFLOW_ERROR) break;
    scratch.normalized.resize(static_cast<std::size_t>(normalized_length) + 16);
  }
  if (U_FAILURE(status)) {
    throw std::runtime_error(std::string("keywords: normalisation failed: ") + u_errorName(status));
  }

  // Each UTF-16 unit gives at most 3 UTF-8 bytes and one space before it.
  TokenWriter writer(out, static_cast<std::size_t>(normalized_length) * 4);
  const CharRoles& roles = char_roles();
  const UChar* units = scratch.normalized.data();
  std::int32_t i = 0;
  while (i < normalized_length) {
    UChar32 c;
    U16_NEXT(units, i, normalized_length, c);
    switch (roles(c)) {
      case CharRole::skip: break;
      case CharRole::word:
        writer.begin_token();
        writer.put(fold_arabic(c));
        break;
      case CharRole::symbol:
        writer.end_token();
        writer.begin_token();
        writer.put(c);
        writer.end_token();
        break;
      case CharRole::separator: writer.end_token(); break;
    }
  }
  writer.end_token();
}

std::vector<std::string> TextNormalizer::tokens(std::string_view input) const {
  NormalizedText normalized;
  normalize(input, normalized);
  std::vector<std::string> result;
  result.reserve(normalized.tokens.size());
  for (std::size_t i = 0; i < normalized.tokens.size(); ++i) {
    result.emplace_back(normalized.token(i));
  }
  return result;
}

}  // namespace parley::text
