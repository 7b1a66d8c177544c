#include "analysis/word_paths.h"

#include <algorithm>

namespace kaiji {

WordPaths split_paths(const std::vector<Token>& tokens) {
  WordPaths paths;
  if (tokens.empty()) return paths;
  const std::uint32_t first = tokens.front().position;
  std::uint32_t last = first;
  for (std::size_t k = 0; k < tokens.size(); ++k) {
    const Token& t = tokens[k];
    last = std::max(last, t.position);
    if (t.is_part) {
      if (t.indexable) paths.leaves.push_back(t.term);
      continue;
    }
    const bool has_parts = k + 1 < tokens.size() && tokens[k + 1].is_part;
    if (!t.indexable) continue;
    paths.main.push_back(t.term);
    if (!has_parts) paths.leaves.push_back(t.term);
  }
  paths.span = last - first + 1;
  return paths;
}

}  // namespace kaiji
