#include "index/bookkeeping.h"

#include <cstdio>

#include <xxhash.h>

#include "index/schema.h"
#include "index/value_codecs.h"

namespace kaiji {

std::string version_string(std::uint64_t hash) {
  char out[17];
  std::snprintf(out, sizeof out, "%016llx", static_cast<unsigned long long>(hash));
  return out;
}

std::string version_term(std::string_view version) { return schema::term(schema::kVersionPrefix, version); }

void add_version(Xapian::Document& document, std::string_view version) {
  document.add_boolean_term(version_term(version));
  document.add_value(schema::kVersionSlot, std::string(version));
}

std::string version_of(const Xapian::Document& document) { return document.get_value(schema::kVersionSlot); }

std::string source_term(const std::string& absolute_path) {
  std::string term = schema::term(schema::kSourcePrefix, absolute_path);
  if (term.size() <= schema::kMaxTermBytes) return term;
  char hash[20];
  std::snprintf(hash, sizeof hash, "#%016llx",
                static_cast<unsigned long long>(XXH3_64bits(absolute_path.data(), absolute_path.size())));
  return schema::term(schema::kSourcePrefix, hash);
}

void add_source_files(Xapian::Document& document, const std::vector<std::string>& absolute_paths) {
  for (const std::string& path : absolute_paths) document.add_boolean_term(source_term(path));
  if (!absolute_paths.empty()) document.add_value(schema::kSourceFilesSlot, codec::join_values(absolute_paths));
}

std::vector<std::string> source_files_of(const Xapian::Document& document) {
  return codec::split_values(document.get_value(schema::kSourceFilesSlot));
}

}  // namespace kaiji
