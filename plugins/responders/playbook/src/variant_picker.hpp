// VariantPicker: chooses which variant of a message to post so that one
// account never gets the same text twice in a row (PLAYBOOK P10).
// Thread-safe: the playbook answers events of different cases concurrently.
#pragma once

#include <cstddef>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <tuple>

namespace parley::playbook {

class VariantPicker {
 public:
  /// An index in [0, count): starts from a position derived from `seed` (the
  /// event id, so re-runs choose the same), and moves on when that index was
  /// the last one used for (account, message, lang).
  std::size_t pick(std::string_view account, std::string_view message_name, std::string_view lang, std::size_t count,
                   std::string_view seed);

 private:
  /// The last choice per (account, message, lang) and the seed it was made
  /// for: the same event asking again gets the same answer, not the next one.
  struct Last {
    std::size_t index = 0;
    std::string seed;
  };
  /// Beyond this many keys the memory is dropped (a repeat becomes possible
  /// once per key) rather than growing with every account ever answered.
  static constexpr std::size_t kMaxRemembered = 100000;

  std::mutex mutex_;
  std::map<std::tuple<std::string, std::string, std::string>, Last> last_;
};

}  // namespace parley::playbook
