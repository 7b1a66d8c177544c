// The terms and slots incremental indexing keeps on each document, never searched:
// the version (XH term, kVersionSlot) that tells an unchanged notice from a changed one,
// and the source files (XP terms, kSourceFilesSlot) that tell which notices a re-read or
// vanished file held.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace kaiji {

// A version as stored: 16 hex digits of the notice's copies and analysis hash.
std::string version_string(std::uint64_t hash);
std::string version_term(std::string_view version);
void add_version(Xapian::Document& document, std::string_view version);
std::string version_of(const Xapian::Document& document);

// The bookkeeping term of a source file: its path, or a hash of it when the path is too
// long to be a term.
std::string source_term(const std::string& absolute_path);
// Adds the source terms and slot (standard input has no file: give none).
void add_source_files(Xapian::Document& document, const std::vector<std::string>& absolute_paths);
std::vector<std::string> source_files_of(const Xapian::Document& document);

}  // namespace kaiji
