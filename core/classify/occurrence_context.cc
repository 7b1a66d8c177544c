#include "classify/occurrence_context.h"

#include <algorithm>
#include <array>
#include <optional>

#include "base/utf8.h"

namespace kaiji {
namespace {

// The particles between an object and its verb (情報が盗まれ, データの盗難).
constexpr std::array<std::string_view, 5> kParticles = {"が", "を", "は", "も", "の"};
// A verb stem's ending before the noun it modifies (盗まれ|た情報).
constexpr std::array<std::string_view, 2> kModifierEndings = {"た", "ている"};

std::string_view without_trailing_particle(std::string_view before) {
  for (std::string_view p : kParticles) {
    if (before.ends_with(p)) return before.substr(0, before.size() - p.size());
  }
  return before;
}

std::string_view without_modifier_ending(std::string_view after) {
  for (std::string_view e : kModifierEndings) {
    if (after.starts_with(e)) return after.substr(e.size());
  }
  return after;
}

}  // namespace

void OccurrenceContext::add(Kind kind, std::string value, std::string cue) {
  cues_.push_back({kind, std::move(value), std::move(cue)});
}

bool OccurrenceContext::excludes(std::string_view text, std::size_t at, std::size_t after, std::string_view value) const {
  // Asked about every occurrence of every rule: the sentence is looked for only when a
  // cue of the value needs it.
  const std::string_view object_before = without_trailing_particle(text.substr(0, at));
  const std::string_view object_after = without_modifier_ending(text.substr(after));
  std::optional<std::string_view> sentence_before;
  return std::any_of(cues_.begin(), cues_.end(), [&](const Cue& cue) {
    if (cue.value != value) return false;
    if (cue.kind == Kind::NotOf) return object_before.ends_with(cue.text) || object_after.starts_with(cue.text);
    if (!sentence_before) {
      const std::size_t start = utf8::after_last(text, at, {"。", "\n"});
      sentence_before = text.substr(start, at - start);
    }
    return sentence_before->find(cue.text) != std::string_view::npos;
  });
}

}  // namespace kaiji
