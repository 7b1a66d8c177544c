// Tables kept as data in dict/: orthographic variants (folded at index and query time)
// and query-time synonyms. Both files share one format: tab-separated words on a line,
// '#' starts a comment line.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace kaiji {

// One line of a table: the first word and the words after it. Lines keep their number
// so errors can name them.
struct TableLine {
  std::size_t line_number = 0;
  std::vector<std::string> words;
};

// Reads a table file. Throws std::runtime_error naming the file when it cannot be read.
std::vector<TableLine> read_table_file(const std::string& path);

// Maps every spelling of a group to its canonical spelling (the first word).
class VariantTable {
 public:
  VariantTable() = default;
  // normalise turns a spelling into the form the analyser produces, so the table can be
  // written in ordinary spelling.
  VariantTable(const std::vector<TableLine>& lines, const std::function<std::string(std::string_view)>& normalise);

  // The canonical form of term, or term itself.
  const std::string& fold(const std::string& term) const;
  std::size_t size() const { return canonical_.size(); }

 private:
  std::unordered_map<std::string, std::string> canonical_;
};

// word ⇒ synonyms, one direction, applied to query words only.
class SynonymTable {
 public:
  SynonymTable() = default;
  SynonymTable(const std::vector<TableLine>& lines, const std::function<std::string(std::string_view)>& normalise);

  // Synonyms of a normalised word (empty when it has none).
  const std::vector<std::string>& lookup(const std::string& word) const;
  std::size_t size() const { return synonyms_.size(); }

 private:
  std::unordered_map<std::string, std::vector<std::string>> synonyms_;
};

}  // namespace kaiji
