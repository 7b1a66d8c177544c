// The words of an analysed text as two paths, the same for documents and queries:
// `main` keeps dictionary compounds whole (不正アクセス), `leaves` replaces each compound
// with its parts (不正, アクセス). Stop words are dropped from both but counted in
// `span`, so a phrase or NEAR window over the words still fits.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "analysis/analyzer.h"

namespace kaiji {

struct WordPaths {
  std::vector<std::string> main;
  std::vector<std::string> leaves;
  std::uint32_t span = 0;  // positions from the first word to the last
};

WordPaths split_paths(const std::vector<Token>& tokens);

}  // namespace kaiji
