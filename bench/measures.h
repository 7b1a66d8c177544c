// What every benchmark shares: the query mix and the statistics of its timings.
#pragma once

#include <string>
#include <vector>

namespace kaiji::bench {

// The queries of a mix file, one per line; blank lines and # comments are skipped.
std::vector<std::string> read_queries(const std::string& path);

// The value below which a share p (0..1) of the values lie; 0 for none.
double percentile(std::vector<double> values, double p);

double median(std::vector<double> values);

}  // namespace kaiji::bench
