#include "classify/sector_reader.h"

#include <algorithm>
#include <map>
#include <stdexcept>

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
                           const std::vector<std::string>& sectors, const TextFolder& folder) {
  static const std::map<std::string, Layer, std::less<>> layers = {
      {"title", Layer::Title}, {"site", Layer::Site}, {"unit", Layer::Unit},  {"form", Layer::Form},
      {"generic", Layer::Generic}, {"self", Layer::Self}, {"business", Layer::Business},
      {"description", Layer::Description}};
  for (const TableLine& line : lines) {
    const std::string where = path + ":" + std::to_string(line.line_number) + ": ";
    if (line.words.size() != 3) throw std::runtime_error(where + "expected sector, layer, word");
    const auto layer = layers.find(line.words[1]);
    if (layer == layers.end()) {
      throw std::runtime_error(where + "layer must be title, site, unit, form, generic, self, business or description");
    }
    // A description names no sector: it marks the sentences whose business words count most.
    const bool sectorless = layer->second == Layer::Description;
    if (sectorless ? line.words[0] != "-" : std::find(sectors.begin(), sectors.end(), line.words[0]) == sectors.end()) {
      throw std::runtime_error(where + "'" + line.words[0] + "' is not " +
                               (sectorless ? std::string("'-' (a description names no sector)") : "a sector of taxonomy.tsv"));
    }
    words_.push_back({line.words[0], layer->second, folder.fold(line.words[2]), line.line_number});
  }
  text_layers_.resize(static_cast<std::size_t>(Layer::Description) + 1);
  for (std::size_t w = 0; w < words_.size(); ++w) text_layers_[static_cast<std::size_t>(words_[w].layer)].words.push_back(w);
  for (const Layer layer : {Layer::Unit, Layer::Generic, Layer::Self, Layer::Business, Layer::Description}) {
    TextLayer& text = text_layers_[static_cast<std::size_t>(layer)];
    std::vector<std::string> phrases;
    for (const std::size_t w : text.words) phrases.push_back(words_[w].text);
    text.matcher = PhraseMatcher(std::move(phrases));
  }
}

namespace {
// A short katakana word (ネット, ソフト, データ) right before more katakana is the start of a
// longer word (食卓ネットワーク); a longer one is a word of a compound (ケーブルネットワーク).
bool cuts_katakana_word(std::string_view text, std::string_view word, std::size_t end) {
  constexpr std::size_t kShortWordChars = 3;
  if (end == 0 || end >= text.size() || utf8::length(word) > kShortWordChars) return false;
  std::size_t i = end;
  return utf8::is_katakana(utf8::decode_before(text, end)) && utf8::is_katakana(utf8::decode(text, i));
}

// The words after a business word name it as the customers: 「ホテル向けに」, or one of
// several joined before the 向け (「飲食店やホテル向けに」).
bool serves(std::string_view text, std::size_t end) {
  constexpr std::size_t kCustomersChars = 10;
  const std::string_view rest = utf8::before_any(utf8::prefix(text.substr(end), kCustomersChars), {"、", "。"});
  return rest.find("向け") != std::string_view::npos;
}
}  // namespace

// The word of `layer` whose occurrence ends latest in the text (a name's ending tells its
// business best: 鷹羽医科大学附属病院 is a hospital); at one end, the longer word.
std::optional<SectorFinding> SectorReader::latest_ending(std::string_view text, Layer layer, const char* where,
                                                         std::size_t base) const {
  const TextLayer& words = text_layer(layer);
  const Word* best = nullptr;
  std::size_t best_at = 0, best_end = 0;
  words.matcher.for_each_match(text, [&](std::size_t phrase, std::size_t at) {
    const Word& w = words_[words.words[phrase]];
    const std::size_t end = at + w.text.size();
    if (is_single_character(w.text) && end != text.size()) return;  // 局, 店: only as the ending
    if (cuts_katakana_word(text, w.text, end)) return;  // ネット inside 食卓ネットワーク names no ISP
    if (best != nullptr && (end < best_end || (end == best_end && w.text.size() <= best->text.size()))) return;
    best = &w;
    best_at = at;
    best_end = end;
  });
  if (best == nullptr) return std::nullopt;
  return SectorFinding{best->sector, best->line, best->text, where, base + best_at};
}

