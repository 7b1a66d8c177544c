#include "analysis/analyzer.h"

#include <array>
#include <filesystem>
#include <stdexcept>

#include <unicode/uchar.h>

#include "base/text_normalizer.h"
#include "base/utf8.h"

#ifndef KAIJI_DEFAULT_DICDIR
#error "KAIJI_DEFAULT_DICDIR must be defined by the build"
#endif
#ifndef KAIJI_DEFAULT_DATA_DIR
#error "KAIJI_DEFAULT_DATA_DIR must be defined by the build"
#endif

namespace kaiji {
namespace {

// MeCab's own limit is generous, but lattices grow with sentence length; long lines are
// cut at a sentence end (or any code point) so a 2 MB line costs linear time.
constexpr std::size_t kMaxChunk = 4096;

bool is_conjugating(PartOfSpeech tag) {
  return tag == PartOfSpeech::verb || tag == PartOfSpeech::adjective || tag == PartOfSpeech::auxiliary_verb;
}

// Words that carry grammar, not meaning. They keep their position (phrases stay exact)
// but get no posting: nobody searches for を, and they would only add noise to ranking.
bool is_stop(const Morpheme& m, std::string_view term) {
  switch (m.tag) {
    case PartOfSpeech::particle:
    case PartOfSpeech::auxiliary_verb:
    case PartOfSpeech::symbol:
    case PartOfSpeech::filler:
    case PartOfSpeech::interjection:
    case PartOfSpeech::conjunction:
    case PartOfSpeech::unclassified:
      return true;
    default:
      break;
  }
  if (m.pos_detail == "非自立") return true;
  if (m.tag == PartOfSpeech::verb) {
    static constexpr std::array<std::string_view, 12> filler_verbs = {
        "する", "ある", "いる", "なる", "できる", "れる", "られる", "せる", "おる", "いたす", "致す", "くださる"};
    for (std::string_view v : filler_verbs) {
      if (term == v) return true;
    }
  }
  // Nothing searchable: only punctuation or white space.
  for (std::size_t i = 0; i < term.size();) {
    if (u_isalnum(static_cast<UChar32>(utf8::decode(term, i)))) return false;
  }
  return true;
}

// Splits normalised text into pieces MeCab should see separately: lines, and long lines
// at 。 or, failing that, at a code point boundary.
template <typename Fn>
void for_each_chunk(std::string_view text, Fn&& fn) {
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) nl = text.size();
    std::size_t line_start = start;
    while (nl - line_start > kMaxChunk) {
      std::string_view window = text.substr(line_start, kMaxChunk);
      std::size_t cut = window.rfind("。");
      if (cut == std::string_view::npos || cut < kMaxChunk / 4) {
        cut = kMaxChunk;
        while (cut > 0 && (static_cast<unsigned char>(text[line_start + cut]) & 0xC0) == 0x80) --cut;
      } else {
        cut += std::string_view("。").size();
      }
      fn(text.substr(line_start, cut), line_start);
      line_start += cut;
    }
    fn(text.substr(line_start, nl - line_start), line_start);
    start = nl + 1;
  }
}

// A one-character ヶ ケ ヵ カ が or か standing alone between two words that meet it in
// kanji: the connector of a place name that MeCab cut (白鷺 ヶ 丘, 白鷺 が 丘). It keeps
// its position but gets no posting, so every spelling of the name is the same phrase.
bool is_name_connector(const std::vector<Morpheme>& morphemes, std::size_t k) {
  if (k == 0 || k + 1 >= morphemes.size()) return false;
  const std::string_view s = morphemes[k].surface;
  if (s != "ヶ" && s != "ケ" && s != "ヵ" && s != "カ" && s != "が" && s != "か") return false;
  const std::string_view before = morphemes[k - 1].surface;
  const std::string_view after = morphemes[k + 1].surface;
  if (before.empty() || after.empty() || morphemes[k - 1].end != morphemes[k].begin ||
      morphemes[k].end != morphemes[k + 1].begin) {
    return false;
  }
  std::size_t last = before.size();
  while (last > 0 && (static_cast<unsigned char>(before[last - 1]) & 0xC0) == 0x80) --last;
  if (last == 0) return false;  // only continuation bytes: no character to look at
  std::size_t i = last - 1, j = 0;
  return utf8::is_kanji(utf8::decode(before, i)) && utf8::is_kanji(utf8::decode(after, j));
}

}  // namespace

AnalysisOptions default_analysis_options() {
  AnalysisOptions options;
  options.dicdir = KAIJI_DEFAULT_DICDIR;
  options.data_dir = KAIJI_DEFAULT_DATA_DIR;
  return options;
}

std::string Analyzer::fold_word(std::string_view word) const { return variants_.fold(normalise_word(word)); }

