#include "cli/command_line.h"

#include <iostream>
#include <string_view>

namespace kaiji::cli {

void add_analysis_options(po::options_description& description, AnalysisOptions& options) {
  description.add_options()
      ("dicdir", po::value(&options.dicdir)->value_name("DIR"),
       "MeCab dictionary directory (default: the installed IPAdic; index and search with the same one)")
      ("data-dir", po::value(&options.data_dir)->value_name("DIR"),
       "kaiji data: user.dic and the tables of dict/ (default: the build's)");
}

std::string version_line(std::string_view program, int index_format) {
  return std::string(program) + " " + KAIJI_VERSION + " (kaiji index format " + std::to_string(index_format) + ")";
}

bool parse(int argc, char** argv, const po::options_description& visible, std::vector<std::string>& words,
           std::string_view version) {
  constexpr std::string_view kPlaceholder = "\x01kaiji-negated-word-";
  std::vector<std::string> args(argv + 1, argv + argc);
  std::vector<std::string> negated;
  for (std::string& arg : args) {
    if (arg.size() > 2 && arg[0] == '-' && arg[1] != '-') {
      negated.push_back(arg);
      arg = std::string(kPlaceholder) + std::to_string(negated.size() - 1);
    }
  }
  po::options_description hidden;
  hidden.add_options()("kaiji-positional-words", po::value(&words));
  po::options_description all;
  all.add(visible).add(hidden);
  po::positional_options_description positional;
  positional.add("kaiji-positional-words", -1);
  po::variables_map vm;
  po::store(po::command_line_parser(args).options(all).positional(positional).run(), vm);
  po::notify(vm);
  for (std::string& word : words) {
    if (word.starts_with(kPlaceholder)) word = negated[std::stoul(word.substr(kPlaceholder.size()))];
  }
  if (vm.count("help")) {
    std::cout << visible << '\n';
    return false;
  }
  if (vm.count("version")) {
    std::cout << version << '\n';
    return false;
  }
  return true;
}

}  // namespace kaiji::cli
