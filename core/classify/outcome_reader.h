// A notice's outcome read clause by clause (dict/outcome_words.tsv): each leak word's
// clause — from the word to the end of its sentence or to a contrast (が、 ものの) — says
// the leak happened (漏えいしたことが判明), may have happened (流出したおそれ), or did not
// (流出はなかったものと判断). A denial of the leak itself that concludes (判断, ことを確認)
// outweighs everything; then a leak that happened (or data delivered to the wrong person);
// then a possibility (what is not yet confirmed is possible); then a leak only presupposed
// by a noun's modifier (流出した情報の不正利用は…); then any other denial.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/term_table.h"
#include "classify/phrase_matcher.h"
#include "classify/text_folder.h"

namespace kaiji {

struct OutcomeFinding {
  std::string outcome;      // leaked | possible | not_leaked
  std::size_t line = 0;     // the outcome_words.tsv line of the word that decided it
  std::size_t offset = 0;   // bytes into the text: where the deciding clause starts
  std::size_t length = 0;   // bytes of the clause
};

class OutcomeReader {
 public:
  OutcomeReader() = default;
  // Words are folded by `folder`, as the texts read() is given.
  OutcomeReader(const std::vector<TableLine>& lines, const std::string& path, const TextFolder& folder = TextFolder());

  // The outcome of a text folded as the classifier folds it; nothing when no clause speaks
  // of a leak.
  std::optional<OutcomeFinding> read(std::string_view text) const;
  // The same, given where phrases() occur in text (PhraseMatcher::find_all over them, or
  // over a larger set found in the same pass, renumbered), so a caller that scans the text
  // anyway does not make this reader scan it again.
  std::optional<OutcomeFinding> read(std::string_view text, const PhraseHits& hits) const;
  // The phrases whose occurrences read() looks at.
  std::vector<std::string> phrases() const;

 private:
  enum class Kind { Leak, Theft, Delivery, Verb, Presupposed, Hypothetical, Negation, Unconfirmed, Subject, Misuse, Contents,
                    Judgement, Countermeasure, Carrier, Credential, Belonging,
                    Question, Answered };
  enum class Reading { None, Happened, Presupposed, Possible, Denied, Concluded };
  struct Word {
    Kind kind;
    std::string text;
    std::size_t line = 0;
  };
  // The first word of `kind` in text (its offset), or npos.
  std::pair<std::size_t, const Word*> first(std::string_view text, Kind kind) const;
  bool starts_with_any(std::string_view text, Kind kind) const;
  bool ends_with_any(std::string_view text, Kind kind) const;
  // Whether the clause before a theft word at `at` makes a word of kind `what` (a
  // credential, a belonging) what was taken.
  bool takes(std::string_view text, std::size_t at, Kind what) const;
  Reading read_clause(std::string_view clause, std::string_view sentence, const Word& leak) const;

  std::vector<Word> words_;
  std::vector<std::vector<const Word*>> by_kind_;  // words_ by Kind, longest first
  PhraseMatcher leak_words_;                 // the leak and delivery words, one pass per text
  std::vector<std::size_t> word_of_phrase_;  // leak_words_ phrase → index into words_
};

}  // namespace kaiji
