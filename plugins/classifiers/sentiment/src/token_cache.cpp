#include "token_cache.hpp"

#include <atomic>
#include <string>

#include "key_hash.hpp"

namespace parley::sentiment {
namespace {

// About 3.5 MB per cache at most (~420 bytes a word); a thread meets few models.
constexpr std::size_t kMaxEntries = std::size_t{1} << 13;
constexpr std::size_t kTableSlots = 2 * kMaxEntries;  // at most half full: short probes
constexpr std::size_t kMaxTokenBytes = 64;            // longer tokens are rare and not worth keeping
constexpr std::size_t kKeyBytes = 16 * kMaxEntries;   // 16 bytes a word on average; full sooner if longer
constexpr std::size_t kCachesPerThread = 4;

}  // namespace

LexiconAnswer LexiconAnswer::of(const Lexicon& lexicon, std::string_view token) {
  LexiconAnswer answer;
  answer.stem = lexicon.stem_of(token);
  answer.phrases = lexicon.phrases_with_first_stem(answer.stem);
  const Cue* exact = lexicon.find_exact(token);
  answer.known = lexicon.lookup(token, answer.stem, exact, answer.cue);
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
  if (chosen->model_id_ != model_id || chosen->full()) chosen->reset(model_id);
  chosen->last_use_ = clock;
  return *chosen;
}

bool TokenCache::full() const {
  return entries_.size() >= kMaxEntries || key_bytes_.size() + kMaxTokenBytes > key_bytes_.capacity();
}

void TokenCache::reset(std::uint64_t model_id) {
  if (slots_.empty()) {
    entries_.reserve(kMaxEntries);
    key_bytes_.reserve(kKeyBytes);
  }
  slots_.assign(kTableSlots, Slot{});
  entries_.clear();
  key_bytes_.clear();
  model_id_ = model_id;
}

TokenCache::Entry* TokenCache::entry(std::string_view token) {
  const auto hash = text::hash_key(token);
  const auto fingerprint = text::key_fingerprint(hash);
  std::size_t at = hash & (kTableSlots - 1);
  for (; slots_[at].entry != 0; at = (at + 1) & (kTableSlots - 1)) {
    const Slot slot = slots_[at];
    if (slot.fingerprint == fingerprint && entries_[slot.entry - 1].token == token) return &entries_[slot.entry - 1];
  }
  if (token.size() > kMaxTokenBytes || full()) return nullptr;
  const std::size_t offset = key_bytes_.size();
  key_bytes_.append(token);  // within the capacity reserved: no byte moves
  Entry& entry = entries_.emplace_back();
  entry.token = std::string_view(key_bytes_).substr(offset, token.size());
  slots_[at] = {fingerprint, static_cast<std::uint32_t>(entries_.size())};
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
