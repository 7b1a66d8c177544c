#include "index/stored_notice.h"

#include "index/notice_record.h"
#include "index/schema.h"
#include "index/text_compression.h"

namespace kaiji {

void store_notice(Xapian::Document& document, const Notice& notice) {
  document.add_value(schema::kRecordSlot, encode_notice(notice, /*with_body=*/false));
  if (!notice.body.empty()) document.add_value(schema::kBodySlot, compress_text(notice.body));
  if (!notice.facets.evidence.empty()) document.add_value(schema::kEvidenceSlot, encode_evidence(notice.facets.evidence));
}

Notice stored_notice(const Xapian::Document& document) {
  Notice notice = decode_notice(document.get_value(schema::kRecordSlot));
  const std::string body = document.get_value(schema::kBodySlot);
  if (!body.empty()) notice.body = decompress_text(body);
  notice.facets.evidence = decode_evidence(document.get_value(schema::kEvidenceSlot));
  return notice;
}

}  // namespace kaiji
