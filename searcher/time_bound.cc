#include "time_bound.h"

#include <algorithm>

namespace kaiji {

TimeBound::TimeBound(double seconds)
    : bounded_(seconds > 0),
      end_(Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds))) {}

void TimeBound::apply(Xapian::Enquire& enquire) const {
  if (!bounded_) return;
  const double left = std::chrono::duration<double>(end_ - Clock::now()).count();
  // set_time_limit(0) would mean no limit: a bound already passed stops at once.
  enquire.set_time_limit(std::max(left, 1e-6));
}

bool TimeBound::passed() const { return bounded_ && Clock::now() >= end_; }

}  // namespace kaiji
