// A search's time bound. Passes that examine every match (exact counts, facets,
// grouping, ranking partial matches) stop examining once it has passed — Xapian's
// Enquire::set_time_limit turns off their check_at_least — and the response says the
// search was cut short. Copied into the counting pass beside the ranked one.
#pragma once

#include <chrono>

#include <xapian.h>

namespace kaiji {

class TimeBound {
 public:
  // seconds from now; 0 (or less): no bound.
  explicit TimeBound(double seconds = 0);

  // What is left of the bound, for enquire's passes from now on.
  void apply(Xapian::Enquire& enquire) const;
  bool passed() const;

 private:
  using Clock = std::chrono::steady_clock;
  bool bounded_ = false;
  Clock::time_point end_;
};

}  // namespace kaiji
