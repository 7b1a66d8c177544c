#include "classify/org_words.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <stdexcept>

#include "base/text_normalizer.h"
#include "base/utf8.h"

namespace kaiji {
namespace {

constexpr std::size_t kMaxNameChars = 40;
constexpr std::size_t kMaxUndesignatedNameChars = 25;

// Text inside a piece that shows it is prose or contact details, not a name.
// A colon or a bar sets a field's label or a page's parts apart (構成団体:…, 会社名|免許番号).
constexpr std::array<std::string_view, 18> kNotInNames = {
    "。", "、", "「", "」", "『", "』", "?", "!", "@", ":", "|", "について", "に関する", "による", "における", "お詫び", "お知らせ", "ご報告"};
// Particles that a name written without a designator does not hold.
constexpr std::array<std::string_view, 5> kParticles = {"を", "は", "が", "へ", "で"};
// Whether text holds a particle after a word (情報は, データを); inside a word written in
// hiragana it is a syllable (ゆずりは台内科クリニック, ひまわりが丘保育園).
bool holds_particle(std::string_view text) {
  for (std::string_view particle : kParticles) {
    for (std::size_t at = text.find(particle); at != std::string_view::npos; at = text.find(particle, at + 1)) {
      if (at == 0) continue;  // a word starts there
      std::size_t previous = at - 1;  // back to the lead byte of the character before
      while (previous > 0 && (static_cast<unsigned char>(text[previous]) & 0xC0) == 0x80) --previous;
      if (!utf8::is_hiragana(utf8::decode(text, previous))) return true;
    }
  }
  return false;
}

// One character before a name ending that makes a self-reference, not a name: 本市, 同町, 当組合.
constexpr std::array<std::string_view, 9> kSelfReference = {"当", "本", "弊", "貴", "同", "各", "全", "他", "両"};

std::size_t longest_suffix(std::string_view text, const std::vector<std::string>& words) {
  std::size_t best = 0;
  for (const std::string& w : words) {
    if (w.size() > best && text.size() >= w.size() && text.substr(text.size() - w.size()) == w) best = w.size();
  }
  return best;
}

std::size_t longest_prefix(std::string_view text, const std::vector<std::string>& words) {
  std::size_t best = 0;
  for (const std::string& w : words) {
    if (w.size() > best && text.starts_with(w)) best = w.size();
  }
  return best;
}

bool holds_any(std::string_view text, const auto& needles) {
  return std::any_of(needles.begin(), needles.end(),
                     [&](std::string_view n) { return text.find(n) != std::string_view::npos; });
}

bool all_digits_or_punctuation(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) {
    return static_cast<unsigned char>(c) < 0x80 && !std::isalpha(static_cast<unsigned char>(c));
  });
}

}  // namespace

std::vector<std::string_view> pieces_of(std::string_view line) {
  std::vector<std::string_view> out;
  std::size_t piece_start = std::string_view::npos;
  for (std::size_t i = 0; i < line.size();) {
    const std::size_t at = i;
    const bool space = utf8::is_space(utf8::decode(line, i));
    if (space && piece_start != std::string_view::npos) {
      out.push_back(line.substr(piece_start, at - piece_start));
      piece_start = std::string_view::npos;
    } else if (!space && piece_start == std::string_view::npos) {
      piece_start = at;
    }
  }
  if (piece_start != std::string_view::npos) out.push_back(line.substr(piece_start));
  return out;
}

OrganisationWords::OrganisationWords(const std::vector<TableLine>& lines, const std::string& path) {
  for (const TableLine& line : lines) {
    const std::string where = path + ":" + std::to_string(line.line_number) + ": ";
    if (line.words.size() != 2) throw std::runtime_error(where + "expected kind and word");
    const std::string& kind = line.words[0];
    std::string word = normalize(line.words[1]);
    if (kind == "legal") legal_.push_back(std::move(word));
    else if (kind == "suffix") suffix_.push_back(std::move(word));
    else if (kind == "unit") unit_.push_back(std::move(word));
    else if (kind == "role") role_.push_back(std::move(word));
    else if (kind == "addressee") addressee_.push_back(std::move(word));
    else if (kind == "municipal") municipal_.push_back(std::move(word));
    else if (kind == "office") office_.push_back(std::move(word));
    else if (kind == "department") department_.push_back(std::move(word));
    else if (kind == "joint") joint_.push_back(std::move(word));
    else throw std::runtime_error(where + "kind must be legal, suffix, unit, role, addressee, municipal, office, department or joint");
  }
}

