// VariantPicker: chooses which variant of a message to post so that one
// account never gets the same text twice in a row (PLAYBOOK P10), across
// restarts too: the last choice per account is plugin state (API 1.4),
// kept in the pipeline's store.
// Thread-safe: the playbook answers events of different cases concurrently.
#pragma once

#include <cstddef>
#include <mutex>
#include <parley/plugin.hpp>
#include <string>
#include <string_view>

namespace parley::playbook {

class VariantPicker {
 public:
  /// `context` keeps the choices (load_state/save_state); it outlives the picker.
  explicit VariantPicker(PluginContext& context) : context_(context) {}

  /// An index in [0, count): starts from a position derived from `seed` (the
  /// event id, so re-runs choose the same), and moves on when that index was
  /// the last one used for (account, message, lang). The same event asking
  /// again gets the same answer, not the next one.
  std::size_t pick(std::string_view account, std::string_view message_name, std::string_view lang, std::size_t count,
                   std::string_view seed);

  /// The state key of (account, message, lang): message names and language
  /// codes have no '/', so the key reads back unambiguously from the right.
  static std::string state_key(std::string_view account, std::string_view message_name, std::string_view lang);

 private:
  PluginContext& context_;
  std::mutex mutex_;  // one key's load and save are one step for concurrent events
};

}  // namespace parley::playbook
