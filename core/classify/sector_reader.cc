#include "classify/sector_reader.h"

#include <algorithm>
#include <map>
#include <stdexcept>

#include "base/text_normalizer.h"
#include "base/utf8.h"
#include "classify/org_words.h"

namespace kaiji {
namespace {

bool is_single_character(std::string_view word) {
  std::size_t i = 0;
  utf8::decode(word, i);
  return i == word.size();
}

}  // namespace

SectorReader::SectorReader(const std::vector<TableLine>& lines, const std::string& path,
                           const std::vector<std::string>& sectors) {
  static const std::map<std::string, Layer, std::less<>> layers = {
      {"title", Layer::Title}, {"site", Layer::Site}, {"unit", Layer::Unit},  {"form", Layer::Form},
      {"generic", Layer::Generic}, {"self", Layer::Self}, {"business", Layer::Business}};
  for (const TableLine& line : lines) {
    const std::string where = path + ":" + std::to_string(line.line_number) + ": ";
    if (line.words.size() != 3) throw std::runtime_error(where + "expected sector, layer, word");
    if (std::find(sectors.begin(), sectors.end(), line.words[0]) == sectors.end()) {
      throw std::runtime_error(where + "'" + line.words[0] + "' is not a sector of taxonomy.tsv");
    }
    const auto layer = layers.find(line.words[1]);
    if (layer == layers.end()) throw std::runtime_error(where + "layer must be title, site, unit, form, generic, self or business");
    words_.push_back({line.words[0], layer->second, fold_case(normalize(line.words[2])), line.line_number});
  }
}

// The word of `layer` whose occurrence ends latest in the text (a name's ending tells its
// business best: 鷹羽医科大学附属病院 is a hospital); at one end, the longer word.
std::optional<SectorFinding> SectorReader::latest_ending(std::string_view text, Layer layer, const char* where,
                                                         std::size_t base) const {
  std::optional<SectorFinding> best;
  std::size_t best_end = 0, best_size = 0;
  for (const Word& w : words_) {
    if (w.layer != layer) continue;
    const bool only_at_end = is_single_character(w.text);
    const std::size_t at = only_at_end ? (text.ends_with(w.text) ? text.size() - w.text.size() : std::string_view::npos)
                                       : text.rfind(w.text);
    if (at == std::string_view::npos) continue;
    const std::size_t end = at + w.text.size();
    if (best && (end < best_end || (end == best_end && w.text.size() <= best_size))) continue;
    best = SectorFinding{w.sector, w.line, w.text, where, base + at};
    best_end = end;
    best_size = w.text.size();
  }
  return best;
}

std::optional<SectorFinding> SectorReader::first_found(std::string_view text, Layer layer, const char* where) const {
  std::optional<SectorFinding> best;
  for (const Word& w : words_) {
    if (w.layer != layer) continue;
    const std::size_t at = text.find(w.text);
    if (at != std::string_view::npos && (!best || at < best->offset)) best = SectorFinding{w.sector, w.line, w.text, where, at};
  }
  return best;
}

// The sector whose words of `layer` occur most often (at a tie, the one found first).
std::optional<SectorFinding> SectorReader::most_frequent(std::string_view text, Layer layer, const char* where) const {
  std::map<std::string, std::size_t> count;
  std::map<std::string, SectorFinding> first;
  for (const Word& w : words_) {
    if (w.layer != layer) continue;
    for (std::size_t at = text.find(w.text); at != std::string_view::npos; at = text.find(w.text, at + w.text.size())) {
      ++count[w.sector];
      auto [it, added] = first.try_emplace(w.sector, SectorFinding{w.sector, w.line, w.text, where, at});
      if (!added && at < it->second.offset) it->second = SectorFinding{w.sector, w.line, w.text, where, at};
    }
  }
  const SectorFinding* best = nullptr;
  for (const auto& [sector, finding] : first) {
    if (best == nullptr || count[sector] > count[best->sector] ||
        (count[sector] == count[best->sector] && finding.offset < best->offset)) {
      best = &finding;
    }
  }
  return best ? std::optional<SectorFinding>(*best) : std::nullopt;
}

std::optional<SectorFinding> SectorReader::read(std::string_view title, std::string_view org,
                                                std::string_view body) const {
  if (auto found = first_found(title, Layer::Title, "title")) return found;
  if (auto found = first_found(title, Layer::Site, "title")) return found;
  if (auto found = first_found(body, Layer::Site, "body")) return found;
  // The last piece of the name is the unit: 学校法人鷹羽学園 鷹羽医科大学附属病院.
  const std::vector<std::string_view> pieces = pieces_of(org);
  if (!pieces.empty()) {
    const std::size_t base = static_cast<std::size_t>(pieces.back().data() - org.data());
    if (auto found = latest_ending(pieces.back(), Layer::Unit, "org", base)) return found;
    for (std::size_t k = pieces.size() - 1; k-- > 0;) {
      const std::size_t at = static_cast<std::size_t>(pieces[k].data() - org.data());
      if (auto found = latest_ending(pieces[k], Layer::Unit, "org", at)) return found;
    }
  }
  if (auto found = first_found(org, Layer::Form, "org")) return found;
  if (auto found = latest_ending(org, Layer::Generic, "org", 0)) return found;
  if (auto found = most_frequent(body, Layer::Self, "body")) return found;
  return most_frequent(body, Layer::Business, "body");
}

}  // namespace kaiji
