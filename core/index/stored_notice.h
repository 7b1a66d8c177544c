// The notice a document carries for the searcher to show: the record (notice_record.h)
// in kRecordSlot and the body, compressed (text_compression.h), in kBodySlot. Written
// and read here only.
#pragma once

#include <xapian.h>

#include "base/notice.h"

namespace kaiji {

void store_notice(Xapian::Document& document, const Notice& notice);

// The notice stored by store_notice; throws DamagedRecord.
Notice stored_notice(const Xapian::Document& document);

}  // namespace kaiji
