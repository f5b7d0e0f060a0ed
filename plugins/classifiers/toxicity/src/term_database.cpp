#include "term_database.hpp"

#include <hs/hs.h>

#include <algorithm>
#include <atomic>
#include <limits>
#include <stdexcept>

namespace parley::toxicity {
namespace {

// One scratch per thread, grown for every database the thread has scanned.
// hs_alloc_scratch() is only called the first time a thread meets a database
// (ids are never reused, so a remembered id always means "already fits").
struct ThreadScratch {
  hs_scratch_t* scratch = nullptr;
  std::vector<std::uint64_t> prepared_for;
  ~ThreadScratch() { hs_free_scratch(scratch); }
};

hs_scratch_t* scratch_for(const hs_database_t* database, std::uint64_t id) {
  thread_local ThreadScratch local;
  if (std::find(local.prepared_for.begin(), local.prepared_for.end(), id) == local.prepared_for.end()) {
    if (hs_alloc_scratch(database, &local.scratch) != HS_SUCCESS) {
      throw std::runtime_error("toxicity: vectorscan could not allocate scratch space");
    }
    if (local.prepared_for.size() >= 64) local.prepared_for.clear();  // many reloads: forget, re-check later
    local.prepared_for.push_back(id);
  }
  return local.scratch;
}

struct ScanContext {
  const std::vector<std::uint32_t>* lengths;
  std::vector<LiteralHit>* hits;
};

int on_match(unsigned int id, unsigned long long /*from*/, unsigned long long to, unsigned int /*flags*/,
             void* context) {
  auto& scan = *static_cast<ScanContext*>(context);
  scan.hits->push_back({id, static_cast<std::uint32_t>(to - (*scan.lengths)[id])});
  return 0;  // keep scanning
}

std::atomic<std::uint64_t> next_database_id{1};

}  // namespace

TermDatabase::TermDatabase(const std::vector<std::string>& literals) : id_(next_database_id++) {
  if (literals.empty()) return;
  std::vector<const char*> expressions;
  std::vector<std::size_t> sizes;
  std::vector<unsigned int> flags(literals.size(), 0);
  std::vector<unsigned int> ids;
  for (std::size_t i = 0; i < literals.size(); ++i) {
    expressions.push_back(literals[i].data());
    sizes.push_back(literals[i].size());
    ids.push_back(static_cast<unsigned int>(i));
    lengths_.push_back(static_cast<std::uint32_t>(literals[i].size()));
  }
  hs_compile_error_t* error = nullptr;
  if (hs_compile_lit_multi(expressions.data(), flags.data(), ids.data(), sizes.data(),
                           static_cast<unsigned int>(literals.size()), HS_MODE_BLOCK, nullptr, &database_,
                           &error) != HS_SUCCESS) {
    std::string message = error != nullptr && error->message != nullptr ? error->message : "unknown error";
    hs_free_compile_error(error);
    throw std::runtime_error("toxicity: vectorscan refused the word lists: " + message);
  }
}

TermDatabase::~TermDatabase() { hs_free_database(database_); }

void TermDatabase::scan(std::string_view text, std::vector<LiteralHit>& hits) const {
  if (database_ == nullptr || text.empty()) return;
  text = text.substr(0, std::numeric_limits<unsigned int>::max());
  ScanContext context{&lengths_, &hits};
  if (hs_scan(database_, text.data(), static_cast<unsigned int>(text.size()), 0, scratch_for(database_, id_), on_match,
              &context) != HS_SUCCESS) {
    throw std::runtime_error("toxicity: vectorscan scan failed");
  }
}

}  // namespace parley::toxicity
