// One indexer per index at a time. The lock is an flock() on <index>/kaiji.lock, so the
// kernel releases it when the holder dies, even by kill -9; the file says who holds it,
// for the message the second indexer prints.
#pragma once

#include <stdexcept>
#include <string>

namespace kaiji {

class IndexLockedError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class IndexLock {
 public:
  // Takes the lock or throws IndexLockedError ("index DIR is locked by kaiji-indexer
  // (pid 1234 on host, since …)"). Throws std::runtime_error when the lock file cannot
  // be created.
  explicit IndexLock(const std::string& index_dir);
  ~IndexLock();
  IndexLock(const IndexLock&) = delete;
  IndexLock& operator=(const IndexLock&) = delete;

 private:
  int fd_ = -1;
};

}  // namespace kaiji
