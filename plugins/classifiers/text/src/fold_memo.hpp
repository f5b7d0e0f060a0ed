// FoldMemo: the last few texts TextNormalizer folded on this thread, and
// what they folded to.
//
// The classifiers of a pipeline each fold the same comment in turn (mention,
// toxicity, sentiment, intent, persona: five folds of one text), and the fold
// depends on the bytes alone. The memo lives in a small shared library,
// libparley-fold-memo.so, so that every plugin of the process reaches the
// same one: a static copy per plugin would remember only its own folds.
#pragma once

#include <array>
#include <cstddef>
#include <cstring>
#include <string>
#include <string_view>

#include "normalized_text.hpp"

namespace parley::text {

class FoldMemo {
 public:
  /// Longer texts are folded every time: the memo keeps copies.
  static constexpr std::size_t kMaxRememberedBytes = std::size_t{16} << 10;

  /// The fold of `input` if it is one of the last few, else nullptr.
  const NormalizedText* find(std::string_view input) const {
    for (const auto& entry : entries_) {
      if (entry.used && entry.input.size() == input.size() &&
          std::memcmp(entry.input.data(), input.data(), input.size()) == 0) {
        return &entry.folded;
      }
    }
    return nullptr;
  }

  /// Keeps `folded` as the fold of `input`, in place of the oldest entry.
  void remember(std::string_view input, const NormalizedText& folded) {
    if (input.size() > kMaxRememberedBytes) return;
    Entry& entry = entries_[next_];
    next_ = (next_ + 1) % entries_.size();
    entry.input.assign(input);
    entry.folded.text.assign(folded.text);
    entry.folded.tokens.assign(folded.tokens.begin(), folded.tokens.end());
    entry.used = true;
  }

 private:
  struct Entry {
    std::string input;
    NormalizedText folded;
    bool used = false;
  };
  // Four: sentiment folds quoted and shouted words of a comment between
  // the comment's own folds.
  std::array<Entry, 4> entries_{};
  std::size_t next_ = 0;
};

/// This thread's memo, shared by every plugin loaded in the process.
__attribute__((visibility("default"))) FoldMemo& thread_fold_memo();

}  // namespace parley::text
