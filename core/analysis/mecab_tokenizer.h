// A thin RAII wrapper around MeCab: its model, tagger and one lattice that every call
// reuses. A tokenizer belongs to one thread (tokenize() rewrites the lattice); each
// thread that analyses text has its own Analyzer, and so its own tokenizer.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace MeCab {
class Model;
class Tagger;
class Lattice;
}  // namespace MeCab

namespace kaiji {

// IPAdic's top-level parts of speech (品詞), told apart once per dictionary entry so that
// callers do not compare strings for every morpheme. `other` is any name IPAdic does
// not use (another dictionary's), which callers treat as content.
enum class PartOfSpeech : std::uint8_t {
  noun,            // 名詞
  verb,            // 動詞
  adjective,       // 形容詞
  auxiliary_verb,  // 助動詞
  particle,        // 助詞
  symbol,          // 記号
  filler,          // フィラー
  interjection,    // 感動詞
  conjunction,     // 接続詞
  unclassified,    // その他 (IPAdic's own "other" class)
  other,
};
PartOfSpeech part_of_speech(std::string_view pos);

struct Morpheme {
  std::size_t begin = 0;        // byte offsets into the text given to tokenize()
  std::size_t end = 0;
  std::string_view surface;     // view into that text
  // The fields below view MeCab's feature string, which lives in the loaded dictionary:
  // valid as long as the tokenizer.
  std::string_view pos;         // 品詞 (名詞, 動詞, 助詞, …)
  PartOfSpeech tag = PartOfSpeech::other;  // pos, told apart
  std::string_view pos_detail;  // 品詞細分類1 (一般, 非自立, サ変接続, …)
  std::string_view base;        // 原形; empty when the dictionary has none
  std::vector<std::string_view> parts;  // kaiji user dictionary: sub-words of a compound
  bool unknown = false;         // MeCab guessed the word (not in any dictionary)
};

struct MecabOptions {
  std::string dicdir;   // a compiled MeCab dictionary directory (sys.dic, dicrc…)
  std::string userdic;  // optional compiled user dictionary (.dic); empty for none
};

class MecabTokenizer {
 public:
  // Throws std::runtime_error naming the dictionary when MeCab cannot load it.
  explicit MecabTokenizer(const MecabOptions& options);
  ~MecabTokenizer();
  MecabTokenizer(const MecabTokenizer&) = delete;
  MecabTokenizer& operator=(const MecabTokenizer&) = delete;

  // Morphemes of one line of text (no newlines expected; MeCab skips white space). Their
  // surfaces view `text`; their other fields stay valid as long as the tokenizer.
  std::vector<Morpheme> tokenize(std::string_view text);

 private:
  struct ModelDeleter { void operator()(MeCab::Model* m) const; };
  struct TaggerDeleter { void operator()(MeCab::Tagger* t) const; };
  std::unique_ptr<MeCab::Model, ModelDeleter> model_;
  struct LatticeDeleter { void operator()(MeCab::Lattice* l) const; };
  std::unique_ptr<MeCab::Tagger, TaggerDeleter> tagger_;
  // One lattice reused for every line: creating one allocates MeCab's node pools anew.
  // (A tokenizer, like a MeCab tagger, belongs to one thread.)
  std::unique_ptr<MeCab::Lattice, LatticeDeleter> lattice_;

  // A morpheme's fields, read from its feature string. MeCab points each node at its
  // dictionary entry's feature string, which stays put while the model is loaded, so a
  // string is split once per entry seen rather than once per morpheme (splitting it was a
  // tenth of the indexer's own work). The memo has a fixed number of slots, one entry
  // each, found by the string's address: entries sharing a slot evict each other, and the
  // memo stays small enough to leave MeCab's own tables in the cache (an unbounded map
  // grew with the vocabulary and slowed MeCab's lookups down).
  struct Features {
    const char* feature = nullptr;  // the string these fields were read from
    std::string_view pos, pos_detail, base;
    PartOfSpeech tag = PartOfSpeech::other;
    std::vector<std::string_view> parts;
  };
  static constexpr std::size_t kFeatureSlots = 4096;
  const Features& features_of(const char* feature);
  std::vector<Features> features_;
};

}  // namespace kaiji
