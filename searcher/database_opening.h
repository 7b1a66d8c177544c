// Opens one --db location: a local index (a directory, or any Xapian database or stub
// file) or tcp://HOST:PORT for one served by xapian-tcpsrv.
#pragma once

#include <string>

#include <xapian.h>

namespace kaiji {

// Whether the location names an index behind xapian-tcpsrv.
bool is_remote(const std::string& location);

// Throws Xapian::DatabaseOpeningError (missing or unreadable index, or a tcp:// location
// without a valid port) and friends.
Xapian::Database open_database(const std::string& location);

}  // namespace kaiji
