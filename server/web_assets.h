// The page at / and its script and style sheet, compiled into the binary from server/web/
// (embed_assets.cmake): the server reads nothing from disk to serve them.
#pragma once

#include <string_view>
#include <vector>

namespace kaiji::server {

struct WebAsset {
  std::string_view path;          // URL path: /, /app.js, /style.css
  std::string_view content_type;  // text/html …, all UTF-8
  std::string_view bytes;
};

const std::vector<WebAsset>& web_assets();

}  // namespace kaiji::server
