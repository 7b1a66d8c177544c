// Command-line pieces both binaries share: the analysis options and the parsing of
// options followed by free words. A room of its own (kaiji_cli) so the rest of core does
// not depend on Boost.Program_options.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <boost/program_options.hpp>

#include "analysis/analyzer.h"

namespace kaiji::cli {

namespace po = boost::program_options;

// --dicdir and --data-dir, bound to `options`.
void add_analysis_options(po::options_description& description, AnalysisOptions& options);

// "kaiji-searcher 0.1.0 (kaiji index format 10)": what --version prints.
std::string version_line(std::string_view program, int index_format);

// Parses the visible options, with every other argument collected into `words`.
// Returns false when --help or --version (an option of visible, when it has one) was
// asked for: the help, or `version`, has then been printed.
// Throws po::error on a usage error.
// A single-dash argument longer than two characters (-委託, -cause:ransomware) is a
// negated query word, not a bundle of short options, and stays in its place among the
// words.
bool parse(int argc, char** argv, const po::options_description& visible, std::vector<std::string>& words,
           std::string_view version = {});

}  // namespace kaiji::cli
