#include "source_tracking.h"

#include <algorithm>
#include <filesystem>
#include <functional>
#include <set>
#include <unordered_map>

#include <xxhash.h>

#include "index/schema.h"

namespace kaiji {
namespace {

// The bookkeeping term of a source file: its path, or a hash of it when the path is too
// long to be a term.
std::string source_term(const std::string& absolute_path) {
  std::string term = schema::term(schema::kSourcePrefix, absolute_path);
  if (term.size() <= schema::kMaxTermBytes) return term;
  char hash[20];
  std::snprintf(hash, sizeof hash, "#%016llx",
                static_cast<unsigned long long>(XXH3_64bits(absolute_path.data(), absolute_path.size())));
  return schema::term(schema::kSourcePrefix, hash);
}

std::vector<std::string> split_values(const std::string& joined) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < joined.size()) {
    std::size_t end = joined.find(schema::kValueSeparator, start);
    if (end == std::string::npos) end = joined.size();
    out.push_back(joined.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

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

void add_source_files(Xapian::Document& doc, const std::vector<std::string>& absolute_paths) {
  std::string files;
  for (const std::string& path : absolute_paths) {
    doc.add_boolean_term(source_term(path));
    if (!files.empty()) files += schema::kValueSeparator;
    files += path;
  }
  if (!files.empty()) doc.add_value(schema::kSourceFilesSlot, files);
}

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
        if (current_versions.contains(doc.get_value(schema::kVersionSlot))) continue;
        const std::vector<std::string> files = split_values(doc.get_value(schema::kSourceFilesSlot));
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
      const std::vector<std::string> files = split_values(*it);
      if (!files.empty() && std::none_of(files.begin(), files.end(), std::ref(exists))) gone.push_back(it.get_docid());
    }
    for (const Xapian::docid id : gone) pruned += writer.remove(s, id) ? 1 : 0;
  }
  return pruned;
}

}  // namespace kaiji
