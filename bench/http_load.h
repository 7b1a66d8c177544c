// Concurrent clients against one HTTP server on loopback: each client a thread with its
// own keep-alive connection, taking the next request of a shared list in turn, until a
// number of requests or a time is reached. What a user of a search service sees: the
// whole round trip of each request, parsing and JSON included.
#pragma once

#include <atomic>
#include <functional>
#include <string>
#include <vector>

namespace kaiji::bench {

struct LoadBounds {
  int clients = 4;
  std::size_t requests = 2000;  // for all clients together
  double seconds = 60;          // the load stops at the first of the two bounds
};

struct LoadResult {
  std::vector<double> ms;  // each answered request's round trip
  std::size_t failed = 0;  // no answer, or an answer the check refused
  std::string first_failure;
  double seconds = 0;
  std::size_t requests() const { return ms.size() + failed; }
  double per_second() const { return seconds > 0 ? static_cast<double>(requests()) / seconds : 0; }
};

// Whether an answer (HTTP status, body) is a success.
using AnswerCheck = std::function<bool(int status, const std::string& body)>;

// GETs paths (in turn, from the first) at 127.0.0.1:port. While `hold_open` is set the
// request bound does not end the load (the time bound still does).
LoadResult run_load(int port, const std::vector<std::string>& paths, const LoadBounds& bounds,
                    const AnswerCheck& check, const std::atomic<bool>* hold_open = nullptr);

// GETs the path until it answers 200 or `seconds` pass or `alive` says the server died.
bool wait_until_answering(int port, const std::string& path, double seconds, const std::function<bool()>& alive);

// One GET: the body when it answers 200, "" otherwise.
std::string http_get(int port, const std::string& path);

// The path with a query string of the (name, value) pairs, percent-encoded.
std::string with_query(const std::string& path, const std::vector<std::pair<std::string, std::string>>& params);

}  // namespace kaiji::bench
