#include "stemmers.hpp"

#include <libstemmer.h>

#include <array>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>

#include "string_cache.hpp"

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
// bound, so most tokens cost a lookup instead of a Snowball run.
constexpr std::size_t kStemCacheLimit = 1 << 16;
constexpr std::size_t kMaxCachedTokenBytes = 64;

// One thread's stemmers (libstemmer's objects hold per-call state, so each
// thread has its own, created on first use) and stem caches, per language.
// One struct, so a token costs one thread-local access: in a plugin loaded
// with dlopen each access is a call into the dynamic linker.
struct ThreadStemming {
  std::array<StemmerPtr, std::size(kLanguages)> stemmers;
  std::array<std::optional<text::StringCache>, std::size(kLanguages)> caches;  // made on first use

  sb_stemmer* stemmer(Language language) {
    auto& slot = stemmers[static_cast<std::size_t>(language)];
    if (!slot) {
      const char* name = algorithm(language);
      slot.reset(sb_stemmer_new(name, "UTF_8"));
      if (!slot) throw std::runtime_error(std::string("toxicity: Snowball stemmer unavailable: ") + name);
    }
    return slot.get();
  }

  text::StringCache& cache(Language language) {
    auto& slot = caches[static_cast<std::size_t>(language)];
    if (!slot) slot.emplace(kStemCacheLimit, kMaxCachedTokenBytes);
    return *slot;
  }
};

ThreadStemming& thread_stemming() {
  thread_local ThreadStemming state;
  return state;
}

}  // namespace

void append_stem(Language language, std::string_view token, std::string& out) {
  if (token.size() < kMinStemBytes || !has_stemmer(language)) {
    out.append(token);
    return;
  }
  auto& state = thread_stemming();
  auto& cache = state.cache(language);
  if (const auto cached = cache.find(token)) {
    out.append(*cached);
    return;
  }
  sb_stemmer* stemmer = state.stemmer(language);
  const std::size_t before = out.size();
  if (language == Language::fi && token.ends_with("ks")) {
    // Spoken Finnish clips the translative "-ksi" to "-ks" ("tyhmäks",
    // "ämmäks"): stem the written form, which the stemmer knows.
    std::string written(token);
    written += 'i';
    append_snowball_stem(stemmer, written, out);
  } else {
    append_snowball_stem(stemmer, token, out);
  }
  cache.put(token, std::string_view(out).substr(before));
}

std::string stem(Language language, std::string_view token) {
  std::string out;
  append_stem(language, token, out);
  return out;
}

}  // namespace parley::toxicity
