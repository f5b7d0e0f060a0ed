// WorkerPool: a fixed set of threads that run one batch of shards at a time.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace parley::host {

/// How many workers `workers: N` means. N > 0 is taken as given; 0 is one
/// per core, less one core left to the commit thread when commits overlap
/// handling (a state file, docs/adr/0019): on two cores, two workers beside
/// the commit thread ran 15% slower than one (docs/performance.md,
/// "Workers beside the commit thread"). Never fewer than one.
std::size_t worker_count(int configured, std::size_t cores, bool commits_overlapped);

class WorkerPool {
 public:
  /// `threads` = 0 picks the number of cores. With one thread, work runs on
  /// the caller's thread (no hand-off cost).
  explicit WorkerPool(std::size_t threads);
  ~WorkerPool();
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  std::size_t size() const { return size_; }

  /// Calls task(0) .. task(size()-1), each on its own worker, and returns
  /// when all are done. `task` must not throw.
  void run_each(const std::function<void(std::size_t)>& task);

 private:
  void work(std::size_t index);

  std::size_t size_;
  std::vector<std::thread> threads_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::condition_variable done_;
  const std::function<void(std::size_t)>* task_ = nullptr;
  std::size_t generation_ = 0;
  std::size_t remaining_ = 0;
  bool stopping_ = false;
};

}  // namespace parley::host
