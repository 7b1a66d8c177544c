#include "indexing_run.h"

#include <chrono>
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
#include "base/quoted_name.h"
#include "batch_writer.h"
#include "bulk_writer.h"
#include "classify/classifier.h"
#include "compaction.h"
#include "reading/dedupe.h"
#include "index/bookkeeping.h"
#include "index/document_builder.h"
#include "index/facet_codes.h"
#include "index/index_store.h"
#include "index/spelling_words.h"
#include "input_scan.h"
#include "notice_feed.h"
#include "progress.h"
#include "index/schema.h"
#include "source_tracking.h"
#include "unread_notices.h"
#include "base/taxonomy.h"

namespace kaiji {
namespace {

// Notices kept in memory between the two passes; beyond this, files are read again.
constexpr std::size_t kScanCacheBytes = 256u << 20;
// Notices analysed ahead of the writer, per analysis thread.
constexpr std::size_t kInFlightPerThread = 64;
// Bulk parts commit this often (without fsync). On 20k notices, commits every 100 or
// 250 notices took 20.3 and 20.8 s, every 1000 22.8 s: Xapian's in-memory posting
// maps get slow when large.
constexpr std::size_t kBulkCommitEvery = 250;

// Everything besides the notice itself that shapes its document: the index format, the
// MeCab dictionary and kaiji's data files. When any of them changes, every notice is
// rewritten on the next run.
std::uint64_t analysis_hash(const AnalysisOptions& options) {
  std::string material = "format " + std::to_string(schema::kIndexFormat) + "\ndicdir " + options.dicdir + "\n";
  material += options.use_user_dictionary ? "user dictionary\n" : "no user dictionary\n";
  material += "extraction " + std::to_string(Classifier::kExtractionVersion) + "\n";
  material += "spelling " + std::to_string(kSpellingVersion) + "\n";
  std::vector<const char*> names = {"user.dic", "user_dictionary.csv", "variants.tsv", "synonyms.tsv"};
  names.insert(names.end(), Classifier::kDataFiles.begin(), Classifier::kDataFiles.end());
  for (const char* name : names) {
    std::ifstream in(options.data_dir + "/" + name, std::ios::binary);
    material += name;
    material.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  return XXH3_64bits(material.data(), material.size());
}

// The index's facet dictionary, extended by every value of the taxonomy in table order
// (so a new index numbers them the same on every run; years and labels follow as they
// come). Codes already in the index keep their meaning.
std::unique_ptr<FacetDictionary> facet_dictionary(IndexStore& store, const IndexingOptions& options,
                                                  const std::string& resumed_codes) {
  std::unique_ptr<FacetDictionary> dictionary;
  try {
    dictionary = std::make_unique<FacetDictionary>(
        store.rebuilding() ? resumed_codes : store.shards().front().get_metadata(schema::kFacetCodesMetadataKey));
  } catch (const std::runtime_error& e) {
    throw std::runtime_error("index " + quoted_name(options.db_path) + ": " + e.what());
  }
  const std::string& data_dir = options.analysis.data_dir;
  const Taxonomy taxonomy = Taxonomy::load(data_dir + "/taxonomy.tsv");
  for (std::size_t field = 0; field < std::size(schema::kFacetFields); ++field) {
    for (const FacetValue& value : taxonomy.values(schema::kFacetFields[field].name)) dictionary->code(field, value.slug);
  }
  return dictionary;
}

double seconds_since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

// What the scan found, as the report tells it.
void report_scan(const Scan& scan, IndexingReport& report) {
  report.problems = scan.problems;
  report.files_skipped = scan.files_skipped;
  for (const ScannedFile& f : scan.files) {
    report.files_read += f.read ? 1 : 0;
    report.input_bytes += f.bytes;
    report.posts_not_notices += f.posts_not_notices;
  }
  report.notices_read = scan.notices.size();
  report.duplicates_merged = scan.notices.size() - scan.group_sizes.size();
}

// The writer of this run: a new generation is written in bulk parts, one per thread;
// an existing one is updated in place, a batch at a time.
struct Writers {
  std::optional<BulkWriter> bulk;
  std::optional<BatchWriter> batch;

  void write(const std::string& id, Xapian::Document&& doc, std::vector<std::string> spelling_words) {
    if (bulk) {
      bulk->write(id, std::move(doc), std::move(spelling_words));
    } else {
      batch->write(id, std::move(doc), spelling_words);
    }
  }
};

// Every commit stores the facet dictionary its documents' codes refer to (made once the
// writers are open: a resumed bulk build's dictionary comes from its parts).
void open_writers(Writers& writers, IndexStore& store, const IndexingOptions& options, std::size_t threads,
                  const std::unique_ptr<FacetDictionary>& facet_codes) {
  const auto store_codes = [&facet_codes](Xapian::WritableDatabase& db) {
    db.set_metadata(schema::kFacetCodesMetadataKey, facet_codes->serialise());
  };
  if (store.rebuilding()) {
    writers.bulk.emplace(store.parts_dir(), store.shard_paths(), threads, kBulkCommitEvery, store_codes);
  } else {
    writers.batch.emplace(store.shards(), options.batch_size, store_codes);
  }
}

// Which groups of copies need writing: for a new generation, those not in the parts an
// interrupted run committed (whose other documents are deleted); for an update, those
// whose version is not in the index yet. A group the index holds from an unread file
// is left to that indexed notice (unread_notices.h).
WritePlan plan_writes(const Scan& scan, IndexStore& store, Writers& writers, const UnreadNotices& unread,
                      IndexingReport& report) {
  WritePlan plan;
  plan.to_write.assign(scan.group_sizes.size(), true);
  std::unordered_set<std::string> resumable;  // versions a resumed part may keep
  for (std::size_t g = 0; g < scan.group_sizes.size(); ++g) {
    const std::string version = version_string(scan.group_hashes[g]);
    plan.current_versions.insert(version);
    const std::string term = version_term(version);
    // (A new generation can keep only what it can copy.)
    if ((!writers.bulk || unread.copyable()) && unread.holds(scan.group_fingerprints[g], scan.group_given_ids[g])) {
      plan.to_write[g] = false;
      if (!writers.bulk) ++report.unchanged;
      continue;
    }
    resumable.insert(version);
    if (writers.bulk) {
      if (writers.bulk->resumed().holds(term)) {
        plan.to_write[g] = false;
        ++report.resumed;
      }
    } else {
      for (const Xapian::WritableDatabase& shard : store.shards()) {
        if (shard.term_exists(term)) plan.to_write[g] = false;
      }
      if (!plan.to_write[g]) ++report.unchanged;
    }
    if (plan.to_write[g]) ++plan.writes;
  }
  if (writers.bulk) writers.bulk->resumed().keep_only(resumable);
  return plan;
}

// The files whose indexed notices stay because this run did not read them whole:
// skipped or unreadable ones, and (once the second pass has run) changed ones.
std::vector<std::string> unread_files(const Scan& scan, bool changed) {
  std::vector<std::string> files;
  for (const ScannedFile& f : scan.files) {
    if (f.absolute_path.empty()) continue;
    if (changed ? f.changed : (!f.read || f.skipped)) files.push_back(f.absolute_path);
  }
  return files;
}

// A new generation gets the notices of unread files from the current one, unless this
// run wrote them itself (same id, or same content).
void copy_unread(UnreadNotices& unread, const Scan& scan, const WritePlan& plan,
                 const std::unordered_set<std::string>& written_ids, Writers& writers, FacetDictionary& facet_codes,
                 IndexingReport& report) {
  std::unordered_set<std::uint64_t> written_fingerprints;
  for (std::size_t g = 0; g < plan.to_write.size(); ++g) {
    if (plan.to_write[g]) written_fingerprints.insert(scan.group_fingerprints[g]);
  }
  written_fingerprints.erase(0);
  report.kept = unread.copy_into(*writers.bulk, facet_codes, [&](const std::string& id, std::uint64_t fingerprint) {
    return written_ids.contains(id) || written_fingerprints.contains(fingerprint);
  });
}

// Analyses, classifies and writes every notice of the plan, on `analyzers.size()` threads.
void write_notices(Scan& scan, const WritePlan& plan, std::vector<std::unique_ptr<Analyzer>>& analyzers,
                   const Classifier& classifier, FacetDictionary& facet_codes, Writers& writers, Progress& progress,
                   std::unordered_set<std::string>& written_ids, IndexingReport& report) {
  std::size_t written = 0;
  AnalysisPipeline pipeline(
      analyzers.size(), kInFlightPerThread * analyzers.size(),
      [&](AnalysisJob& job, std::size_t worker) {
        NormalizedText body;  // normalised once, read by the classifier and the analyser
        classifier.annotate(job.notice, &body);
        return build_document(job.notice, *analyzers[worker], facet_codes,
                              {version_string(job.version), job.source_files}, &job.spelling_words, &body);
      },
      [&](const AnalysisJob& job, Xapian::Document&& doc) {
        if (writers.bulk) written_ids.insert(job.notice.id);
        writers.write(job.notice.id, std::move(doc), job.spelling_words);
        progress.written(++written);
      });
  feed_notices(scan, plan, pipeline, report);
  pipeline.finish();
}

// A skipped or changed file's notices stay in the index: the warnings say so. Those a
// new generation could not copy (written in an older index format) are lost: said too.
void warn_unread_stay(const Scan& scan, const UnreadNotices& unread, bool new_generation, IndexingReport& report) {
  const bool lost = new_generation && !unread.copyable();
  for (const ScannedFile& f : scan.files) {
    if (f.absolute_path.empty() || (f.read && !f.skipped && !f.changed)) continue;
    const std::size_t kept = unread.from_file(f.absolute_path);
    if (kept == 0) continue;
    const std::string notices = "its " + std::to_string(kept) + " notice(s) from earlier runs ";
    report.problems.push_back({f.path, 0, lost ? notices + "are not in the new index: the old one was written in " +
                                                     "another index format; index the file again once it reads"
                                               : notices + "stay in the index until it is read again (or deleted, " +
                                                     "with --prune)"});
  }
}

// Ends the writing: a new generation's parts become its shards; an update removes the
// notices its re-read files no longer hold (and, with --prune, those of vanished files)
// and commits.
void finish_writing(Writers& writers, IndexStore& store, const Scan& scan, const WritePlan& plan,
                    const UnreadNotices& unread, const IndexingOptions& options, IndexingReport& report) {
  warn_unread_stay(scan, unread, writers.bulk.has_value(), report);
  if (writers.bulk) {
    writers.bulk->finish();
    store.open_written_shards();
    report.added = writers.bulk->written() + report.resumed;
    report.batches_committed = 1;  // the whole generation, published at once
    return;
  }
  BatchWriter& batch = *writers.batch;
  // Only a file read whole and unchanged tells which notices it no longer holds.
  std::unordered_set<std::string> read_files;
  for (const ScannedFile& f : scan.files) {
    if (!f.absolute_path.empty() && f.read && !f.skipped && !f.changed) read_files.insert(f.absolute_path);
  }
  report.removed = remove_stale(store.shards(), batch, read_files, plan.current_versions);
  if (options.prune) report.pruned = prune_gone(store.shards(), batch);
  batch.commit(false);
  report.added = batch.counts().added;
  report.replaced = batch.counts().replaced;
  report.batches_committed = batch.counts().batches_committed;
}

// What a searcher checks before it trusts the index (schema.h), and the size a new
// generation was compacted to (the mark for compaction.h; an older index's size now).
void write_index_metadata(IndexStore& store, const Analyzer& analyzer, const FacetDictionary& facet_codes) {
  for (Xapian::WritableDatabase& shard : store.shards()) {
    shard.set_metadata(schema::kFormatMetadataKey, std::to_string(schema::kIndexFormat));
    shard.set_metadata(schema::kNearCompoundsMetadataKey, analyzer.near_compounds().fingerprint());
    shard.set_metadata(schema::kFacetCodesMetadataKey, facet_codes.serialise());
  }
  if (store.rebuilding() || store.compacted_bytes() == 0) store.record_compacted_size();
}

}  // namespace

IndexingReport run_indexing(const IndexingOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  IndexingReport report;
  const std::size_t threads = options.threads != 0 ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  // One analyser per analysis thread: an Analyzer is used by one thread at a time.
  std::vector<std::unique_ptr<Analyzer>> analyzers;
  for (std::size_t t = 0; t < threads; ++t) analyzers.push_back(std::make_unique<Analyzer>(options.analysis));
  const Classifier classifier(options.analysis.data_dir);
  IndexStore store(options.db_path, options.shards, options.rebuild);
  Writers writers;
  std::unique_ptr<FacetDictionary> facet_codes;
  open_writers(writers, store, options, threads, facet_codes);
  facet_codes = facet_dictionary(
      store, options, writers.bulk ? writers.bulk->resumed().longest_metadata(schema::kFacetCodesMetadataKey) : "");

  Progress progress(options.progress);
  Scan scan = scan_inputs(options.inputs, analysis_hash(options.analysis), kScanCacheBytes, threads,
                          [&progress](std::size_t done, std::size_t total, std::size_t notices) {
                            progress.scanning(done, total, notices);
                          },
                          options.max_file_bytes, options.db_path);
  report_scan(scan, report);
  if (scan.notices.empty()) {  // nothing to write: the current index stays as it is
    report.published = false;
    report.documents_in_index = store.current_document_count();
    report.seconds = report.reading_seconds = seconds_since(started);
    return report;
  }
  UnreadNotices unread(options.db_path);
  unread.find(unread_files(scan, false));
  const WritePlan plan = plan_writes(scan, store, writers, unread, report);
  report.reading_seconds = seconds_since(started);

  progress.start_writing(plan.writes);
  const auto writing_started = std::chrono::steady_clock::now();
  std::unordered_set<std::string> written_ids;  // by a new generation's writer
  write_notices(scan, plan, analyzers, classifier, *facet_codes, writers, progress, written_ids, report);
  unread.find(unread_files(scan, true));
  if (writers.bulk) copy_unread(unread, scan, plan, written_ids, writers, *facet_codes, report);
  report.writing_seconds = seconds_since(writing_started);
  for (const ScannedFile& f : scan.files) report.files_changed += f.changed ? 1 : 0;

  const auto finishing_started = std::chrono::steady_clock::now();
  if (writers.bulk && writers.bulk->written() + report.resumed == 0) {  // a new generation with nothing in it
    report.published = false;
    report.documents_in_index = store.current_document_count();
    report.seconds = seconds_since(started);
    return report;
  }
  finish_writing(writers, store, scan, plan, unread, options, report);
  write_index_metadata(store, *analyzers.front(), *facet_codes);
  const bool updated_in_place = !store.rebuilding();
  store.publish();
  if (updated_in_place) compact_if_due(store, options.compact, options.compact_ratio, report);
  for (Xapian::WritableDatabase& shard : store.shards()) report.documents_in_index += shard.get_doccount();
  report.finishing_seconds = seconds_since(finishing_started);
  report.seconds = seconds_since(started);
  return report;
}

}  // namespace kaiji
