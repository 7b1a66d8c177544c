#include "unread_notices.h"

#include <memory>
#include <stdexcept>

#include "index/bookkeeping.h"
#include "index/document_copy.h"
#include "index/layout.h"
#include "index/notice_record.h"
#include "index/schema.h"
#include "index/index_store.h"
#include "index/text_compression.h"
#include "reading/notice_id.h"

namespace kaiji {
namespace {

// The fingerprint dedupe would give the stored notice's body (0 for none or a damaged one).
std::uint64_t stored_fingerprint(const Xapian::Document& doc) {
  const std::string compressed = doc.get_value(schema::kBodySlot);
  if (compressed.empty()) return 0;
  try {
    return content_fingerprint(decompress_text(compressed));
  } catch (const DamagedRecord&) {
    return 0;
  }
}

}  // namespace

UnreadNotices::UnreadNotices(const std::string& index_dir) {
  const std::string stub = layout::stub_path(index_dir);
  if (!stub_shards(stub).empty()) index_.emplace(stub);
}

void UnreadNotices::find(const std::vector<std::string>& files) {
  if (!index_) return;
  index_->reopen();  // an incremental run may have committed since
  for (const std::string& file : files) {
    const std::string term = source_term(file);
    for (auto it = index_->postlist_begin(term); it != index_->postlist_end(term); ++it) {
      ++per_file_[file];
      if (found_.contains(*it)) continue;
      const Xapian::Document doc = index_->get_document(*it);
      Found found{doc.get_value(schema::kIdSlot), stored_fingerprint(doc)};
      if (found.fingerprint != 0) ids_by_fingerprint_.emplace(found.fingerprint, found.id);
      found_.emplace(*it, std::move(found));
    }
  }
}

std::size_t UnreadNotices::from_file(const std::string& file) const {
  const auto it = per_file_.find(file);
  return it == per_file_.end() ? 0 : it->second;
}

bool UnreadNotices::holds(std::uint64_t fingerprint, const std::string& given_id) const {
  if (fingerprint == 0) return false;
  const auto [begin, end] = ids_by_fingerprint_.equal_range(fingerprint);
  for (auto it = begin; it != end; ++it) {
    if (given_id.empty() || it->second == given_id) return true;
  }
  return false;
}

bool UnreadNotices::copyable() const {
  return index_ && index_->get_metadata(schema::kFormatMetadataKey) == std::to_string(schema::kIndexFormat);
}

std::size_t UnreadNotices::copy_into(BulkWriter& writer, FacetDictionary& facet_codes, const Superseded& superseded) {
  if (found_.empty() || !copyable()) return 0;
  std::unique_ptr<FacetDictionary> current_codes;
  try {
    current_codes = std::make_unique<FacetDictionary>(index_->get_metadata(schema::kFacetCodesMetadataKey));
  } catch (const std::runtime_error& e) {
    throw std::runtime_error("the current generation: " + std::string(e.what()));
  }
  std::size_t copied = 0;
  for (const auto& [docid, found] : found_) {
    if (superseded(found.id, found.fingerprint)) continue;
    std::optional<Xapian::Document> copy = copy_document(index_->get_document(docid), *current_codes, facet_codes);
    if (!copy) throw std::runtime_error("the current generation: notice " + found.id + " has damaged facet codes");
    writer.write(found.id, std::move(*copy));
    ++copied;
  }
  return copied;
}

}  // namespace kaiji
