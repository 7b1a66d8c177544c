// A search's time bound. Passes that examine every match (exact counts, facets,
// grouping, ranking partial matches) stop examining once it has passed — Xapian's
// Enquire::set_time_limit turns off their check_at_least — and the response says the
// search ran past it. A pass that starts with less than kLeastArmed left examines only
// what a ranked pass would: Xapian 1.4's timer notifies on a thread of its own that can
// outlive a short match and write into its finished stack frame (seen as "stack
// smashing detected" with microsecond limits), so it is armed only for passes that have
// time to run. Copied into the counting pass beside the ranked one.
#pragma once

#include <chrono>

#include <xapian.h>

namespace kaiji {

class TimeBound {
 public:
  // seconds from now; 0 (or less): no bound.
  explicit TimeBound(double seconds = 0);

  static constexpr double kLeastArmed = 0.05;  // seconds

  // What is left of the bound, for enquire's passes from now on (nothing when less than
  // kLeastArmed is left: see examine).
  void apply(Xapian::Enquire& enquire) const;
  // The check_at_least for a pass that wants to examine `wanted` matches: wanted, or 0
  // once less than kLeastArmed is left.
  Xapian::doccount examine(Xapian::doccount wanted) const;
  bool passed() const;

 private:
  using Clock = std::chrono::steady_clock;
  double left() const;  // seconds; negative once passed
  bool bounded_ = false;
  Clock::time_point end_;
};

}  // namespace kaiji
