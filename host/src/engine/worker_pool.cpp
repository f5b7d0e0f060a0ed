#include "engine/worker_pool.hpp"

namespace parley::host {

std::size_t worker_count(int configured, std::size_t cores, bool commits_overlapped) {
  if (configured > 0) return static_cast<std::size_t>(configured);
  const std::size_t spare = commits_overlapped ? 1 : 0;
  return cores > spare + 1 ? cores - spare : 1;
}

WorkerPool::WorkerPool(std::size_t threads)
    : size_(threads == 0 ? worker_count(0, std::thread::hardware_concurrency(), false) : threads) {
  if (size_ == 1) return;
  for (std::size_t index = 0; index < size_; ++index) threads_.emplace_back([this, index] { work(index); });
}

WorkerPool::~WorkerPool() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  for (auto& thread : threads_) thread.join();
}

void WorkerPool::run_each(const std::function<void(std::size_t)>& task) {
  if (threads_.empty()) {
    task(0);
    return;
  }
  std::unique_lock lock(mutex_);
  task_ = &task;
  remaining_ = size_;
  ++generation_;
  wake_.notify_all();
  done_.wait(lock, [this] { return remaining_ == 0; });
  task_ = nullptr;
}

void WorkerPool::work(std::size_t index) {
  std::size_t seen_generation = 0;
  for (;;) {
    const std::function<void(std::size_t)>* task = nullptr;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [&] { return stopping_ || generation_ != seen_generation; });
      if (stopping_) return;
      seen_generation = generation_;
      task = task_;
    }
    (*task)(index);
    std::lock_guard lock(mutex_);
    if (--remaining_ == 0) done_.notify_one();
  }
}

}  // namespace parley::host
