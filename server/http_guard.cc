#include "http_guard.h"

#include <exception>
#include <iostream>

#include "connection_queue.h"

namespace kaiji::server {
namespace {

constexpr const char* kJson = "application/json; charset=utf-8";

// Compares every byte, so the time taken does not tell how much of a guess was right.
bool same_token(const std::string& given, const std::string& expected) {
  if (given.size() != expected.size()) return false;
  unsigned char differs = 0;
  for (std::size_t k = 0; k < given.size(); ++k) differs |= static_cast<unsigned char>(given[k] ^ expected[k]);
  return differs == 0;
}

// The page's own files hold no index data and are the same for everyone; everything
// else (the API, /health) needs the token.
bool needs_token(const std::string& path) { return path.starts_with("/api/") || path == "/health"; }

// CORS only for the origin named exactly; a preflight is answered here.
httplib::Server::HandlerResponse apply_cors(const httplib::Request& req, httplib::Response& res,
                                            const ServerOptions& options) {
  const std::string origin = req.get_header_value("Origin");
  if (options.cors_origin.empty() || origin != options.cors_origin) return httplib::Server::HandlerResponse::Unhandled;
  res.set_header("Access-Control-Allow-Origin", origin);
  res.set_header("Vary", "Origin");
  if (req.method != "OPTIONS") return httplib::Server::HandlerResponse::Unhandled;
  res.set_header("Access-Control-Allow-Methods", "GET, POST");
  res.set_header("Access-Control-Allow-Headers", "Authorization, Content-Type");
  res.set_header("Access-Control-Max-Age", "600");
  res.status = 204;
  return httplib::Server::HandlerResponse::Handled;
}

httplib::Server::HandlerResponse before_routing(const httplib::Request& req, httplib::Response& res,
                                                const ServerOptions& options) {
  using Answer = httplib::Server::HandlerResponse;
  if (is_rejecting_thread()) {
    res.set_header("Connection", "close");
    answer_error(res, library_error(503));
    return Answer::Handled;
  }
  if (apply_cors(req, res, options) == Answer::Handled) return Answer::Handled;
  if (!options.token.empty() && needs_token(req.path) &&
      !same_token(req.get_header_value("Authorization"), "Bearer " + options.token)) {
    res.set_header("WWW-Authenticate", "Bearer realm=\"kaiji\"");
    answer_error(res, ApiError(401, "unauthorized", "this server needs a token: Authorization: Bearer TOKEN"));
    return Answer::Handled;
  }
  return Answer::Unhandled;
}

}  // namespace

void answer_error(httplib::Response& res, const ApiError& error) {
  res.status = error.status();
  if (error.status() == 503) res.set_header("Retry-After", "1");
  res.set_content(error_json(error).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n", kJson);
}

void install_guards(httplib::Server& server, const ServerOptions& options) {
  server.set_default_headers({
      {"Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"},
      {"X-Content-Type-Options", "nosniff"},
      {"Referrer-Policy", "no-referrer"},
      {"Cache-Control", "no-store"},
  });
  server.set_pre_routing_handler(
      [&options](const httplib::Request& req, httplib::Response& res) { return before_routing(req, res, options); });
  // The library's own errors (no route, body or URL too long): JSON like every other.
  server.set_error_handler(
      httplib::Server::HandlerWithResponse([](const httplib::Request&, httplib::Response& res) {
        if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;  // a handler's own JSON error
        answer_error(res, library_error(res.status));
        return httplib::Server::HandlerResponse::Handled;
      }));
  server.set_exception_handler([](const httplib::Request& req, httplib::Response& res, std::exception_ptr thrown) {
    std::string what = "unknown error";
    try {
      if (thrown) std::rethrow_exception(thrown);
    } catch (const std::exception& e) {
      what = e.what();
    } catch (...) {
    }
    std::cerr << "kaiji-server: " << req.method << ' ' << req.path << " failed: " << what << '\n';
    answer_error(res, ApiError(500, "internal", "the server failed to answer this request"));
  });
}

}  // namespace kaiji::server
