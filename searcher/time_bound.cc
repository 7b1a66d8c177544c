#include "time_bound.h"

namespace kaiji {

TimeBound::TimeBound(double seconds)
    : bounded_(seconds > 0),
      end_(Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds))) {}

double TimeBound::left() const { return std::chrono::duration<double>(end_ - Clock::now()).count(); }

void TimeBound::apply(Xapian::Enquire& enquire) const {
  if (bounded_ && left() >= kLeastArmed) enquire.set_time_limit(left());
}

Xapian::doccount TimeBound::examine(Xapian::doccount wanted) const {
  return bounded_ && left() < kLeastArmed ? 0 : wanted;
}

bool TimeBound::passed() const { return bounded_ && Clock::now() >= end_; }

}  // namespace kaiji
