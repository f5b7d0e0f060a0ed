#include "token_cache.hpp"

#include <atomic>
#include <string>

namespace parley::sentiment {
namespace {

// About 3.5 MB per cache at most (~420 bytes a word); a thread meets few models.
constexpr std::size_t kMaxEntries = std::size_t{1} << 13;
constexpr std::size_t kMaxTokenBytes = 64;  // longer tokens are rare and not worth keeping
constexpr std::size_t kCachesPerThread = 4;

}  // namespace

LexiconAnswer LexiconAnswer::of(const Lexicon& lexicon, std::string_view token) {
  LexiconAnswer answer;
  answer.stem = lexicon.stem_of(token);
  answer.phrases = lexicon.phrases_with_first_stem(answer.stem);
  answer.known = lexicon.lookup(token, answer.stem, answer.cue);
  const Cue* exact = lexicon.find_exact(token);
  answer.stopword = exact != nullptr && exact->stopword;
  return answer;
}

std::uint64_t TokenCache::next_model_id() {
  static std::atomic<std::uint64_t> last{0};
  return ++last;
}

TokenCache& TokenCache::for_model(std::uint64_t model_id) {
  struct PerThread {
    std::array<TokenCache, kCachesPerThread> caches;
    std::uint64_t clock = 0;
  };
  thread_local PerThread per_thread;
  const std::uint64_t clock = ++per_thread.clock;
  TokenCache* chosen = &per_thread.caches.front();
  for (auto& cache : per_thread.caches) {
    if (cache.model_id_ == model_id) {
      chosen = &cache;
      break;
    }
    if (cache.last_use_ < chosen->last_use_) chosen = &cache;  // least recently used
  }
  if (chosen->model_id_ != model_id || chosen->entries_.size() >= kMaxEntries) {
    chosen->entries_.clear();
    chosen->model_id_ = model_id;
  }
  chosen->last_use_ = clock;
  return *chosen;
}

TokenCache::Entry* TokenCache::entry(std::string_view token) {
  if (const auto found = entries_.find(token); found != entries_.end()) return &found->second;
  if (token.size() > kMaxTokenBytes || entries_.size() >= kMaxEntries) return nullptr;
  auto& [key, entry] = *entries_.emplace(std::string(token), Entry{}).first;
  entry.token = key;  // node-based map: the key does not move
  return &entry;
}

const LexiconAnswer& TokenCache::answer(Entry* entry, std::size_t slot, const Lexicon& lexicon, std::string_view token,
                                        LexiconAnswer& spare) {
  if (entry == nullptr) {
    spare = LexiconAnswer::of(lexicon, token);
    return spare;
  }
  const auto bit = static_cast<std::uint8_t>(1U << slot);
  if ((entry->filled & bit) == 0) {
    entry->answers[slot] = LexiconAnswer::of(lexicon, entry->token);
    entry->filled |= bit;
  }
  return entry->answers[slot];
}

}  // namespace parley::sentiment
