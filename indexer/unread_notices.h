// The notices the index holds from files this run could not read whole: skipped ones
// (empty, binary, unreadable) and ones that changed between the two passes. They stay:
// an incremental run leaves them in place, and a --rebuild copies them from the current
// generation into the new one (re-encoding their facet codes), so that only reading a
// file again, or --prune of a deleted file, removes its notices.
//
// A notice such a file shared with a file that was read (a copy merged across files) is
// the one already indexed: this run does not write the read copy on its own, which would
// index the notice twice under two ids and lose what the unread copy contributed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include "bulk_writer.h"
#include "index/facet_codes.h"

namespace kaiji {

class UnreadNotices {
 public:
  // Reads the current generation of the index in index_dir (none: finds nothing).
  explicit UnreadNotices(const std::string& index_dir);

  // Finds the indexed notices that came (also) from these files (absolute paths).
  void find(const std::vector<std::string>& files);
  // How many of them came from this file.
  std::size_t from_file(const std::string& file) const;
  // Whether one of them is this notice, by content (and by id, when the input gave one).
  bool holds(std::uint64_t fingerprint, const std::string& given_id) const;

  // Whether their documents are of this kaiji's index format, so they can be copied into
  // a new generation (an older format's documents cannot).
  bool copyable() const;
  // Writes a copy of each of them into a new generation, except those `superseded` by a
  // notice this run wrote (same id, or same content); returns how many were copied (none
  // unless copyable()). Throws std::runtime_error when the current generation's facet
  // dictionary is damaged.
  using Superseded = std::function<bool(const std::string& id, std::uint64_t fingerprint)>;
  std::size_t copy_into(BulkWriter& writer, FacetDictionary& facet_codes, const Superseded& superseded);

 private:
  struct Found {
    std::string id;
    std::uint64_t fingerprint = 0;  // 0: no body
  };
  std::optional<Xapian::Database> index_;
  std::map<Xapian::docid, Found> found_;  // in docid order, so copies keep the old order
  std::unordered_multimap<std::uint64_t, std::string> ids_by_fingerprint_;
  std::unordered_map<std::string, std::size_t> per_file_;
};

}  // namespace kaiji