bool OrganisationWords::has_legal_form(std::string_view piece) const {
  if (utf8::length(piece) > kMaxNameChars) return false;  // before normalising: most pieces are prose
  return folded_has_legal_form(normalize(piece));
}

bool OrganisationWords::folded_has_legal_form(std::string_view folded) const {
  const std::size_t before = longest_prefix(folded, legal_);
  const std::size_t after = longest_suffix(folded, legal_);
  const std::size_t form = std::max(before, after);
  return form > 0 && folded.size() > form && utf8::length(folded) <= kMaxNameChars && !holds_any(folded, kNotInNames);
}

bool OrganisationWords::is_name(std::string_view piece) const {
  if (utf8::length(piece) > kMaxNameChars) return false;
  const std::string folded = normalize(piece);
  if (folded_has_legal_form(folded)) return true;
  const std::size_t chars = utf8::length(folded);
  if (chars < 2 || chars > kMaxUndesignatedNameChars || all_digits_or_punctuation(folded)) return false;
  if (holds_any(folded, kNotInNames) || holds_particle(folded)) return false;
  if (longest_prefix(folded, role_) > 0) return false;
  const std::size_t ending = longest_suffix(folded, suffix_);
  if (ending == 0 || ending == folded.size() || longest_suffix(folded, unit_) >= ending) return false;
  const std::string_view before = std::string_view(folded).substr(0, folded.size() - ending);
  return !(utf8::length(before) == 1 && holds_any(before, kSelfReference));
}

// Whether the rest of a name after a municipality's ending holds the ending of a body
// municipalities form together: 「かしわ谷地区|広域消防組合消防本部」 is the union's.
bool OrganisationWords::names_own_body(std::string_view rest) const {
  for (std::size_t j = 0; j < rest.size();) {
    utf8::decode(rest, j);
    if (longest_suffix(rest.substr(0, j), joint_) > 0) return true;
  }
  return false;
}

std::string_view OrganisationWords::municipality_of(std::string_view piece) const {
  constexpr std::size_t kMinNameChars = 2;  // 北区, not 町 of 町田市
  std::size_t chars = 0;
  for (std::size_t i = 0; i < piece.size();) {
    utf8::decode(piece, i);
    if (++chars < kMinNameChars || i == piece.size()) continue;
    const std::string_view head = piece.substr(0, i);
    if (longest_suffix(head, municipal_) == 0) continue;
    const std::string rest = normalize(piece.substr(i));
    if (names_own_body(rest)) continue;
    const std::size_t office = longest_prefix(rest, office_);
    if (office == rest.size() || longest_suffix(rest, department_) > 0) return head;
  }
  return {};
}

std::string OrganisationWords::publisher_of(std::string_view name) const {
  std::vector<std::string_view> pieces = pieces_of(name);
  while (pieces.size() > 1 && longest_suffix(normalize(pieces.back()), department_) > 0 && !is_name(pieces.back())) {
    pieces.pop_back();
  }
  if (pieces.empty()) return std::string(name);
  if (const std::string_view town = municipality_of(pieces.back()); !town.empty()) pieces.back() = town;
  std::string out;
  for (std::string_view piece : pieces) out += (out.empty() ? "" : " ") + std::string(piece);
  return out;
}

std::string OrganisationWords::leading_name(std::string_view line) const {
  const std::vector<std::string_view> pieces = pieces_of(line);
  std::string name;
  for (std::size_t k = 0; k < pieces.size(); ++k) {
    std::string piece(pieces[k]);
    // 「株式会社　蒼鷺精機」: a designator set apart from its name.
    const std::string folded = normalize(piece);
    const bool bare_form = std::find(legal_.begin(), legal_.end(), folded) != legal_.end();
    if (bare_form && k + 1 < pieces.size()) piece += pieces[++k];
    if (!is_name(piece)) {
      // 「川宿市財務部市民税課」: a municipality with its department in one piece.
      if (const std::string_view town = municipality_of(piece); !town.empty()) {
        name += (name.empty() ? "" : " ") + std::string(town);
      }
      break;
    }
    if (!name.empty()) name += ' ';
    name += piece;
  }
  return name;
}

bool OrganisationWords::is_person_line(std::string_view line) const {
  const std::vector<std::string_view> pieces = pieces_of(line);
  return !pieces.empty() && longest_prefix(normalize(pieces.front()), role_) > 0;
}

bool OrganisationWords::is_addressee_line(std::string_view line) const {
  const std::string folded = normalize(utf8::trim(line));
  return utf8::length(folded) <= kMaxNameChars && longest_suffix(folded, addressee_) > 0;
}

}  // namespace kaiji
