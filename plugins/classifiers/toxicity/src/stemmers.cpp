#include "stemmers.hpp"

#include <libstemmer.h>

#include <array>
#include <memory>
#include <stdexcept>
#include <string>
#include <unordered_map>

namespace parley::toxicity {
namespace {

const char* algorithm(Language language) {
  switch (language) {
    case Language::en: return "english";
    case Language::el: return "greek";
    case Language::ru: return "russian";
    case Language::fi: return "finnish";
    case Language::ar: return "arabic";
    case Language::pl: return nullptr;
  }
  return nullptr;
}

struct StemmerDeleter {
  void operator()(sb_stemmer* stemmer) const { sb_stemmer_delete(stemmer); }
};
using StemmerPtr = std::unique_ptr<sb_stemmer, StemmerDeleter>;

// libstemmer's objects hold per-call state, so each thread gets its own,
// created on first use.
sb_stemmer* thread_stemmer(Language language) {
  thread_local std::array<StemmerPtr, std::size(kLanguages)> stemmers;
  auto& slot = stemmers[static_cast<std::size_t>(language)];
  if (!slot) {
    const char* name = algorithm(language);
    if (name == nullptr) return nullptr;
    slot.reset(sb_stemmer_new(name, "UTF_8"));
    if (!slot) throw std::runtime_error(std::string("toxicity: Snowball stemmer unavailable: ") + name);
  }
  return slot.get();
}

void append_snowball_stem(sb_stemmer* stemmer, std::string_view token, std::string& out) {
  const sb_symbol* stemmed =
      sb_stemmer_stem(stemmer, reinterpret_cast<const sb_symbol*>(token.data()), static_cast<int>(token.size()));
  if (stemmed == nullptr) {  // out of memory inside libstemmer
    out.append(token);
    return;
  }
  out.append(reinterpret_cast<const char*>(stemmed), static_cast<std::size_t>(sb_stemmer_length(stemmer)));
}

// Tokens shorter than this (in bytes) are left alone: stemming "ass" or "ты"
// gains nothing and risks merging short words.
constexpr std::size_t kMinStemBytes = 4;

}  // namespace

bool has_stemmer(Language language) { return algorithm(language) != nullptr; }

namespace {

// Words repeat (Zipf): each thread remembers the stems it computed, up to a
// bound, so most tokens cost a hash lookup instead of a Snowball run.
constexpr std::size_t kStemCacheLimit = 1 << 16;
using StemCache = std::unordered_map<std::string, std::string>;

StemCache& thread_stem_cache(Language language) {
  thread_local std::array<StemCache, std::size(kLanguages)> caches;
  return caches[static_cast<std::size_t>(language)];
}

}  // namespace

void append_stem(Language language, std::string_view token, std::string& out) {
  sb_stemmer* stemmer = token.size() >= kMinStemBytes ? thread_stemmer(language) : nullptr;
  if (stemmer == nullptr) {
    out.append(token);
    return;
  }
  auto& cache = thread_stem_cache(language);
  thread_local std::string key;
  key.assign(token);
  if (const auto cached = cache.find(key); cached != cache.end()) {
    out.append(cached->second);
    return;
  }
  if (cache.size() >= kStemCacheLimit) cache.clear();
  const std::size_t before = out.size();
  append_snowball_stem(stemmer, token, out);
  cache.emplace(key, out.substr(before));
}

std::string stem(Language language, std::string_view token) {
  std::string out;
  append_stem(language, token, out);
  return out;
}

}  // namespace parley::toxicity
