#include "connection_queue.h"

namespace kaiji::server {
namespace {

thread_local bool t_rejecting = false;
constexpr std::size_t kRejectingThreads = 2;
// Connections waiting to be refused: beyond this the oldest is served a 503 late rather
// than the queue growing (each holds only a socket and a closure).
constexpr std::size_t kMaxRejecting = 1024;

}  // namespace

bool is_rejecting_thread() { return t_rejecting; }

ConnectionQueue::ConnectionQueue(std::size_t workers, std::size_t backlog) : backlog_(backlog) {
  for (std::size_t k = 0; k < workers; ++k) serving_.threads.emplace_back([this] { run(serving_, false); });
  for (std::size_t k = 0; k < kRejectingThreads; ++k) rejecting_.threads.emplace_back([this] { run(rejecting_, true); });
}

ConnectionQueue::~ConnectionQueue() { shutdown(); }

void ConnectionQueue::enqueue(std::function<void()> fn) {
  {
    std::lock_guard lock(mutex_);
    // Jobs are never dropped: each closes its connection's socket when it runs.
    if (serving_.jobs.size() < backlog_ || rejecting_.jobs.size() >= kMaxRejecting) {
      serving_.jobs.push_back(std::move(fn));
    } else {
      rejecting_.jobs.push_back(std::move(fn));
    }
  }
  ready_.notify_all();
}

void ConnectionQueue::shutdown() {
  {
    std::lock_guard lock(mutex_);
    if (stopping_) return;
    stopping_ = true;
  }
  ready_.notify_all();
  for (Lane* lane : {&serving_, &rejecting_}) {
    for (std::thread& t : lane->threads) t.join();
  }
}

void ConnectionQueue::run(Lane& lane, bool rejecting) {
  t_rejecting = rejecting;
  for (;;) {
    std::function<void()> job;
    {
      std::unique_lock lock(mutex_);
      ready_.wait(lock, [&] { return stopping_ || !lane.jobs.empty(); });
      if (lane.jobs.empty()) return;  // stopping, and nothing left to close
      job = std::move(lane.jobs.front());
      lane.jobs.pop_front();
    }
    job();
  }
}

}  // namespace kaiji::server
