#include "database_opening.h"

#include <exception>
#include <string_view>

namespace kaiji {
namespace {

constexpr std::string_view kTcp = "tcp://";

}  // namespace

bool is_remote(const std::string& location) { return location.starts_with(kTcp); }

Xapian::Database open_database(const std::string& location) {
  if (!is_remote(location)) return Xapian::Database(location);
  // tcp://host:port — an index served by xapian-tcpsrv.
  const std::string address = location.substr(kTcp.size());
  const std::size_t colon = address.rfind(':');
  unsigned port = 0;
  try {
    if (colon != std::string::npos) port = static_cast<unsigned>(std::stoul(address.substr(colon + 1)));
  } catch (const std::exception&) {
  }
  if (colon == std::string::npos || colon == 0 || port == 0 || port > 65535) {
    throw Xapian::DatabaseOpeningError("a remote index is written tcp://HOST:PORT, not " + location);
  }
  return Xapian::Remote::open(address.substr(0, colon), port);
}

}  // namespace kaiji
