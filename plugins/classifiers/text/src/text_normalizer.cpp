#include "text_normalizer.hpp"

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <stdexcept>
#include <string>

#include "append_utf8.hpp"
#include "code_point_folds.hpp"
#include "fold_memo.hpp"

namespace parley::text {
namespace {

using detail::char_role;
using detail::CharRole;
using detail::fold_arabic;
using detail::FoldedChar;

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
  /// Copies all four bytes (a fixed-size copy is one move; reserve() leaves
  /// room) and keeps those of the character.
  void put(const FoldedChar& c) {
    std::memcpy(base_ + size_, c.utf8.data(), sizeof c.utf8);
    size_ += c.size;
  }
  /// Room for `bytes` more (including the spaces between tokens).
  void reserve(std::size_t bytes) {
    if (size_ + bytes <= out_.text.size()) return;
    out_.text.resize(std::max(out_.text.size() * 2, size_ + bytes));
    base_ = out_.text.data();
  }

 private:
  NormalizedText& out_;
  char* base_ = nullptr;
  std::size_t size_ = 0;
  std::uint32_t start_ = 0;
  bool in_token_ = false;
};

// Decodes one well-formed UTF-8 sequence at [p, end) into `c`; returns its
// length, or 0 for an ill-formed one (overlong, surrogate, beyond U+10FFFF,
// truncated).
std::size_t decode_utf8(const unsigned char* p, const unsigned char* end, UChar32& c) {
  const unsigned lead = p[0];
  const auto available = static_cast<std::size_t>(end - p);
  const auto continuation = [&](std::size_t i, unsigned low = 0x80, unsigned high = 0xBF) {
    return i < available && p[i] >= low && p[i] <= high;
  };
  if (lead < 0x80) {
    c = static_cast<UChar32>(lead);
    return 1;
  }
  if (lead >= 0xC2 && lead <= 0xDF) {
    if (!continuation(1)) return 0;
    c = static_cast<UChar32>(((lead & 0x1F) << 6) | (p[1] & 0x3F));
    return 2;
  }
  if (lead >= 0xE0 && lead <= 0xEF) {
    const unsigned low = lead == 0xE0 ? 0xA0 : 0x80;
    const unsigned high = lead == 0xED ? 0x9F : 0xBF;
    if (!continuation(1, low, high) || !continuation(2)) return 0;
    c = static_cast<UChar32>(((lead & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F));
    return 3;
  }
  if (lead >= 0xF0 && lead <= 0xF4) {
    const unsigned low = lead == 0xF0 ? 0x90 : 0x80;
    const unsigned high = lead == 0xF4 ? 0x8F : 0xBF;
    if (!continuation(1, low, high) || !continuation(2) || !continuation(3)) return 0;
    c = static_cast<UChar32>(((lead & 0x07) << 18) | ((p[1] & 0x3F) << 12) | ((p[2] & 0x3F) << 6) | (p[3] & 0x3F));
    return 4;
  }
  return 0;
}

// ASCII is NFKC-stable and case-folds to lower case; letters and digits make
// words, the rest separates (ASCII has no "other symbol"). Each byte's folded
// form, 0 for a separator.
constexpr std::array<char, 128> kAsciiFolds = [] {
  std::array<char, 128> folds{};
  for (int c = 0; c < 128; ++c) {
    if (c >= 'A' && c <= 'Z') folds[c] = static_cast<char>(c + ('a' - 'A'));
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) folds[c] = static_cast<char>(c);
  }
  return folds;
}();

[[gnu::always_inline]] inline void write_ascii(unsigned char byte, TokenWriter& writer) {
  const char folded = kAsciiFolds[byte];
  if (folded != 0) {
    writer.begin_token();
    writer.put(folded);
  } else {
    writer.end_token();
  }
}

// Writes one folded character by its role: a word character extends the
// token, a symbol is a token of its own, a separator ends the token. `c` is a
// code point (the ICU path) or a FoldedChar from the table.
template <typename Char>
[[gnu::always_inline]] inline void write_by_role(CharRole role, const Char& c, TokenWriter& writer) {
  switch (role) {
    case CharRole::skip: break;
    case CharRole::word:
      writer.begin_token();
      writer.put(c);
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

}  // namespace

TextNormalizer::TextNormalizer() {
  UErrorCode status = U_ZERO_ERROR;
  nfkd_casefold_ = unorm2_getInstance(nullptr, "nfkc_cf", UNORM2_DECOMPOSE, &status);
  if (U_FAILURE(status) || nfkd_casefold_ == nullptr) {
    throw std::runtime_error(std::string("keywords: ICU normalisation data unavailable: ") + u_errorName(status));
  }
  folds_ = std::make_shared<const detail::CodePointFolds>(nfkd_casefold_);
}

void TextNormalizer::normalize(std::string_view input, NormalizedText& out) const {
  out.clear();
  input = clamp_input(input, kMaxInputBytes);
  if (input.empty()) return;
  // Another classifier may have just folded this very text (fold_memo.hpp).
  FoldMemo& memo = thread_fold_memo();
  if (const NormalizedText* folded = memo.find(input)) {
    out.text.assign(folded->text);
    out.tokens.assign(folded->tokens.begin(), folded->tokens.end());
    return;
  }
  if (is_ascii(input)) {
    normalize_ascii(input, out);
  } else if (!normalize_by_code_point(input, out)) {
    out.clear();
    normalize_unicode(input, out);
  }
  memo.remember(input, out);
}

void TextNormalizer::normalize_reference(std::string_view input, NormalizedText& out) const {
  out.clear();
  input = clamp_input(input, kMaxInputBytes);
  if (!input.empty()) normalize_unicode(input, out);
}

// Valid UTF-8 whose code points fold on their own (all of Latin, Greek,
// Cyrillic and Arabic text, emoji included) is folded by table lookups: the
// same result as normalize_unicode(), in about a third of the instructions.
bool TextNormalizer::normalize_by_code_point(std::string_view input, NormalizedText& out) const {
  TokenWriter writer(out, 2 * input.size() + 16);
  const auto* p = reinterpret_cast<const unsigned char*>(input.data());
  const auto* end = p + input.size();
  while (p < end) {
    if (*p < 0x80) {
      write_ascii(*p++, writer);
      continue;
    }
    UChar32 c;
    const std::size_t length = decode_utf8(p, end, c);
    if (length == 0) return false;
    p += length;
    const auto folded = folds_->fold(c);
    if (!folded) return false;
    // Room for this fold and for the ASCII after it, which does not check:
    // each ASCII byte writes at most two (a space and itself).
    writer.reserve(folded->size() * 6 + 2 * static_cast<std::size_t>(end - p));
    if (folded->size() == 1 && folded->front().role == CharRole::word) {  // most letters: one letter
      writer.begin_token();
      writer.put(folded->front());
      continue;
    }
    for (const auto& each : *folded) write_by_role(each.role, each, writer);
  }
  writer.end_token();
  return true;
}

// The result equals what normalize_unicode() gives for the same bytes.
void TextNormalizer::normalize_ascii(std::string_view input, NormalizedText& out) const {
  // Output never exceeds the input: a space is written only where a
  // separator was.
  TokenWriter writer(out, input.size());
  for (char ch : input) write_ascii(static_cast<unsigned char>(ch), writer);
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
  const UChar* units = scratch.normalized.data();
  std::int32_t i = 0;
  while (i < normalized_length) {
    UChar32 c;
    U16_NEXT(units, i, normalized_length, c);
    const CharRole role = char_role(c);
    write_by_role(role, role == CharRole::word ? fold_arabic(c) : c, writer);
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
