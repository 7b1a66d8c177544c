// One analyser for all unit tests (they run on one thread): loading MeCab and the tables
// takes a moment.
#pragma once

#include "analysis/analyzer.h"

namespace kaiji::testing {

inline Analyzer& analyzer() {
  static Analyzer instance(default_analysis_options());
  return instance;
}

// The indexable, non-part terms of a text, in order.
inline std::vector<std::string> words(std::string_view text) {
  std::vector<std::string> out;
  for (const Token& t : analyzer().analyze(text)) {
    if (t.indexable && !t.is_part) out.push_back(t.term);
  }
  return out;
}

}  // namespace kaiji::testing
