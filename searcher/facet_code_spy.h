// Counts facet codes (facet_codes.h) over every match: one value read and a few array
// increments per match.
//
// Why not Xapian's ValueCountMatchSpy: it fetches each match's value through the
// document, which seeks the value's chunk in the B-tree and decodes it from its start
// every time, and it counts strings. Over four facet slots that was ~100 ns per match
// and slot, most of a facet query's time when a query matches much of the index. A match
// pass visits documents in ascending docid order, so this spy moves one ValueIterator
// forward with skip_to and decodes every chunk once.
//
// One local shard only. xapian-tcpsrv runs only the match spies it knows, and over
// several shards Xapian 1.4 shows a spy each shard's documents by the shard's own
// document numbers, without saying which shard they come from; both count with
// ValueCountMatchSpy (facet_counting.cc). The counts are the same.
#pragma once

#include <cstddef>
#include <vector>

#include <xapian.h>

namespace kaiji {

class FacetCodeSpy : public Xapian::MatchSpy {
 public:
  // codes: the size of the index's dictionary. Throws std::invalid_argument unless db
  // is a single shard.
  FacetCodeSpy(const Xapian::Database& db, Xapian::valueno slot, std::size_t codes);

  void operator()(const Xapian::Document& doc, double weight) override;

  // counts()[code]: the matches that have the code.
  const std::vector<std::size_t>& counts() const { return counts_; }
  // A slot value could not be decoded or had a code beyond the dictionary; the counts
  // are then incomplete.
  bool damaged() const { return damaged_; }

 private:
  // Places the stream at the first value at or after docid; starts the stream again if
  // docid is behind it (not expected in a match pass, but never wrong).
  void seek(Xapian::docid docid);

  Xapian::Database db_;
  Xapian::valueno slot_;
  Xapian::ValueIterator stream_;
  Xapian::docid last_docid_ = 0;
  std::vector<std::size_t> counts_;
  bool damaged_ = false;
};

}  // namespace kaiji
