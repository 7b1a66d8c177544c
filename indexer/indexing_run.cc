#include "indexing_run.h"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <set>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include <xapian.h>
#include <xxhash.h>

#include "analysis_pipeline.h"
#include "classifier.h"
#include "dedupe.h"
#include "document_builder.h"
#include "index_store.h"
#include "input_scan.h"
#include "progress.h"
#include "schema.h"

namespace kaiji {
namespace {

// Notices kept in memory between the two passes; beyond this, files are read again.
constexpr std::size_t kScanCacheBytes = 256u << 20;
// Notices analysed ahead of the writer, per analysis thread.
constexpr std::size_t kInFlightPerThread = 64;

std::string hex16(std::uint64_t value) {
  char out[17];
  std::snprintf(out, sizeof out, "%016llx", static_cast<unsigned long long>(value));
  return out;
}

// Everything besides the notice itself that shapes its document: the index format, the
// MeCab dictionary and kaiji's data files. When any of them changes, every notice is
// rewritten on the next run.
std::uint64_t analysis_hash(const AnalysisOptions& options) {
  std::string material = "format " + std::to_string(schema::kIndexFormat) + "\ndicdir " + options.dicdir + "\n";
  material += options.use_user_dictionary ? "user dictionary\n" : "no user dictionary\n";
  for (const char* name : {"user.dic", "variants.tsv", "taxonomy.tsv", "classification_rules.tsv"}) {
    std::ifstream in(options.data_dir + "/" + name, std::ios::binary);
    material += name;
    material.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  return XXH3_64bits(material.data(), material.size());
}

// The bookkeeping term of a source file: its path, or a hash of it when the path is too
// long to be a term.
std::string source_term(const std::string& absolute_path) {
  std::string term = schema::term(schema::kSourcePrefix, absolute_path);
  if (term.size() <= schema::kMaxTermBytes) return term;
  return schema::term(schema::kSourcePrefix, "#" + hex16(XXH3_64bits(absolute_path.data(), absolute_path.size())));
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

std::size_t shard_of(const std::string& id, std::size_t shards) {
  return static_cast<std::size_t>(XXH3_64bits(id.data(), id.size()) % shards);
}

// The writer's side: routes each document to its shard and commits every batch_size
// documents, each batch one transaction per shard.
class BatchWriter {
 public:
  BatchWriter(IndexStore& store, std::size_t batch_size, IndexingReport& report)
      : shards_(store.shards()), batch_size_(std::max<std::size_t>(batch_size, 1)), report_(report) {
    for (Xapian::WritableDatabase& shard : shards_) shard.begin_transaction();
  }

  void write(const std::string& id, Xapian::Document&& document) {
    Xapian::WritableDatabase& shard = shards_[shard_of(id, shards_.size())];
    const std::string id_term = schema::term(schema::kIdPrefix, id);
    ++(shard.term_exists(id_term) ? report_.replaced : report_.added);
    shard.replace_document(id_term, document);
    if (++in_batch_ == batch_size_) commit(true);
  }

  // True when the document was there to remove.
  bool remove(std::size_t shard, Xapian::docid docid) {
    try {
      shards_[shard].delete_document(docid);
      return true;
    } catch (const Xapian::DocNotFoundError&) {
      return false;  // already removed in this run
    }
  }

  // Commits the open batch; with more, opens the next one.
  void commit(bool more) {
    for (Xapian::WritableDatabase& shard : shards_) shard.commit_transaction();
    if (in_batch_ > 0) ++report_.batches_committed;
    in_batch_ = 0;
    if (more) {
      for (Xapian::WritableDatabase& shard : shards_) shard.begin_transaction();
    }
  }

  std::size_t in_batch() const { return in_batch_; }

 private:
  std::vector<Xapian::WritableDatabase>& shards_;
  const std::size_t batch_size_;
  IndexingReport& report_;
  std::size_t in_batch_ = 0;
};

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

// Notices whose version is not among this run's although a file they came from was read
// again (the file no longer holds them, or holds a changed version under a new id).
// Kept when another of their files was not part of this run and still exists.
void remove_stale(IndexStore& store, BatchWriter& writer, const Scan& scan,
                  const std::unordered_set<std::string>& current_versions, IndexingReport& report) {
  std::set<std::string> read_files;
  for (const ScannedFile& f : scan.files) {
    if (f.read && !f.absolute_path.empty()) read_files.insert(f.absolute_path);
  }
  FileExistence exists;
  for (std::size_t s = 0; s < store.shard_count(); ++s) {
    Xapian::WritableDatabase& shard = store.shards()[s];
    std::set<Xapian::docid> stale;
    for (const std::string& file : read_files) {
      const std::string term = source_term(file);
      for (auto it = shard.postlist_begin(term); it != shard.postlist_end(term); ++it) {
        const Xapian::Document doc = shard.get_document(*it);
        if (current_versions.contains(doc.get_value(schema::kVersionSlot))) continue;
        bool elsewhere = false;
        for (const std::string& other : split_values(doc.get_value(schema::kSourceFilesSlot))) {
          if (!read_files.contains(other) && exists(other)) elsewhere = true;
        }
        if (!elsewhere) stale.insert(*it);
      }
    }
    for (const Xapian::docid id : stale) report.removed += writer.remove(s, id) ? 1 : 0;
  }
}

// --prune: notices all of whose files are gone. Notices read from standard input have
// no files and are never pruned.
void prune_gone(IndexStore& store, BatchWriter& writer, IndexingReport& report) {
  FileExistence exists;
  for (std::size_t s = 0; s < store.shard_count(); ++s) {
    Xapian::WritableDatabase& shard = store.shards()[s];
    std::vector<Xapian::docid> gone;
    for (auto it = shard.valuestream_begin(schema::kSourceFilesSlot); it != shard.valuestream_end(schema::kSourceFilesSlot);
         ++it) {
      const std::vector<std::string> files = split_values(*it);
      if (!files.empty() && std::none_of(files.begin(), files.end(), std::ref(exists))) gone.push_back(it.get_docid());
    }
    for (const Xapian::docid id : gone) report.pruned += writer.remove(s, id) ? 1 : 0;
  }
}

// The notices of a file, as scanned: from the cache, or read again and checked to be
// what the scan saw.
std::optional<std::vector<Notice>> notices_again(ScannedFile& file, const Scan& scan, std::size_t first,
                                                 IndexingReport& report) {
  if (file.cached) return std::move(*file.cached);
  std::vector<ReadProblem> ignored;  // already reported by the scan
  std::optional<NoticeFile> read = read_input(file.path, ignored);
  bool same = read && read->read.notices.size() == file.notices;
  for (std::size_t k = 0; same && k < file.notices; ++k) {
    same = copy_hash(read->read.notices[k]) == scan.notices[first + k].copy_hash;
  }
  if (!same) {
    report.problems.push_back({file.path, 0, "changed while being indexed; run the indexer again to index it"});
    return std::nullopt;
  }
  return std::move(read->read.notices);
}

}  // namespace

IndexingReport run_indexing(const IndexingOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  IndexingReport report;
  const std::size_t threads = options.threads != 0 ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  std::vector<std::unique_ptr<Analyzer>> analyzers;
  for (std::size_t t = 0; t < threads; ++t) analyzers.push_back(std::make_unique<Analyzer>(options.analysis));
  const Classifier classifier(options.analysis.data_dir);
  IndexStore store(options.db_path, options.shards, options.rebuild);

  Progress progress(options.progress);
  Scan scan = scan_inputs(options.inputs, analysis_hash(options.analysis), kScanCacheBytes,
                          [&progress](std::size_t done, std::size_t total, std::size_t notices) {
                            progress.scanning(done, total, notices);
                          });
  report.problems = std::move(scan.problems);
  report.files_skipped = scan.files_skipped;
  for (const ScannedFile& f : scan.files) {
    report.files_read += f.read ? 1 : 0;
    report.input_bytes += f.bytes;
  }
  report.notices_read = scan.notices.size();
  report.duplicates_merged = scan.notices.size() - scan.group_sizes.size();

  // Unchanged groups: their version is already in the index.
  std::unordered_set<std::string> current_versions;
  std::vector<bool> to_write(scan.group_sizes.size(), true);
  std::size_t writes = 0;
  for (std::size_t g = 0; g < scan.group_sizes.size(); ++g) {
    const std::string version = hex16(scan.group_hashes[g]);
    current_versions.insert(version);
    if (!store.rebuilding()) {
      const std::string term = schema::term(schema::kVersionPrefix, version);
      for (const Xapian::WritableDatabase& shard : store.shards()) {
        if (shard.term_exists(term)) to_write[g] = false;
      }
    }
    if (to_write[g]) ++writes; else ++report.unchanged;
  }

  BatchWriter writer(store, options.batch_size, report);
  progress.start_writing(writes);
  {
    std::size_t written = 0;
    AnalysisPipeline pipeline(
        threads, kInFlightPerThread * threads,
        [&](AnalysisJob& job, std::size_t worker) {
          job.notice.facets = classifier.classify(job.notice);
          Xapian::Document doc = build_document(job.notice, *analyzers[worker]);
          const std::string version = hex16(job.version);
          doc.add_boolean_term(schema::term(schema::kVersionPrefix, version));
          doc.add_value(schema::kVersionSlot, version);
          std::string files;
          for (const std::string& path : job.source_files) {
            doc.add_boolean_term(source_term(path));
            if (!files.empty()) files += schema::kValueSeparator;
            files += path;
          }
          if (!files.empty()) doc.add_value(schema::kSourceFilesSlot, files);
          return doc;
        },
        [&](const AnalysisJob& job, Xapian::Document&& doc) {
          writer.write(job.notice.id, std::move(doc));
          progress.written(++written);
        });

    struct Pending {
      std::vector<Notice> copies;
      std::set<std::string> files;
    };
    std::unordered_map<std::size_t, Pending> pending;
    const auto emit = [&](Notice&& notice, std::size_t group, std::set<std::string>&& files) {
      files.erase(std::string());  // standard input has no file
      pipeline.push({std::move(notice), scan.group_hashes[group], {files.begin(), files.end()}});
    };
    std::size_t first = 0;  // index of the file's first notice in scan.notices
    for (ScannedFile& file : scan.files) {
      const std::size_t begin = first;
      first += file.notices;
      bool needed = false;
      for (std::size_t i = begin; i < first && !needed; ++i) needed = to_write[scan.notices[i].group];
      if (!needed) continue;
      std::optional<std::vector<Notice>> notices = notices_again(file, scan, begin, report);
      if (!notices) continue;
      for (std::size_t k = 0; k < notices->size(); ++k) {
        const std::size_t group = scan.notices[begin + k].group;
        if (!to_write[group]) continue;
        if (scan.group_sizes[group] == 1) {
          emit(std::move((*notices)[k]), group, {file.absolute_path});
          continue;
        }
        Pending& p = pending[group];
        p.copies.push_back(std::move((*notices)[k]));
        p.files.insert(file.absolute_path);
        if (p.copies.size() == scan.group_sizes[group]) {
          emit(merge_copies(std::move(p.copies)), group, std::move(p.files));
          pending.erase(group);
        }
      }
    }
    // Groups left incomplete because a file changed under us: what was read of them.
    for (auto& [group, p] : pending) emit(merge_copies(std::move(p.copies)), group, std::move(p.files));
    pipeline.finish();
  }

  if (!store.rebuilding()) {
    remove_stale(store, writer, scan, current_versions, report);
    if (options.prune) prune_gone(store, writer, report);
  }
  writer.commit(false);
  store.publish();
  for (Xapian::WritableDatabase& shard : store.shards()) report.documents_in_index += shard.get_doccount();

  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return report;
}

}  // namespace kaiji
