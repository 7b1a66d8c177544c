#include "http_load.h"

#include <chrono>
#include <mutex>
#include <thread>

#include <httplib.h>

namespace kaiji::bench {
namespace {
using Clock = std::chrono::steady_clock;

std::unique_ptr<httplib::Client> client_for(int port) {
  auto client = std::make_unique<httplib::Client>("127.0.0.1", port);
  client->set_keep_alive(true);
  client->set_connection_timeout(5);
  client->set_read_timeout(30);
  return client;
}

}  // namespace

LoadResult run_load(int port, const std::vector<std::string>& paths, const LoadBounds& bounds,
                    const AnswerCheck& check, const std::atomic<bool>* hold_open) {
  std::atomic<std::size_t> next{0};
  std::mutex merge;
  LoadResult result;
  const auto start = Clock::now();
  const auto deadline = start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(bounds.seconds));
  const auto client_loop = [&] {
    const auto client = client_for(port);
    std::vector<double> ms;
    std::size_t failed = 0;
    std::string first_failure;
    while (Clock::now() < deadline) {
      const std::size_t ticket = next.fetch_add(1);
      if (ticket >= bounds.requests && !(hold_open && hold_open->load())) break;
      const std::string& path = paths[ticket % paths.size()];
      const auto sent = Clock::now();
      const httplib::Result answer = client->Get(path.c_str());
      const double elapsed = std::chrono::duration<double, std::milli>(Clock::now() - sent).count();
      if (answer && check(answer->status, answer->body)) {
        ms.push_back(elapsed);
        continue;
      }
      if (failed++ == 0) {
        first_failure = path + ": " + (answer ? "HTTP " + std::to_string(answer->status) + " " + answer->body.substr(0, 200)
                                              : "no answer (" + httplib::to_string(answer.error()) + ")");
      }
    }
    const std::lock_guard lock(merge);
    result.ms.insert(result.ms.end(), ms.begin(), ms.end());
    if (result.failed == 0) result.first_failure = first_failure;
    result.failed += failed;
  };
  std::vector<std::jthread> clients;
  for (int c = 0; c < bounds.clients; ++c) clients.emplace_back(client_loop);
  clients.clear();  // joins them
  result.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  return result;
}

bool wait_until_answering(int port, const std::string& path, double seconds, const std::function<bool()>& alive) {
  const auto deadline = Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
  while (Clock::now() < deadline && alive()) {
    if (const auto answer = client_for(port)->Get(path.c_str()); answer && answer->status == 200) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return false;
}

std::string http_get(int port, const std::string& path) {
  const auto answer = client_for(port)->Get(path.c_str());
  return answer && answer->status == 200 ? answer->body : std::string();
}

std::string with_query(const std::string& path, const std::vector<std::pair<std::string, std::string>>& params) {
  httplib::Params encoded;
  for (const auto& [name, value] : params) encoded.emplace(name, value);
  return path + "?" + httplib::detail::params_to_query_str(encoded);
}

}  // namespace kaiji::bench
