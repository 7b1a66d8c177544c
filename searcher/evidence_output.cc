#include "evidence_output.h"

#include "base/utf8.h"
#include "safe_text.h"

namespace kaiji {
namespace {

constexpr std::size_t kShownTextChars = 40;

// Facet slugs read as their display names; org and date are values already.
std::string shown_value(const Evidence& e, const Taxonomy& taxonomy) {
  if (e.field == "org" || e.field == "date" || e.field == "affected") return e.value;
  return taxonomy.display(e.field, e.value) + " (" + e.value + ")";
}

}  // namespace

nlohmann::ordered_json evidence_to_json(const std::vector<Evidence>& evidence) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const Evidence& e : evidence) {
    out.push_back({{"field", e.field}, {"value", e.value}, {"rule", e.rule}, {"text", e.text},
                   {"where", e.where}, {"position", e.position}});
  }
  return out;
}

void write_evidence_text(std::ostream& out, const Notice& notice, const Taxonomy& taxonomy) {
  out << "\nevidence (why each field has its value):\n";
  if (notice.facets.evidence.empty()) {
    out << "  (none stored: the index was written before kaiji kept evidence; rebuild it to see it)\n";
    return;
  }
  for (const Evidence& e : notice.facets.evidence) {
    std::string text(utf8::prefix(visible_controls(e.text), kShownTextChars));
    if (utf8::length(e.text) > kShownTextChars) text += "…";
    out << "  " << padded(e.field, 9) << padded(shown_value(e, taxonomy), 36) << padded(e.rule, 42)
        << padded(e.where + " @" + std::to_string(e.position), 11) << "「" << text << "」\n";
  }
}

}  // namespace kaiji
