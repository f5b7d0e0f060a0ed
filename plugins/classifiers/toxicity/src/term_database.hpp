// TermDatabase: one vectorscan (Hyperscan) literal database over many
// patterns, compiled once at construction and scanned per text. Scanning is
// thread-safe: each thread has its own scratch space.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

struct hs_database;

namespace parley::toxicity {

struct LiteralHit {
  std::uint32_t pattern = 0;  ///< index into the literals given to the constructor
  std::uint32_t start = 0;    ///< byte offset of the match in the scanned text
};

class TermDatabase {
 public:
  /// Throws std::runtime_error when vectorscan refuses the patterns.
  explicit TermDatabase(const std::vector<std::string>& literals);
  ~TermDatabase();
  TermDatabase(const TermDatabase&) = delete;
  TermDatabase& operator=(const TermDatabase&) = delete;

  /// Appends every occurrence of every literal in `text` (overlapping ones
  /// too), in the order vectorscan reports them (by end offset).
  void scan(std::string_view text, std::vector<LiteralHit>& hits) const;

 private:
  hs_database* database_ = nullptr;  ///< null when there are no literals
  std::vector<std::uint32_t> lengths_;
  std::uint64_t id_ = 0;  ///< unique per database, never reused (scratch bookkeeping)
};

}  // namespace parley::toxicity
