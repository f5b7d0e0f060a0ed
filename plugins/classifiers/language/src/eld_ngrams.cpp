#include "eld_ngrams.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace parley::language {
namespace {

// ELD adds this to every stored weight (it subtracted it to shrink the data).
constexpr double kBaseNgramScore = 53;
// ELD reads at most this many bytes of words, and this much of one word.
constexpr std::size_t kMaxWordsBytes = 380;
constexpr std::size_t kMaxWordBytes = 70;

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

/// A tiny reader for the JavaScript object and array literals ELD ships.
class JsReader {
 public:
  JsReader(std::string_view text, std::string where) : text_(text), where_(std::move(where)) {}

  [[noreturn]] void fail(const std::string& what) const {
    throw std::runtime_error(where_ + ": " + what + " at byte " + std::to_string(at_) +
                             " (not an ELD data file of the expected version?)");
  }
  void seek(std::string_view marker) {
    const auto found = text_.find(marker, at_);
    if (found == std::string_view::npos) fail("'" + std::string(marker) + "' not found");
    at_ = found + marker.size();
  }
  void skip_space() {
    while (at_ < text_.size() &&
           (text_[at_] == ' ' || text_[at_] == '\n' || text_[at_] == '\r' || text_[at_] == '\t')) {
      ++at_;
    }
  }
  bool peek(char c) {
    skip_space();
    return at_ < text_.size() && text_[at_] == c;
  }
  void expect(char c) {
    if (!peek(c)) fail(std::string("expected '") + c + "'");
    ++at_;
  }
  bool accept(char c) {
    if (!peek(c)) return false;
    ++at_;
    return true;
  }
  long integer() {
    skip_space();
    const std::size_t start = at_;
    while (at_ < text_.size() && text_[at_] >= '0' && text_[at_] <= '9') ++at_;
    if (start == at_ || at_ - start > 9) fail("expected a number");
    long value = 0;
    for (std::size_t i = start; i < at_; ++i) value = value * 10 + (text_[i] - '0');
    return value;
  }
  /// A quoted string (with \\ \' \" escapes), a bare identifier or a number,
  /// as UTF-8. The view is valid until the next call.
  std::string_view key() {
    skip_space();
    if (at_ >= text_.size()) fail("unexpected end");
    const char quote = text_[at_];
    std::string& out = buffer_;
    out.clear();
    if (quote == '\'' || quote == '"') {
      ++at_;
      while (at_ < text_.size() && text_[at_] != quote) {
        if (text_[at_] == '\\' && at_ + 1 < text_.size()) ++at_;
        out.push_back(text_[at_++]);
      }
      if (at_ >= text_.size()) fail("unterminated string");
      ++at_;
      return out;
    }
    while (at_ < text_.size() && text_[at_] != ':' && text_[at_] != ',' && text_[at_] != '}' && text_[at_] != ']') {
      out.push_back(text_[at_++]);
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    if (out.empty()) fail("expected a key");
    return out;
  }

 private:
  std::string_view text_;
  std::string where_;
  std::size_t at_ = 0;
  std::string buffer_;
};

/// ELD's characters are all in U+0000..U+00FF: one byte each in our keys.
bool latin1_bytes(std::string_view utf8, std::string& out) {
  out.clear();
  for (std::size_t i = 0; i < utf8.size(); ++i) {
    const auto c = static_cast<unsigned char>(utf8[i]);
    if (c < 0x80) {
      out.push_back(static_cast<char>(c));
    } else if ((c == 0xC2 || c == 0xC3) && i + 1 < utf8.size()) {
      out.push_back(static_cast<char>(((c & 0x03) << 6) | (static_cast<unsigned char>(utf8[++i]) & 0x3F)));
    } else {
      return false;
    }
  }
  return true;
}

std::size_t slot_of(std::uint64_t key, std::size_t mask) {
  key ^= key >> 29;
  key *= 0xBF58476D1CE4E5B9ULL;  // splitmix64's mixer
  key ^= key >> 32;
  return static_cast<std::size_t>(key) & mask;
}

/// Never 0 (the length is in the top byte), so 0 can mark an empty slot.
std::uint64_t pack(std::string_view bytes) {
  std::uint64_t key = bytes.size();
  for (const char c : bytes) key = (key << 8) | static_cast<unsigned char>(c);
  return key;
}

}  // namespace

EldNgrams::EldNgrams(const std::filesystem::path& ngrams_js, const std::filesystem::path& dictionary_js) {
  {
    const std::string text = read_file(dictionary_js);
    JsReader reader(text, dictionary_js.string());
    reader.seek("dictionary");
    reader.seek("[");
    std::string code;
    for (int byte = 0; byte < 256; ++byte) {
      if (byte > 0) reader.expect(',');
      if (!latin1_bytes(reader.key(), code) || code.size() != 1) reader.fail("a dictionary entry is not one character");
      byte_code_[byte] = static_cast<std::uint8_t>(code[0]);
    }
  }

  const std::string text = read_file(ngrams_js);
  JsReader reader(text, ngrams_js.string());
  reader.seek("languages:");
  reader.expect('{');
  while (!reader.accept('}')) {
    const long index = reader.integer();
    reader.expect(':');
    const std::string code(reader.key());
    if (index != static_cast<long>(languages_.size()) || index > 255)
      reader.fail("languages are not numbered 0, 1, ...");
    languages_.push_back(code);
    reader.accept(',');
  }
  if (languages_.empty()) reader.fail("no languages");

  reader.seek("ngrams:");
  reader.expect('{');
  // One ":{" per n-gram: size the table to stay at most half full.
  std::size_t expected = 0;
  for (auto at = text.find(":{"); at != std::string::npos; at = text.find(":{", at + 2)) ++expected;
  std::size_t capacity = 1024;
  while (capacity < 2 * expected) capacity *= 2;
  slots_.assign(capacity, Slot{});
  weights_.reserve(expected * 3);
  std::string bytes;
  while (!reader.accept('}')) {
    if (!latin1_bytes(reader.key(), bytes) || bytes.empty() || bytes.size() > 7)
      reader.fail("an n-gram key is malformed");
    reader.expect(':');
    reader.expect('{');
    const auto first = static_cast<std::uint32_t>(weights_.size());
    while (!reader.accept('}')) {
      const long language = reader.integer();
      reader.expect(':');
      const long score = reader.integer();
      if (language < 0 || language >= static_cast<long>(languages_.size()) || score < 0 || score > 65535) {
        reader.fail("an n-gram weight is out of range");
      }
      weights_.push_back({static_cast<std::uint8_t>(language), static_cast<std::uint16_t>(score)});
      reader.accept(',');
    }
    if (ngram_count_ * 2 >= slots_.size()) reader.fail("more n-grams than the file size suggests");
    insert(pack(bytes), {first, static_cast<std::uint32_t>(weights_.size()) - first});
    reader.accept(',');
  }
  if (ngram_count_ == 0) reader.fail("no n-grams");
}

void EldNgrams::insert(std::uint64_t key, Span span) {
  const std::size_t mask = slots_.size() - 1;
  std::size_t slot = home_slot(key);
  while (slots_[slot].key != 0 && slots_[slot].key != key) slot = (slot + 1) & mask;
  if (slots_[slot].key == 0) ++ngram_count_;
  slots_[slot] = {key, span};
}

std::size_t EldNgrams::home_slot(std::uint64_t key) const { return slot_of(key, slots_.size() - 1); }

const EldNgrams::Span* EldNgrams::find(std::uint64_t key) const {
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t slot = home_slot(key);; slot = (slot + 1) & mask) {
    if (slots_[slot].key == key) return &slots_[slot].span;
    if (slots_[slot].key == 0) return nullptr;
  }
}

