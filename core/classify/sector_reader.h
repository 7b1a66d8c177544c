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
#include "classify/phrase_matcher.h"
#include "classify/text_folder.h"

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
  SectorReader(const std::vector<TableLine>& lines, const std::string& path, const std::vector<std::string>& sectors,
               const TextFolder& folder = TextFolder());

  // Fields folded as the classifier folds them (text_folder.h).
  std::optional<SectorFinding> read(std::string_view title, std::string_view org, std::string_view body) const;

 private:
  enum class Layer { Title, Site, Unit, Form, Generic, Self, Business, Description };
  struct Word {
    std::string sector;
    Layer layer;
    std::string text;  // folded
    std::size_t line = 0;
  };
  std::optional<SectorFinding> latest_ending(std::string_view text, Layer layer, const char* where,
                                             std::size_t base) const;
  std::optional<SectorFinding> first_found(std::string_view text, Layer layer, const char* where) const;
  // A business word in a sentence that describes the business counts this many times.
  static constexpr std::size_t kDescribedWeight = 5;
  // The sector whose words of a layer occur most often, and how often (described words weighed).
  struct Tally {
    std::optional<SectorFinding> finding;
    std::size_t count = 0;
  };
  Tally most_frequent(std::string_view text, Layer layer, const char* where) const;
  // Byte spans of the sentences of text that describe the publisher's business.
  std::vector<std::pair<std::size_t, std::size_t>> described(std::string_view text) const;

  // The words of a many-word layer (unit, generic, self, business), found in one pass.
  struct TextLayer {
    PhraseMatcher matcher;
    std::vector<std::size_t> words;  // the layer's words, as indexes into words_ (matcher phrase → index)
  };
  const TextLayer& text_layer(Layer layer) const { return text_layers_[static_cast<std::size_t>(layer)]; }

  std::vector<Word> words_;
  std::vector<TextLayer> text_layers_;  // by Layer; the few-word layers have no matcher
};

}  // namespace kaiji
