#include "variant_picker.hpp"

#include <cstdint>

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

}  // namespace

std::size_t VariantPicker::pick(std::string_view account, std::string_view message_name, std::string_view lang,
                                std::size_t count, std::string_view seed) {
  if (count <= 1) return 0;
  auto index = static_cast<std::size_t>(fnv1a(seed) % count);
  std::tuple<std::string, std::string, std::string> key{account, message_name, lang};
  const std::lock_guard lock(mutex_);
  if (const auto found = last_.find(key); found != last_.end()) {
    auto& last = found->second;
    if (last.seed == seed && last.index < count) return last.index;
    if (last.index == index) index = (index + 1) % count;
    last = {index, std::string(seed)};
    return index;
  }
  if (last_.size() >= kMaxRemembered) last_.clear();
  last_.emplace(std::move(key), Last{index, std::string(seed)});
  return index;
}

}  // namespace parley::playbook
