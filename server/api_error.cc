#include "api_error.h"

namespace kaiji::server {

nlohmann::ordered_json error_json(const ApiError& error) {
  nlohmann::ordered_json body = {{"code", error.code()}, {"message", error.what()}};
  if (error.column()) body["column"] = *error.column();
  if (!error.valid().empty()) body["valid"] = error.valid();
  return {{"error", body}};
}

ApiError library_error(int status) {
  switch (status) {
    case 400: return {400, "bad_request", "the request could not be read"};
    case 404: return {404, "not_found", "no such endpoint (the API is under /api/v1; see docs/http-api.md)"};
    case 405: return {405, "method_not_allowed", "this endpoint does not take that method"};
    case 413: return {413, "payload_too_large", "the request body is larger than the server accepts"};
    case 414: return {414, "uri_too_long", "the URL is longer than the server accepts; POST /api/v1/search takes a JSON body"};
    case 416: return {416, "range_not_satisfiable", "the requested range is not available"};
    case 503: return {503, "overloaded", "every worker is busy; try again shortly"};
    default: return {status, "http_" + std::to_string(status), "the request failed (HTTP " + std::to_string(status) + ")"};
  }
}

}  // namespace kaiji::server
