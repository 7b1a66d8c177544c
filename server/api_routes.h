// The routes of /api/v1 and /health: each reads its parameters (api_params.h), leases a
// search engine (engine_pool.h), asks it, and writes its answer as JSON (api_output.h).
// No search logic lives here.
#pragma once

#include <httplib.h>

#include "base/taxonomy.h"
#include "engine_pool.h"
#include "server_options.h"

namespace kaiji::server {

// pool, taxonomy and options must outlive server.
void install_api_routes(httplib::Server& server, EnginePool& pool, const Taxonomy& taxonomy,
                        const ServerOptions& options);

}  // namespace kaiji::server
