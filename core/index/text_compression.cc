#include "index/text_compression.h"

#include <memory>
#include <stdexcept>

#include <zstd.h>

#include "index/notice_record.h"

namespace kaiji {
namespace {

constexpr int kLevel = 1;
// The most a zstd frame can expand: a 4-byte RLE block (3 bytes of header, 1 of content)
// stands for at most 128 KB. A frame claiming more is damaged, and is refused before
// its claimed size is allocated.
constexpr unsigned long long kMaxExpansion = (128 * 1024) / 4;

// One context a thread, reused: creating one allocates more than a body's worth.
struct CompressContext {
  std::unique_ptr<ZSTD_CCtx, decltype(&ZSTD_freeCCtx)> context{ZSTD_createCCtx(), &ZSTD_freeCCtx};
};
struct DecompressContext {
  std::unique_ptr<ZSTD_DCtx, decltype(&ZSTD_freeDCtx)> context{ZSTD_createDCtx(), &ZSTD_freeDCtx};
};

[[noreturn]] void damaged() {
  throw DamagedRecord("a stored notice body is damaged; run kaiji-indexer --rebuild on the index");
}

}  // namespace

std::string compress_text(std::string_view text) {
  thread_local CompressContext local;
  std::string out(ZSTD_compressBound(text.size()), '\0');
  const std::size_t size = ZSTD_compressCCtx(local.context.get(), out.data(), out.size(), text.data(), text.size(), kLevel);
  if (ZSTD_isError(size)) throw std::runtime_error(std::string("zstd: ") + ZSTD_getErrorName(size));
  out.resize(size);
  return out;
}

std::string decompress_text(std::string_view compressed) {
  const unsigned long long size = ZSTD_getFrameContentSize(compressed.data(), compressed.size());
  if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN || size / kMaxExpansion > compressed.size()) {
    damaged();
  }
  thread_local DecompressContext local;
  std::string out(size, '\0');
  const std::size_t got = ZSTD_decompressDCtx(local.context.get(), out.data(), out.size(), compressed.data(), compressed.size());
  if (ZSTD_isError(got) || got != size) damaged();
  return out;
}

}  // namespace kaiji