// The layer's word found first in the text. The layers read this way have a handful of
// words, and std::string_view::find (memchr underneath) beats a matcher's pass for those.
std::optional<SectorFinding> SectorReader::first_found(std::string_view text, Layer layer, const char* where) const {
  std::optional<SectorFinding> best;
  for (const std::size_t index : text_layer(layer).words) {
    const Word& w = words_[index];
    const std::size_t at = text.find(w.text);
    if (at != std::string_view::npos && (!best || at < best->offset)) best = SectorFinding{w.sector, w.line, w.text, where, at};
  }
  return best;
}

std::vector<std::pair<std::size_t, std::size_t>> SectorReader::described(std::string_view text) const {
  std::vector<std::pair<std::size_t, std::size_t>> spans;
  text_layer(Layer::Description).matcher.for_each_match(text, [&](std::size_t, std::size_t at) {
    const std::string_view sentence = utf8::sentence_around(text, at);
    const auto begin = static_cast<std::size_t>(sentence.data() - text.data());
    if (spans.empty() || spans.back().first != begin) spans.emplace_back(begin, begin + sentence.size());
  });
  return spans;
}

// The sector whose words of `layer` occur most often (at a tie, the one found first). A
// business word in a sentence that describes the business (「当社は、…サービスを提供して
// おります」) counts kDescribedWeight times: a word met in passing (飲食店で, 給与振込口座) once.
SectorReader::Tally SectorReader::most_frequent(std::string_view text, Layer layer, const char* where) const {
  const auto spans = layer == Layer::Business ? described(text) : std::vector<std::pair<std::size_t, std::size_t>>();
  const auto weight = [&](std::size_t at) {
    const bool in = std::any_of(spans.begin(), spans.end(), [&](const auto& s) { return at >= s.first && at < s.second; });
    return in ? kDescribedWeight : 1;
  };
  // Few sectors: a short vector beats a map of strings (this runs for most notices).
  struct SectorCount {
    const Word* first;
    std::size_t offset, count;
    std::size_t covered;  // where the last counted word ends: 飲食 inside 飲食店 is the same mention
  };
  std::vector<SectorCount> tallies;
  const TextLayer& words = text_layer(layer);
  words.matcher.for_each_match(text, [&](std::size_t phrase, std::size_t at) {
    const Word& w = words_[words.words[phrase]];
    // 「飲食店やホテル向けに業務用食品を卸売」: who the business serves, not what it is.
    if (layer == Layer::Business && serves(text, at + w.text.size())) return;
    const auto known = std::find_if(tallies.begin(), tallies.end(), [&](const SectorCount& t) { return t.first->sector == w.sector; });
    if (known == tallies.end()) {
      tallies.push_back({&w, at, weight(at), at + w.text.size()});
    } else if (at >= known->covered) {
      known->count += weight(at);
      known->covered = at + w.text.size();
    }
  });
  const SectorCount* best = nullptr;
  for (const SectorCount& t : tallies) {
    if (best == nullptr || t.count > best->count) best = &t;  // tallies are in order of first match
  }
  if (best == nullptr) return {};
  return {SectorFinding{best->first->sector, best->first->line, best->first->text, where, best->offset}, best->count};
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
  // What a sentence says the publisher does (「弊社は、…保険代理店として…承っております」)
  // outweighs a name word that says little (プランニング, サービス); met only in passing,
  // business words come last.
  const Tally business = most_frequent(body, Layer::Business, "body");
  if (business.count >= kDescribedWeight) return business.finding;
  if (auto found = latest_ending(org, Layer::Generic, "org", 0)) return found;
  if (auto found = most_frequent(body, Layer::Self, "body").finding) return found;
  return business.finding;
}

}  // namespace kaiji
