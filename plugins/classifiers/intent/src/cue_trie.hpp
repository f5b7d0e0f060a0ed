// CueTrie: many cues (words, phrases, stems) matched against a folded text in
// one pass. A cue is a sequence of folded words; a word written with a
// trailing `*` is a stem that matches any word starting with it ("refund*"
// matches "refunded", "zwrot* pieniędz*" matches "zwrotu pieniędzy").
//
// The trie is over the bytes of the folded text (tokens joined by single
// spaces, see parley_text's NormalizedText). A walk starts at each token
// start and follows bytes; a node where a stem ends carries a "skip to the
// end of this word" edge. Cost per text: one short walk per token, whatever
// the number of cues. Arabic proclitics (و ف ب ل ال and their combinations)
// are tried as optional prefixes, since Arabic writes them joined to the word.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "text_normalizer.hpp"

namespace parley::intent {

class CueTrie {
 public:
  CueTrie();

  /// Adds a cue already split into folded words; `stem[i]` says whether word
  /// i matches as a prefix. Returns false when `words` is empty. Only before freeze().
  bool insert(const std::vector<std::string>& words, const std::vector<bool>& stem, std::uint32_t value);

  /// Builds the lookup arrays; insert() is refused afterwards.
  void freeze();

  bool empty() const { return key_count_ == 0; }
  std::size_t size() const { return key_count_; }

  /// Calls `visit(value, token_index)` for every cue occurrence in `text`
  /// (token_index: the token where the occurrence starts). A cue may be
  /// reported more than once.
  template <typename Visit>
  void for_each_match(const text::NormalizedText& text, Visit&& visit) const {
    if (key_count_ == 0) return;
    const std::string_view all(text.text);
    for (std::size_t token = 0; token < text.tokens.size(); ++token) {
      const auto span = text.tokens[token];
      walk(all, kRoot, span.begin, token, visit);
      for (std::size_t clitic : arabic_clitic_lengths(all.substr(span.begin, span.end - span.begin))) {
        if (clitic == 0) break;
        walk(all, kRoot, span.begin + clitic, token, visit);
      }
    }
  }

 private:
  static constexpr std::uint32_t kRoot = 0;
  static constexpr std::uint32_t kNone = UINT32_MAX;

  // 16 bytes. Most nodes (four in five) have one child: its byte and index
  // sit in the node itself, so a step down a chain reads one node and no
  // edge array (docs/performance.md, "Classifier suite").
  struct Node {
    std::uint32_t child_or_edges = 0;  // the only child, or the first edge in edge_bytes_/edge_targets_
    std::uint32_t values_begin = 0;    // word values, then stem values, in values_
    std::uint32_t after_stem = kNone;  // continues a phrase after a stem, from the word's end
    std::uint8_t child_byte = 0;       // with edge_count 1
    std::uint8_t edge_count = 0;
    std::uint8_t word_values = 0;  // cues ending here at a word end
    std::uint8_t stem_values = 0;  // cues ending here with a stem (any rest of the word)
  };
  static_assert(sizeof(Node) == 16);

  /// Lengths in bytes of Arabic proclitics that `token` starts with, longest
  /// first, leaving at least two letters; unused entries are 0.
  static std::array<std::size_t, 3> arabic_clitic_lengths(std::string_view token);

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
  void walk(std::string_view all, std::uint32_t node, std::size_t pos, std::size_t token, Visit& visit) const {
    while (true) {
      const Node& n = nodes_[node];
      const std::uint32_t stems_begin = n.values_begin + n.word_values;
      for (std::uint32_t v = stems_begin; v < stems_begin + n.stem_values; ++v) visit(values_[v], token);
      const bool at_word_end = pos == all.size() || all[pos] == ' ';
      if (at_word_end) {
        for (std::uint32_t v = n.values_begin; v < stems_begin; ++v) visit(values_[v], token);
      }
      if (n.after_stem != kNone) {
        // A stem swallows the rest of the current word; the phrase goes on from its end.
        std::size_t word_end = at_word_end ? pos : all.find(' ', pos);
        if (word_end == std::string_view::npos) word_end = all.size();
        walk(all, n.after_stem, word_end, token, visit);
      }
      if (pos == all.size()) return;
      node = child(node, static_cast<unsigned char>(all[pos]));
      if (node == kNone) return;
      ++pos;
    }
  }

  struct BuildNode {
    std::vector<std::pair<unsigned char, std::uint32_t>> children;
    std::vector<std::uint32_t> word_values;
    std::vector<std::uint32_t> stem_values;
    std::uint32_t after_stem = kNone;
  };
  std::uint32_t build_child(std::uint32_t node, unsigned char byte);

  std::vector<BuildNode> build_;
  std::vector<Node> nodes_;
  std::array<std::uint32_t, 256> root_children_{};
  std::vector<unsigned char> edge_bytes_;
  std::vector<std::uint32_t> edge_targets_;
  std::vector<std::uint32_t> values_;
  std::size_t key_count_ = 0;
  bool frozen_ = false;
};

}  // namespace parley::intent
