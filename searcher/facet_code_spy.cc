#include "facet_code_spy.h"

#include <stdexcept>
#include <string>

#include "index/facet_codes.h"

namespace kaiji {

FacetCodeSpy::FacetCodeSpy(const Xapian::Database& db, Xapian::valueno slot, std::size_t codes)
    : db_(db), slot_(slot), stream_(db.valuestream_begin(slot)), counts_(codes) {
  if (db.size() != 1) throw std::invalid_argument("FacetCodeSpy counts one shard, not " + std::to_string(db.size()));
}

void FacetCodeSpy::seek(Xapian::docid docid) {
  if (docid < last_docid_) stream_ = db_.valuestream_begin(slot_);
  last_docid_ = docid;
  if (stream_ != db_.valuestream_end(slot_) && stream_.get_docid() < docid) stream_.skip_to(docid);
}

void FacetCodeSpy::operator()(const Xapian::Document& doc, double) {
  const Xapian::docid docid = doc.get_docid();
  seek(docid);
  if (stream_ == db_.valuestream_end(slot_) || stream_.get_docid() != docid) return;  // no facets
  const std::string codes = *stream_;
  damaged_ |= !for_each_facet_code(codes, [this](std::uint32_t code) {
    if (code < counts_.size()) {
      ++counts_[code];
    } else {
      damaged_ = true;
    }
  });
}

}  // namespace kaiji
