// ByteTrie: a trie over UTF-8 bytes with values at key ends, frozen into flat
// arrays. Two queries: the keys that are prefixes of a string (stem lookup
// for `prefix` matching) and, with failure links (Aho-Corasick), every key
// occurring anywhere in a string (`substring` matching) in one pass.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

namespace parley::text {

class ByteTrie {
 public:
  ByteTrie();

  /// Adds `key` (non-empty) with `value`. Only before freeze().
  void insert(std::string_view key, std::uint32_t value);

  /// Builds the lookup arrays (and failure links); no insert() afterwards.
  void freeze();

  bool empty() const { return key_count_ == 0; }

  /// Calls `visit(value)` for each key that is a prefix of `text` (including
  /// `text` itself), shortest key first.
  template <typename Visit>
  void for_each_prefix_of(std::string_view text, Visit&& visit) const {
    std::uint32_t node = kRoot;
    for (char ch : text) {
      node = child(node, static_cast<unsigned char>(ch));
      if (node == kNone) return;
      emit_own(node, visit);
    }
  }

  /// Calls `visit(value)` for every occurrence of every key in `text`
  /// (Aho-Corasick; linear in the text plus the number of occurrences).
  template <typename Visit>
  void for_each_occurrence_in(std::string_view text, Visit&& visit) const {
    std::uint32_t node = kRoot;
    for (char ch : text) {
      const auto byte = static_cast<unsigned char>(ch);
      std::uint32_t next = child(node, byte);
      while (next == kNone && node != kRoot) {
        node = nodes_[node].failure;
        next = child(node, byte);
      }
      node = next == kNone ? kRoot : next;
      emit_own(node, visit);
      for (std::uint32_t out = nodes_[node].output_link; out != kNone; out = nodes_[out].output_link) {
        emit_own(out, visit);
      }
    }
  }

 private:
  static constexpr std::uint32_t kRoot = 0;
  static constexpr std::uint32_t kNone = UINT32_MAX;

  // 20 bytes. Most nodes have one child: its byte and index sit in the
  // node itself, so a step down a chain reads no edge array.
  struct Node {
    std::uint32_t child_or_edges = 0;   // the only child, or the first edge in edge_bytes_/edge_targets_
    std::uint32_t values_begin = 0;     // into values_
    std::uint32_t failure = kRoot;      // longest proper suffix that is a trie path
    std::uint32_t output_link = kNone;  // nearest node on the failure chain with values
    std::uint8_t child_byte = 0;        // with edge_count 1
    std::uint8_t edge_count = 0;
    std::uint16_t value_count = 0;
  };
  static_assert(sizeof(Node) == 20);

  std::uint32_t child(std::uint32_t node, unsigned char byte) const {
    if (node == kRoot) return root_children_[byte];
    const Node& n = nodes_[node];
    if (n.edge_count == 1) return n.child_byte == byte ? n.child_or_edges : kNone;
    const std::uint32_t end = n.child_or_edges + n.edge_count;
    for (std::uint32_t e = n.child_or_edges; e < end; ++e) {
      if (edge_bytes_[e] == byte) return edge_targets_[e];
      if (edge_bytes_[e] > byte) break;
    }
    return kNone;
  }

  template <typename Visit>
  void emit_own(std::uint32_t node, Visit& visit) const {
    const Node& n = nodes_[node];
    for (std::uint32_t v = n.values_begin; v < n.values_begin + n.value_count; ++v) visit(values_[v]);
  }

  // Build-time representation, dropped by freeze().
  struct BuildNode {
    std::vector<std::pair<unsigned char, std::uint32_t>> children;
    std::vector<std::uint32_t> values;
  };
  std::vector<BuildNode> build_;

  std::vector<Node> nodes_;
  std::array<std::uint32_t, 256> root_children_{};
  std::vector<unsigned char> edge_bytes_;
  std::vector<std::uint32_t> edge_targets_;
  std::vector<std::uint32_t> values_;
  std::size_t key_count_ = 0;
  bool frozen_ = false;
};

}  // namespace parley::text
