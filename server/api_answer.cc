#include "api_answer.h"

#include <iostream>

#include "api_error.h"
#include "http_guard.h"
#include "query_builder.h"
#include "query_syntax.h"
#include "request_filters.h"

namespace kaiji::server {
namespace {

// What the engine throws, as the API's error.
ApiError api_error_of(std::exception_ptr thrown) {
  try {
    std::rethrow_exception(thrown);
  } catch (const ApiError& e) {
    return e;
  } catch (const QuerySyntaxError& e) {
    return {400, "query_syntax", e.what(), e.column()};
  } catch (const NothingToSearch& e) {
    return {400, "nothing_to_search", e.what()};
  } catch (const FilterError& e) {
    return {400, "bad_filter", e.what(), std::nullopt, e.valid()};
  } catch (const NoticeNotFound& e) {
    return {404, "not_found", e.what()};
  } catch (const Xapian::Error& e) {
    std::cerr << "kaiji-server: index error: " << e.get_description() << '\n';
    return {503, "index_unavailable", "the index could not be read just now: " + e.get_msg()};
  } catch (const std::exception& e) {
    std::cerr << "kaiji-server: " << e.what() << '\n';
    return {500, "internal", std::string("the server failed to answer: ") + e.what()};
  }
}

}  // namespace

void send_json(httplib::Response& res, const nlohmann::ordered_json& body) {
  res.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n",
                  "application/json; charset=utf-8");
}

void answer_with(httplib::Response& res, EnginePool& pool, std::chrono::milliseconds wait,
                 const std::function<void(EnginePool::Lease&&)>& answer) {
  try {
    std::optional<EnginePool::Lease> lease = pool.acquire(wait);
    if (!lease) throw ApiError(503, "overloaded", "every search worker is busy; try again shortly");
    answer(std::move(*lease));
  } catch (...) {
    answer_error(res, api_error_of(std::current_exception()));
  }
}

void answer_json(httplib::Response& res, EnginePool& pool, std::chrono::milliseconds wait,
                 const std::function<nlohmann::ordered_json(SearchEngine&)>& answer) {
  answer_with(res, pool, wait, [&](EnginePool::Lease&& lease) { send_json(res, answer(lease.engine())); });
}

}  // namespace kaiji::server