int EldNgrams::index_of(std::string_view code) const {
  const auto found = std::find(languages_.begin(), languages_.end(), code);
  return found == languages_.end() ? -1 : static_cast<int>(found - languages_.begin());
}

void EldNgrams::score(std::string_view words, std::vector<double>& sums, std::size_t& ngram_count) const {
  sums.assign(languages_.size(), 0.0);
  ngram_count = 0;
  if (words.size() > kMaxWordsBytes) {
    // Cut after a whole word, as ELD does.
    const auto space = words.find(' ', kMaxWordsBytes - 30);
    words = words.substr(0, space == std::string_view::npos ? kMaxWordsBytes : space);
  }
  // ELD counts each distinct n-gram once. Texts are short: a small vector
  // of seen keys beats a hash set.
  thread_local std::vector<std::uint64_t> seen;
  seen.clear();
  char gram[8];
  const auto add = [&](std::size_t length) {
    const std::uint64_t key = pack(std::string_view(gram, length));
    if (std::find(seen.begin(), seen.end(), key) == seen.end()) seen.push_back(key);
  };

  std::size_t start = 0;
  while (start < words.size()) {
    std::size_t end = words.find(' ', start);
    if (end == std::string_view::npos) end = words.size();
    const std::string_view word = words.substr(start, std::min(end - start, kMaxWordBytes));
    start = end + 1;
    if (word.empty()) continue;
    const auto code = [&](std::size_t i) { return static_cast<char>(byte_code_[static_cast<unsigned char>(word[i])]); };
    const auto plain = [&](std::size_t i) {
      const auto c = static_cast<unsigned char>(word[i]);
      return c < 0x80 ? static_cast<char>(c) : code(i);
    };
    // 4-byte n-grams with a stride of 3, the first marked by a leading
    // space, and the word's last 4 bytes with a trailing space.
    const std::size_t length = word.size();
    std::size_t j = 0;
    for (; j + 4 < length; j += 3) {
      std::size_t n = 0;
      if (j == 0) gram[n++] = ' ';
      for (std::size_t i = j; i < j + 4; ++i) gram[n++] = plain(i);
      add(n);
    }
    std::size_t n = 0;
    if (j == 0) gram[n++] = ' ';
    for (std::size_t i = length >= 4 ? length - 4 : 0; i < length; ++i) gram[n++] = plain(i);
    gram[n++] = ' ';
    add(n);
  }
  ngram_count = seen.size();

  // The table is large and each n-gram lands anywhere in it: ask for every
  // slot first, so the memory reads overlap instead of waiting one by one.
  for (const auto key : seen) __builtin_prefetch(&slots_[home_slot(key)]);
  for (const auto key : seen) {
    const Span* found = find(key);
    if (found == nullptr) continue;
    for (std::uint32_t i = 0; i < found->count; ++i) {
      const Weight& weight = weights_[found->first + i];
      sums[weight.language] += weight.score + kBaseNgramScore;
    }
  }
}

}  // namespace parley::language
