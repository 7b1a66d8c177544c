// When a rule's occurrence is someone else's: the words around it say that what the rule
// names did not happen to the notice's data, though the phrase is there. Kept as data in
// dict/classification_rules.tsv, per value:
//   not_of  the occurrence's object, right before it (with its particle) or right after
//           it, is data, not a thing: 「盗まれたIDとパスワード」「情報が盗まれ」 is no theft
//           of a device or papers.
//   not_by  its sentence, before it, names an outside actor: 「攻撃者は…データを外部に
//           持ち出していた」 is no insider taking data.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kaiji {

class OccurrenceContext {
 public:
  enum class Kind { NotOf, NotBy };

  // value: the rule value the cue applies to; cue: folded as the text is.
  void add(Kind kind, std::string value, std::string cue);
  // Whether the occurrence of a rule for value at [at, after) of text is someone else's.
  bool excludes(std::string_view text, std::size_t at, std::size_t after, std::string_view value) const;
  bool empty() const { return cues_.empty(); }

 private:
  struct Cue {
    Kind kind;
    std::string value;
    std::string text;
  };
  std::vector<Cue> cues_;
};

}  // namespace kaiji
