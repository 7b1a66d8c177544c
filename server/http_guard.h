// What every response of kaiji-server gets, whatever the route: the security headers,
// the bearer token check, CORS for the one origin named, 503 for connections the queue had
// no room for, and JSON bodies for every error, the HTTP library's own among them (never an
// HTML error page).
#pragma once

#include <httplib.h>

#include "api_error.h"
#include "server_options.h"

namespace kaiji::server {

// Installs the headers and handlers on server. options must outlive it.
void install_guards(httplib::Server& server, const ServerOptions& options);

// The error as the response: status, JSON body, and Retry-After for 503.
void answer_error(httplib::Response& res, const ApiError& error);

}  // namespace kaiji::server
