#include "value_stream_spy.h"

#include <stdexcept>

namespace kaiji {

ValueStreamSpy::ValueStreamSpy(const Xapian::Database& db, Xapian::valueno slot)
    : db_(db), slot_(slot), stream_(db.valuestream_begin(slot)) {
  if (db.size() != 1) throw std::invalid_argument("ValueStreamSpy counts one shard, not " + std::to_string(db.size()));
}

void ValueStreamSpy::seek(Xapian::docid docid) {
  if (docid < last_docid_) stream_ = db_.valuestream_begin(slot_);
  last_docid_ = docid;
  if (stream_ != db_.valuestream_end(slot_) && stream_.get_docid() < docid) stream_.skip_to(docid);
}

void ValueStreamSpy::operator()(const Xapian::Document& doc, double) {
  const Xapian::docid docid = doc.get_docid();
  seek(docid);
  if (stream_ == db_.valuestream_end(slot_) || stream_.get_docid() != docid) return;  // no value: not counted
  std::string value = *stream_;
  if (value.empty()) return;  // as ValueCountMatchSpy: an empty value is no value
  ++counts_[std::move(value)];
}

std::vector<std::pair<std::string, std::size_t>> ValueStreamSpy::counts() const {
  return {counts_.begin(), counts_.end()};
}

}  // namespace kaiji