Analyzer::Analyzer(const AnalysisOptions& options) {
  namespace fs = std::filesystem;
  MecabOptions mecab;
  mecab.dicdir = options.dicdir;
  if (options.use_user_dictionary) mecab.userdic = (fs::path(options.data_dir) / "user.dic").string();
  mecab_ = std::make_unique<MecabTokenizer>(mecab);
  variants_ = VariantTable(read_table_file((fs::path(options.data_dir) / "variants.tsv").string()), normalise_word);
  std::vector<TableLine> synonym_lines = read_table_file((fs::path(options.data_dir) / "synonyms.tsv").string());
  for (TableLine& line : read_table_file((fs::path(options.data_dir) / "loanwords.tsv").string())) {
    synonym_lines.push_back(std::move(line));
  }
  synonyms_ = SynonymTable(synonym_lines, [this](std::string_view w) { return fold_word(w); });
  for (const TableLine& line : read_table_file((fs::path(options.data_dir) / "question_words.tsv").string())) {
    if (line.words.empty()) continue;
    question_words_[fold_word(line.words.front())] = line.words.size() > 1 && line.words[1] == "sentence";
  }
  if (options.use_user_dictionary) {
    near_compounds_ = NearCompounds((fs::path(options.data_dir) / "user_dictionary.csv").string(),
                                    (fs::path(options.data_dir) / "synonyms.tsv").string(), *this);
  }
}

std::vector<Token> Analyzer::analyze(std::string_view text) { return analyze(normalize_with_offsets(text)); }

std::vector<Token> Analyzer::analyze(const NormalizedText& normalized) {
  std::vector<Token> out;
  out.reserve(normalized.text().size() / 6);
  std::uint32_t position = 0;
  NormalizedText::Cursor offsets(normalized);
  for_each_chunk(normalized.text(), [&](std::string_view chunk, std::size_t offset) {
    analyze_line(chunk, offset, offsets, position, out);
  });
  return out;
}

void Analyzer::analyze_line(std::string_view line, std::size_t line_offset, NormalizedText::Cursor& normalized,
                            std::uint32_t& position, std::vector<Token>& out) {
  const std::vector<Morpheme>& morphemes = mecab_->tokenize(line);
  for (std::size_t k = 0; k < morphemes.size(); ++k) {
    const Morpheme& m = morphemes[k];
    const std::string_view word = (is_conjugating(m.tag) && !m.base.empty()) ? std::string_view(m.base) : m.surface;
    const FoldedWord& folded = memo_.get(word, [this](std::string_view w) {
      FoldedWord f{fold_case(w), {}};
      f.term = variants_.fold(fold_cased_spelling(f.cased));
      return f;
    });
    Token token;
    token.indexable = !is_stop(m, folded.term) && !is_name_connector(morphemes, k);
    token.term = folded.term;
    token.position = position;
    token.begin = normalized.source_begin(line_offset + m.begin);
    token.end = normalized.source_end(line_offset + m.end);
    token.unknown = m.unknown;
    token.noun = m.tag == PartOfSpeech::noun;
    if (token.noun) token.surface = folded.cased;  // a noun's word is its surface
    out.push_back(std::move(token));

    if (m.parts.size() < 2) {
      ++position;
      continue;
    }
    add_parts(m, line_offset, normalized, position, out);
    position += static_cast<std::uint32_t>(m.parts.size());
  }
}

void Analyzer::add_parts(const Morpheme& m, std::size_t line_offset, NormalizedText::Cursor& normalized,
                         std::uint32_t position, std::vector<Token>& out) const {
  // Search-mode decompounding: a compound from the user dictionary also yields its
  // parts, so 不正アクセス is found by アクセス and by the phrase 不正 アクセス.
  const std::uint32_t compound_begin = out.back().begin;
  const std::uint32_t compound_end = out.back().end;
  std::size_t search_from = 0;
  for (std::size_t k = 0; k < m.parts.size(); ++k) {
    Token part;
    part.term = fold_word(m.parts[k]);
    part.position = position + static_cast<std::uint32_t>(k);
    part.is_part = true;
    part.noun = m.tag == PartOfSpeech::noun;
    const std::string normalised_part = normalize(m.parts[k]);
    if (part.noun) part.surface = fold_case(normalised_part);
    const std::size_t at = m.surface.find(normalised_part, search_from);
    if (at != std::string_view::npos) {
      search_from = at + normalised_part.size();
      part.begin = normalized.source_begin(line_offset + m.begin + at);
      part.end = normalized.source_end(line_offset + m.begin + search_from);
    } else {
      part.begin = compound_begin;
      part.end = compound_end;
    }
    out.push_back(std::move(part));
  }
}

}  // namespace kaiji
