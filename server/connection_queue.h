// The HTTP library's connection workers, bounded: a fixed set of threads serves
// connections, at most `backlog` more wait for one, and any beyond that are answered at
// once with 503 and Retry-After by a thread of their own (is_rejecting_thread()) instead of
// queueing without bound. (Debian's cpp-httplib is a shared library, so its compile-time
// thread-pool setting cannot be changed; Server::new_task_queue can.)
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include <httplib.h>

namespace kaiji::server {

class ConnectionQueue : public httplib::TaskQueue {
 public:
  ConnectionQueue(std::size_t workers, std::size_t backlog);
  ~ConnectionQueue() override;

  void enqueue(std::function<void()> fn) override;
  void shutdown() override;

 private:
  // A set of threads taking jobs from one queue.
  struct Lane {
    std::deque<std::function<void()>> jobs;
    std::vector<std::thread> threads;
  };
  void run(Lane& lane, bool rejecting);

  std::size_t backlog_;
  std::mutex mutex_;
  std::condition_variable ready_;
  bool stopping_ = false;
  Lane serving_, rejecting_;
};

// True on the thread that answers connections the queue had no room for.
bool is_rejecting_thread();

}  // namespace kaiji::server
