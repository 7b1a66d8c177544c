// The notice model: what one disclosure notice is, before and after analysis.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "date.h"

namespace kaiji {

struct Notice {
  std::string id;                    // stable across runs (see notice_id.h)
  std::string incident;              // the blog's incident number, e.g. 2024-217; may be empty
  std::string org;                   // publishing organisation; may be empty
  std::string title;
  std::optional<Date> date;          // publication date
  std::vector<Date> release_dates;   // original release date(s) of the organisation's notice
  std::vector<std::string> labels;   // blog labels of the pages it appeared on
  std::string body;                  // cleaned text
  std::vector<std::string> sources;  // "file:line" of every place it was read from
};

}  // namespace kaiji
