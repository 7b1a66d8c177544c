#include "batch_writer.h"

#include <algorithm>

#include <xxhash.h>

#include "index/schema.h"
#include "index/spelling_words.h"

namespace kaiji {

std::size_t shard_of(const std::string& id, std::size_t shards) {
  return static_cast<std::size_t>(XXH3_64bits(id.data(), id.size()) % shards);
}

BatchWriter::BatchWriter(std::vector<Xapian::WritableDatabase>& shards, std::size_t batch_size,
                         BeforeCommit before_commit)
    : shards_(shards),
      spelling_(shards.size()),
      batch_size_(std::max<std::size_t>(batch_size, 1)),
      before_commit_(std::move(before_commit)) {
  for (Xapian::WritableDatabase& shard : shards_) shard.begin_transaction();
}

void BatchWriter::write(const std::string& id, Xapian::Document&& document,
                        const std::vector<std::string>& spelling_words) {
  const std::size_t s = shard_of(id, shards_.size());
  Xapian::WritableDatabase& shard = shards_[s];
  const std::string id_term = schema::term(schema::kIdPrefix, id);
  ++(shard.term_exists(id_term) ? counts_.replaced : counts_.added);
  shard.replace_document(id_term, document);
  spelling_[s].add(spelling_words);
  if (++in_batch_ == batch_size_) commit(true);
}

bool BatchWriter::remove(std::size_t shard, Xapian::docid docid) {
  try {
    shards_[shard].delete_document(docid);
    return true;
  } catch (const Xapian::DocNotFoundError&) {
    return false;
  }
}

void BatchWriter::commit(bool more) {
  for (std::size_t s = 0; s < shards_.size(); ++s) {
    spelling_[s].flush(shards_[s]);
    if (before_commit_) before_commit_(shards_[s]);
    shards_[s].commit_transaction();
  }
  if (in_batch_ > 0) ++counts_.batches_committed;
  in_batch_ = 0;
  if (more) {
    for (Xapian::WritableDatabase& shard : shards_) shard.begin_transaction();
  }
}

}  // namespace kaiji
