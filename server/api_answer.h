// Running an API handler: a leased engine, and every failure turned into its JSON error
// (query syntax → 400 with its column, unknown notice → 404, all engines busy → 503, …).
#pragma once

#include <chrono>
#include <functional>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "engine_pool.h"

namespace kaiji::server {

// Runs answer with an engine of pool's (waiting at most wait for one) and sends what it
// returns as the JSON body; any exception becomes its error response.
void answer_json(httplib::Response& res, EnginePool& pool, std::chrono::milliseconds wait,
                 const std::function<nlohmann::ordered_json(SearchEngine&)>& answer);

// The same for handlers that write the response themselves (streams).
void answer_with(httplib::Response& res, EnginePool& pool, std::chrono::milliseconds wait,
                 const std::function<void(EnginePool::Lease&&)>& answer);

void send_json(httplib::Response& res, const nlohmann::ordered_json& body);

}  // namespace kaiji::server
