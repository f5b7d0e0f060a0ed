#include "variant_picker.hpp"

#include <charconv>
#include <cstdint>
#include <optional>

namespace parley::playbook {
namespace {

// FNV-1a: the same seed gives the same start on every platform and run
// (std::hash gives no such promise).
std::uint64_t fnv1a(std::string_view text) {
  std::uint64_t hash = 14695981039346656037ull;
  for (const unsigned char c : text) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  return hash;
}

/// The last choice for one key and the seed (event id) it was made for,
/// saved as "<index> <seed>".
struct LastChoice {
  std::size_t index = 0;
  std::string seed;
};

std::optional<LastChoice> parse_last_choice(const std::optional<std::string>& saved) {
  if (!saved) return std::nullopt;
  const auto space = saved->find(' ');
  if (space == std::string::npos) return std::nullopt;
  LastChoice last;
  const auto* begin = saved->data();
  const auto parsed = std::from_chars(begin, begin + space, last.index);
  if (parsed.ec != std::errc() || parsed.ptr != begin + space) return std::nullopt;  // not ours: start afresh
  last.seed = saved->substr(space + 1);
  return last;
}

}  // namespace

std::string VariantPicker::state_key(std::string_view account, std::string_view message_name, std::string_view lang) {
  std::string key = "last_variant/";
  key.append(account).append("/").append(message_name).append("/").append(lang);
  return key;
}

std::size_t VariantPicker::pick(std::string_view account, std::string_view message_name, std::string_view lang,
                                std::size_t count, std::string_view seed) {
  if (count <= 1) return 0;
  auto index = static_cast<std::size_t>(fnv1a(seed) % count);
  const auto key = state_key(account, message_name, lang);
  const std::lock_guard lock(mutex_);
  if (const auto last = parse_last_choice(context_.load_state(key))) {
    if (last->seed == seed && last->index < count) return last->index;
    if (last->index == index) index = (index + 1) % count;
  }
  context_.save_state(key, std::to_string(index) + " " + std::string(seed));
  return index;
}

}  // namespace parley::playbook
