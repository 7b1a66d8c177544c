// A notice's sector from layered evidence (dict/sector_words.tsv): the unit named in its
// title, the business words of its publisher's name, the legal form, how the text refers to
// its publisher (当金庫, 本市), and what it says the publisher does. The first layer that
// finds anything decides; see the table's header for the layers and how each is read.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/term_table.h"

namespace kaiji {

// The sector a layer found, and the table line and text that show it.
struct SectorFinding {
  std::string sector;
  std::size_t line = 0;       // in sector_words.tsv
  std::string word;           // the table's word, as it matched
  std::string where;          // title | org | body
  std::size_t offset = 0;     // bytes into that (folded) field
};

class SectorReader {
 public:
  SectorReader() = default;
  // Lines of sector_words.tsv; every sector must be one of `sectors`, else
  // std::runtime_error names the line.
  SectorReader(const std::vector<TableLine>& lines, const std::string& path, const std::vector<std::string>& sectors);

  // Fields folded as the classifier folds them (NFKC, lower case).
  std::optional<SectorFinding> read(std::string_view title, std::string_view org, std::string_view body) const;

 private:
  enum class Layer { Title, Site, Unit, Form, Generic, Self, Business };
  struct Word {
    std::string sector;
    Layer layer;
    std::string text;  // folded
    std::size_t line = 0;
  };
  std::optional<SectorFinding> latest_ending(std::string_view text, Layer layer, const char* where,
                                             std::size_t base) const;
  std::optional<SectorFinding> first_found(std::string_view text, Layer layer, const char* where) const;
  std::optional<SectorFinding> most_frequent(std::string_view text, Layer layer, const char* where) const;

  std::vector<Word> words_;
};

}  // namespace kaiji
