#include "cue_trie.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace parley::intent {

CueTrie::CueTrie() : build_(1) { root_children_.fill(kNone); }

std::uint32_t CueTrie::build_child(std::uint32_t node, unsigned char byte) {
  for (const auto& [edge, target] : build_[node].children) {
    if (edge == byte) return target;
  }
  const auto created = static_cast<std::uint32_t>(build_.size());
  build_.emplace_back();
  build_[node].children.emplace_back(byte, created);
  return created;
}

bool CueTrie::insert(const std::vector<std::string>& words, const std::vector<bool>& stem, std::uint32_t value) {
  if (frozen_) throw std::logic_error("CueTrie: insert after freeze");
  if (words.empty()) return false;
  std::uint32_t node = kRoot;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (words[i].empty()) return false;
    if (i > 0) node = build_child(node, ' ');
    for (char ch : words[i]) node = build_child(node, static_cast<unsigned char>(ch));
    const bool last = i + 1 == words.size();
    if (last) {
      // The same cue twice (two spellings that fold alike) is one cue, not
      // twice the evidence.
      auto& values = stem[i] ? build_[node].stem_values : build_[node].word_values;
      if (std::find(values.begin(), values.end(), value) == values.end()) values.push_back(value);
    } else if (stem[i]) {
      if (build_[node].after_stem == kNone) {
        build_[node].after_stem = static_cast<std::uint32_t>(build_.size());
        build_.emplace_back();
      }
      node = build_[node].after_stem;
    }
  }
  ++key_count_;
  return true;
}

void CueTrie::freeze() {
  if (frozen_) return;
  frozen_ = true;
  // A node keeps its counts in a byte each: nodes have a few dozen children
  // and cues at most, and a longer list is refused, never cut.
  const auto narrow = [](std::size_t count, const char* what) {
    if (count > UINT8_MAX) throw std::length_error(std::string("CueTrie: more than 255 ") + what + " on one node");
    return static_cast<std::uint8_t>(count);
  };
  nodes_.resize(build_.size());
  for (std::size_t i = 0; i < build_.size(); ++i) {
    auto& b = build_[i];
    std::sort(b.children.begin(), b.children.end());
    Node& n = nodes_[i];
    if (i == kRoot) {
      for (const auto& [byte, target] : b.children) root_children_[byte] = target;
    } else if (b.children.size() == 1) {
      n.child_byte = b.children.front().first;
      n.child_or_edges = b.children.front().second;
      n.edge_count = 1;
    } else {
      n.child_or_edges = static_cast<std::uint32_t>(edge_bytes_.size());
      n.edge_count = narrow(b.children.size(), "children");
      for (const auto& [byte, target] : b.children) {
        edge_bytes_.push_back(byte);
        edge_targets_.push_back(target);
      }
    }
    n.values_begin = static_cast<std::uint32_t>(values_.size());
    n.word_values = narrow(b.word_values.size(), "cues");
    n.stem_values = narrow(b.stem_values.size(), "cues");
    values_.insert(values_.end(), b.word_values.begin(), b.word_values.end());
    values_.insert(values_.end(), b.stem_values.begin(), b.stem_values.end());
    n.after_stem = b.after_stem;
  }
  build_.clear();
  build_.shrink_to_fit();
}

std::array<std::size_t, 3> CueTrie::arabic_clitic_lengths(std::string_view token) {
  // Folded Arabic: alef forms are already plain alef (ا). Longest first.
  static constexpr std::string_view kClitics[] = {
      "وال", "بال", "فال", "كال", "لل", "ال", "وب", "و", "ف", "ب", "ل",
  };
  std::array<std::size_t, 3> found{};
  std::size_t count = 0;
  if (token.size() < 2 || static_cast<unsigned char>(token[0]) < 0xD8 || static_cast<unsigned char>(token[0]) > 0xDB) {
    return found;  // not Arabic script (U+0600..U+06FF start with D8..DB)
  }
  for (std::string_view clitic : kClitics) {
    if (count == found.size()) break;
    // Keep at least two letters (4 bytes) after the clitic.
    if (token.size() >= clitic.size() + 4 && token.starts_with(clitic)) found[count++] = clitic.size();
  }
  return found;
}

}  // namespace parley::intent
