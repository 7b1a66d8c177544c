#include "source_tracking.h"

#include <algorithm>
#include <filesystem>
#include <functional>
#include <set>
#include <unordered_map>

#include "index/bookkeeping.h"
#include "index/schema.h"
#include "index/value_codecs.h"

namespace kaiji {
namespace {

// Whether a file exists, asked of the file system once per path.
class FileExistence {
 public:
  bool operator()(const std::string& path) {
    auto [it, fresh] = known_.emplace(path, false);
    if (fresh) it->second = std::filesystem::exists(path);
    return it->second;
  }

 private:
  std::unordered_map<std::string, bool> known_;
};

}  // namespace

std::size_t remove_stale(std::vector<Xapian::WritableDatabase>& shards, BatchWriter& writer,
                         const std::unordered_set<std::string>& read_files,
                         const std::unordered_set<std::string>& current_versions) {
  FileExistence exists;
  std::size_t removed = 0;
  for (std::size_t s = 0; s < shards.size(); ++s) {
    std::set<Xapian::docid> stale;
    for (const std::string& file : read_files) {
      const std::string term = source_term(file);
      for (auto it = shards[s].postlist_begin(term); it != shards[s].postlist_end(term); ++it) {
        const Xapian::Document doc = shards[s].get_document(*it);
        if (current_versions.contains(version_of(doc))) continue;
        const std::vector<std::string> files = source_files_of(doc);
        const bool elsewhere = std::any_of(files.begin(), files.end(), [&](const std::string& other) {
          return !read_files.contains(other) && exists(other);
        });
        if (!elsewhere) stale.insert(*it);
      }
    }
    for (const Xapian::docid id : stale) removed += writer.remove(s, id) ? 1 : 0;
  }
  return removed;
}

std::size_t prune_gone(std::vector<Xapian::WritableDatabase>& shards, BatchWriter& writer) {
  FileExistence exists;
  std::size_t pruned = 0;
  for (std::size_t s = 0; s < shards.size(); ++s) {
    std::vector<Xapian::docid> gone;
    const Xapian::valueno slot = schema::kSourceFilesSlot;
    for (auto it = shards[s].valuestream_begin(slot); it != shards[s].valuestream_end(slot); ++it) {
      const std::vector<std::string> files = codec::split_values(*it);
      if (!files.empty() && std::none_of(files.begin(), files.end(), std::ref(exists))) gone.push_back(it.get_docid());
    }
    for (const Xapian::docid id : gone) pruned += writer.remove(s, id) ? 1 : 0;
  }
  return pruned;
}

}  // namespace kaiji
