#include "indexing_run.h"

#include <chrono>

#include <xapian.h>

#include "classifier.h"
#include "dedupe.h"
#include "document_builder.h"
#include "input_files.h"
#include "schema.h"
#include "utf8.h"

namespace kaiji {
namespace {

// Invalid UTF-8 is replaced, not dropped: the good text around it is kept. The first
// bad byte is reported so the user can find it.
std::string repair_utf8(std::string&& text, const std::string& path, std::vector<ReadProblem>& problems) {
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t start = i;
    if (utf8::decode(text, i) == utf8::kReplacement && i - start != 3) {
      problems.push_back({path, 0, "invalid UTF-8 at byte " + std::to_string(start) + " (replaced with U+FFFD)"});
      return utf8::sanitize(text);
    }
  }
  return std::move(text);
}

}  // namespace

IndexingReport run_indexing(const IndexingOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  IndexingReport report;
  const Analyzer analyzer(options.analysis);
  const Classifier classifier(options.analysis.data_dir);

  InputFiles inputs = collect_input_files(options.inputs);
  report.problems = std::move(inputs.problems);
  std::vector<Notice> notices;
  for (const std::string& path : inputs.files) {
    std::optional<std::string> content = read_whole_file(path, report.problems);
    if (!content) continue;
    ++report.files_read;
    report.input_bytes += content->size();
    const std::string text = repair_utf8(std::move(*content), path, report.problems);
    ReadResult read = read_blog_dump(text, path);
    if (read.notices.empty()) report.problems.push_back({path, 0, "no notice found in this file"});
    report.notices_read += read.notices.size();
    for (Notice& n : read.notices) notices.push_back(std::move(n));
    for (ReadProblem& p : read.problems) report.problems.push_back(std::move(p));
  }

  DedupeResult unique = merge_duplicates(std::move(notices));
  report.duplicates_merged = unique.merged;

  Xapian::WritableDatabase db(options.db_path, Xapian::DB_CREATE_OR_OPEN);
  db.begin_transaction();
  for (Notice& notice : unique.notices) {
    notice.facets = classifier.classify(notice);
    db.replace_document(schema::term(schema::kIdPrefix, notice.id), build_document(notice, analyzer));
    ++report.notices_indexed;
  }
  db.commit_transaction();
  report.documents_in_index = db.get_doccount();
  db.close();

  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return report;
}

}  // namespace kaiji
