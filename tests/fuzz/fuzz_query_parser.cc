// Any query string: the parser returns a tree or a QuerySyntaxError with a column (≥ 1;
// NFKC may lengthen the query, so no upper bound holds), never crashes or hangs.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "query_syntax.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string query(reinterpret_cast<const char*>(data), size);
  try {
    (void)kaiji::parse_query(query);
  } catch (const kaiji::QuerySyntaxError& e) {
    if (e.column() < 1) std::abort();
  }
  return 0;
}
