#include "analysis/mecab_tokenizer.h"

#include <array>
#include <filesystem>
#include <stdexcept>

#include <mecab.h>

namespace kaiji {
namespace {

// The first fields of a MeCab feature string ("名詞,一般,*,…"), split at commas
// without allocating (this runs for every morpheme); `count` says how many there were.
struct FeatureFields {
  static constexpr std::size_t kKept = 10;  // up to the user dictionary's parts column
  std::array<std::string_view, kKept> field{};
  std::size_t count = 0;
};

// One pass over the NUL-terminated feature string: no strlen, no search per field.
FeatureFields split_feature(const char* feature) {
  FeatureFields f;
  const char* start = feature;
  for (const char* c = feature;; ++c) {
    if (*c != ',' && *c != '\0') continue;
    f.field[f.count++] = std::string_view(start, static_cast<std::size_t>(c - start));
    if (*c == '\0' || f.count == FeatureFields::kKept) break;
    start = c + 1;
  }
  return f;
}

std::vector<std::string_view> split_parts(std::string_view parts) {
  std::vector<std::string_view> out;
  if (parts.empty() || parts == "*") return out;
  std::size_t start = 0;
  while (start <= parts.size()) {
    const std::size_t slash = parts.find('/', start);
    const std::string_view part = parts.substr(start, slash == std::string_view::npos ? slash : slash - start);
    if (!part.empty()) out.emplace_back(part);
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return out;
}

}  // namespace

PartOfSpeech part_of_speech(std::string_view pos) {
  static constexpr std::pair<std::string_view, PartOfSpeech> kNames[] = {
      {"名詞", PartOfSpeech::noun},       {"動詞", PartOfSpeech::verb},
      {"形容詞", PartOfSpeech::adjective}, {"助動詞", PartOfSpeech::auxiliary_verb},
      {"助詞", PartOfSpeech::particle},   {"記号", PartOfSpeech::symbol},
      {"フィラー", PartOfSpeech::filler},  {"感動詞", PartOfSpeech::interjection},
      {"接続詞", PartOfSpeech::conjunction}, {"その他", PartOfSpeech::unclassified},
  };
  for (const auto& [name, tag] : kNames) {
    if (pos == name) return tag;
  }
  return PartOfSpeech::other;
}

const MecabTokenizer::Features& MecabTokenizer::features_of(const char* feature) {
  // Feature strings are at least a few bytes apart: the low bits say little.
  const std::size_t slot = (reinterpret_cast<std::uintptr_t>(feature) >> 4) % kFeatureSlots;
  if (features_.empty()) features_.resize(kFeatureSlots);
  Features& out = features_[slot];
  if (out.feature == feature) return out;
  out = Features{};
  out.feature = feature;
  const FeatureFields f = split_feature(feature);
  if (f.count > 0) out.pos = f.field[0];
  if (f.count > 1) out.pos_detail = f.field[1];
  if (f.count > 6 && f.field[6] != "*") out.base = f.field[6];
  if (f.count > 9) out.parts = split_parts(f.field[9]);
  out.tag = part_of_speech(out.pos);
  return out;
}

void MecabTokenizer::ModelDeleter::operator()(MeCab::Model* m) const { delete m; }
void MecabTokenizer::TaggerDeleter::operator()(MeCab::Tagger* t) const { delete t; }
void MecabTokenizer::LatticeDeleter::operator()(MeCab::Lattice* l) const { delete l; }

MecabTokenizer::MecabTokenizer(const MecabOptions& options) {
  namespace fs = std::filesystem;
  if (!fs::exists(fs::path(options.dicdir) / "sys.dic")) {
    throw std::runtime_error("MeCab dictionary not found: " + options.dicdir + " has no sys.dic");
  }
  if (!options.userdic.empty() && !fs::exists(options.userdic)) {
    throw std::runtime_error("MeCab user dictionary not found: " + options.userdic);
  }
  // -r /dev/null: never read /etc/mecabrc, whose dicdir follows whichever dictionary
  // package was installed last. The dictionary is always the one we name.
  std::string args = "-r /dev/null -d " + options.dicdir;
  if (!options.userdic.empty()) args += " -u " + options.userdic;
  model_.reset(MeCab::createModel(args.c_str()));
  if (!model_) {
    throw std::runtime_error("MeCab could not load " + options.dicdir + ": " + MeCab::getLastError());
  }
  tagger_.reset(model_->createTagger());
  if (!tagger_) throw std::runtime_error(std::string("MeCab tagger: ") + MeCab::getLastError());
  lattice_.reset(model_->createLattice());
}

MecabTokenizer::~MecabTokenizer() = default;

std::vector<Morpheme> MecabTokenizer::tokenize(std::string_view text) {
  std::vector<Morpheme> out;
  if (text.empty()) return out;
  out.reserve(text.size() / 3);  // about one morpheme per 1–2 characters
  MeCab::Lattice* const lattice = lattice_.get();
  lattice->set_sentence(text.data(), text.size());
  if (!tagger_->parse(lattice)) return out;
  for (const MeCab::Node* node = lattice->bos_node(); node != nullptr; node = node->next) {
    if (node->stat == MECAB_BOS_NODE || node->stat == MECAB_EOS_NODE || node->length == 0) continue;
    Morpheme m;
    m.begin = static_cast<std::size_t>(node->surface - text.data());
    m.end = m.begin + node->length;
    m.surface = text.substr(m.begin, node->length);
    m.unknown = node->stat == MECAB_UNK_NODE;
    const Features& f = features_of(node->feature);
    m.pos = f.pos;
    m.tag = f.tag;
    m.pos_detail = f.pos_detail;
    m.base = f.base;
    m.parts = f.parts;
    out.push_back(std::move(m));
  }
  return out;
}

}  // namespace kaiji
