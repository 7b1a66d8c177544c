// The API's errors: an HTTP status with a JSON body {"error": {"code", "message",
// "column"?, "valid"?}} (docs/http-api.md). Handlers throw ApiError; every error the
// server answers, the library's own (404, 413, 414) among them, has this form.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace kaiji::server {

class ApiError : public std::runtime_error {
 public:
  ApiError(int status, std::string code, const std::string& message, std::optional<std::size_t> column = {},
           std::vector<std::string> valid = {})
      : std::runtime_error(message), status_(status), code_(std::move(code)), column_(column), valid_(std::move(valid)) {}

  int status() const { return status_; }
  const std::string& code() const { return code_; }
  const std::optional<std::size_t>& column() const { return column_; }
  const std::vector<std::string>& valid() const { return valid_; }

 private:
  int status_;
  std::string code_;
  std::optional<std::size_t> column_;  // query_syntax: 1-based column in the query
  std::vector<std::string> valid_;     // what would have been accepted
};

nlohmann::ordered_json error_json(const ApiError& error);

// The error for a status the HTTP library answered on its own (no route, body or URL
// too long, …).
ApiError library_error(int status);

}  // namespace kaiji::server
