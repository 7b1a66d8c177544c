#include "base/term_table.h"

#include <fstream>
#include <stdexcept>

#include "base/utf8.h"

namespace kaiji {

std::vector<TableLine> read_table_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read table " + path);
  std::vector<TableLine> lines;
  std::string line;
  for (std::size_t number = 1; std::getline(in, line); ++number) {
    const std::string_view trimmed = utf8::trim(line);
    if (trimmed.empty() || trimmed.front() == '#') continue;
    TableLine entry{number, {}};
    std::size_t start = 0;
    while (start <= trimmed.size()) {
      const std::size_t tab = trimmed.find('\t', start);
      const std::string_view word =
          utf8::trim(trimmed.substr(start, tab == std::string_view::npos ? tab : tab - start));
      if (!word.empty()) entry.words.emplace_back(word);
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    lines.push_back(std::move(entry));
  }
  return lines;
}

VariantTable::VariantTable(const std::vector<TableLine>& lines,
                           const std::function<std::string(std::string_view)>& normalise) {
  for (const TableLine& line : lines) {
    if (line.words.size() < 2) continue;
    const std::string canonical = normalise(line.words.front());
    for (const std::string& spelling : line.words) {
      const std::string key = normalise(spelling);
      if (key != canonical) canonical_[key] = canonical;
    }
  }
}

const std::string& VariantTable::fold(const std::string& term) const {
  const auto it = canonical_.find(term);
  return it == canonical_.end() ? term : it->second;
}

SynonymTable::SynonymTable(const std::vector<TableLine>& lines,
                           const std::function<std::string(std::string_view)>& normalise) {
  for (const TableLine& line : lines) {
    if (line.words.size() < 2) continue;
    auto& target = synonyms_[normalise(line.words.front())];
    for (std::size_t k = 1; k < line.words.size(); ++k) target.push_back(normalise(line.words[k]));
  }
}

const std::vector<std::string>& SynonymTable::lookup(const std::string& word) const {
  static const std::vector<std::string> none;
  const auto it = synonyms_.find(word);
  return it == synonyms_.end() ? none : it->second;
}

}  // namespace kaiji
