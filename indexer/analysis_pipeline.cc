#include "analysis_pipeline.h"

namespace kaiji {

AnalysisPipeline::AnalysisPipeline(std::size_t workers, std::size_t in_flight, Analyse analyse, Write write)
    : analyse_(std::move(analyse)), write_(std::move(write)), in_flight_limit_(std::max<std::size_t>(in_flight, 1)) {
  for (std::size_t w = 0; w < std::max<std::size_t>(workers, 1); ++w) threads_.emplace_back([this, w] { work(w); });
  threads_.emplace_back([this] { write_loop(); });
}

AnalysisPipeline::~AnalysisPipeline() {
  // Destroyed without finish() (the reader threw): queued notices are abandoned, not
  // analysed, so the threads are stopped as by an error. After finish() they have
  // already returned and this changes nothing.
  {
    const std::lock_guard lock(mutex_);
    closing_ = true;
    if (!error_) error_ = std::make_exception_ptr(std::runtime_error("indexing stopped"));
  }
  wake_all();
  // The jthreads join here.
}

void AnalysisPipeline::wake_all() {
  work_queued_.notify_all();
  next_done_.notify_all();
  written_more_.notify_all();
}

void AnalysisPipeline::fail(std::exception_ptr error) {
  {
    const std::lock_guard lock(mutex_);
    if (!error_) error_ = error;
  }
  wake_all();
}

void AnalysisPipeline::rethrow_if_failed() {
  if (error_) std::rethrow_exception(error_);
}

void AnalysisPipeline::push(AnalysisJob job) {
  {
    std::unique_lock lock(mutex_);
    written_more_.wait(lock, [this] { return error_ || pushed_ - written_ < in_flight_limit_; });
    rethrow_if_failed();
    queue_.emplace_back(pushed_++, std::move(job));
  }
  work_queued_.notify_one();
}

void AnalysisPipeline::finish() {
  std::unique_lock lock(mutex_);
  closing_ = true;
  work_queued_.notify_all();
  next_done_.notify_all();
  written_more_.wait(lock, [this] { return error_ || written_ == pushed_; });
  rethrow_if_failed();
}

void AnalysisPipeline::work(std::size_t worker) {
  while (true) {
    std::pair<std::size_t, AnalysisJob> item;
    {
      std::unique_lock lock(mutex_);
      work_queued_.wait(lock, [this] { return error_ || closing_ || !queue_.empty(); });
      if (error_ || queue_.empty()) return;  // failed, or closing with nothing left
      item = std::move(queue_.front());
      queue_.pop_front();
    }
    bool is_next = false;
    try {
      Xapian::Document document = analyse_(item.second, worker);
      const std::lock_guard lock(mutex_);
      done_.emplace(item.first, Done{std::move(item.second), std::move(document)});
      is_next = item.first == written_;
    } catch (...) {
      fail(std::current_exception());
      return;
    }
    // The writer waits for one notice only; any other it finds done when it gets there.
    if (is_next) next_done_.notify_one();
  }
}

void AnalysisPipeline::write_loop() {
  while (true) {
    Done next;
    {
      std::unique_lock lock(mutex_);
      next_done_.wait(lock, [this] {
        return error_ || (closing_ && written_ == pushed_) || done_.contains(written_);
      });
      if (error_ || !done_.contains(written_)) return;
      auto node = done_.extract(written_);
      next = std::move(node.mapped());
    }
    try {
      write_(next.job, std::move(next.document));
    } catch (...) {
      fail(std::current_exception());
      return;
    }
    {
      const std::lock_guard lock(mutex_);
      ++written_;
    }
    written_more_.notify_all();  // push() and finish() may both wait
  }
}

}  // namespace kaiji
