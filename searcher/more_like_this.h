// --like: the query that finds notices resembling a given one, by its most telling words.
#pragma once

#include <string>

#include <xapian.h>

namespace kaiji {

// Notices like the notice docid (whose id is id, which the query leaves out), ranked by
// the words they share with it.
Xapian::Query more_like_this(const Xapian::Database& db, Xapian::docid docid, const std::string& id);

}  // namespace kaiji
