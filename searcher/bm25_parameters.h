// The BM25 parameters of the ranked pass, which --like's term weights share: BM25 with
// the textbook parameters; Xapian's default b = 0.5 let long notices that mention a word
// in passing outrank short notices about it.
#pragma once

namespace kaiji {

inline constexpr double kBm25K1 = 1.2;
inline constexpr double kBm25B = 0.75;

}  // namespace kaiji
