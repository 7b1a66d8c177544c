// Analysis in parallel, writing in order: the reader pushes notices, worker threads each
// run their own analyser (a MeCab tagger is not shared between threads) and build
// documents, and one writer thread receives the documents in the order the notices were
// pushed, so every run writes the same index. At most `in_flight` notices are held at
// once, which bounds memory however large the input.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

#include <xapian.h>

#include "base/notice.h"

namespace kaiji {

struct AnalysisJob {
  Notice notice;
  std::uint64_t version = 0;               // group hash (input_scan.h)
  std::vector<std::string> source_files;   // absolute paths of the files it came from
  // What analysis found for the spelling table (index/spelling_words.h), written with it.
  std::vector<std::string> spelling_words;
};

class AnalysisPipeline {
 public:
  using Analyse = std::function<Xapian::Document(AnalysisJob& job, std::size_t worker)>;
  using Write = std::function<void(const AnalysisJob& job, Xapian::Document&& document)>;

  AnalysisPipeline(std::size_t workers, std::size_t in_flight, Analyse analyse, Write write);
  ~AnalysisPipeline();
  AnalysisPipeline(const AnalysisPipeline&) = delete;
  AnalysisPipeline& operator=(const AnalysisPipeline&) = delete;

  // Blocks while `in_flight` notices are already being processed. Rethrows the first
  // error a worker or the writer met.
  void push(AnalysisJob job);
  // Waits until everything pushed is written; rethrows the first error.
  void finish();

 private:
  struct Done {
    AnalysisJob job;
    Xapian::Document document;
  };
  void work(std::size_t worker);
  void write_loop();
  void fail(std::exception_ptr error);
  void wake_all();
  void rethrow_if_failed();

  Analyse analyse_;
  Write write_;
  std::size_t in_flight_limit_;

  // One condition per kind of waiter, each woken only when its wait may be over: a
  // single one for all, notified on every change, woke every thread for every notice
  // (~4% of indexing CPU in futex wake-ups and rescheduling).
  std::mutex mutex_;
  std::condition_variable work_queued_;    // workers: a notice to analyse, or closing
  std::condition_variable next_done_;      // writer: the next notice in order is analysed
  std::condition_variable written_more_;   // push() and finish(): a notice was written
  std::deque<std::pair<std::size_t, AnalysisJob>> queue_;
  std::map<std::size_t, Done> done_;
  std::size_t pushed_ = 0;
  std::size_t written_ = 0;
  bool closing_ = false;
  std::exception_ptr error_;
  std::vector<std::jthread> threads_;
};

}  // namespace kaiji
