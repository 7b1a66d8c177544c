#include "synthetic_corpus.h"

#include <array>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "reading/blog_dump_reader.h"
#include "reading/dedupe.h"

namespace kaiji::bench {
namespace fs = std::filesystem;

namespace {

// splitmix64: small, fast and the same on every machine.
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }

 private:
  std::uint64_t state_;
};

constexpr std::array<const char*, 24> kStems = {
    "東和", "北斗", "みらい", "さくら", "大和", "青葉", "丸山", "中央", "光陽", "日進", "旭", "若葉",
    "ミナト", "アオイ", "ひかり", "ユニオン", "平安", "東邦", "朝日", "富士見", "白川", "緑丘", "泉", "南海"};
constexpr std::array<const char*, 14> kKinds = {"株式会社{}サービス", "株式会社{}システム", "{}信用金庫",
                                               "{}市",              "{}町",              "{}大学",
                                               "{}病院",            "{}薬局株式会社",    "{}商事株式会社",
                                               "一般社団法人{}協会", "{}県教育委員会",    "{}印刷株式会社",
                                               "株式会社{}ホールディングス", "{}村"};

std::string org_name(Rng& rng) {
  std::string kind = kKinds[rng.below(kKinds.size())];
  std::string stem = kStems[rng.below(kStems.size())];
  if (rng.below(3) == 0) stem += kStems[rng.below(kStems.size())];
  kind.replace(kind.find("{}"), 2, stem);
  return kind;
}

// Varies the numbers of a paragraph (counts, dates inside text) digit by digit.
std::string vary_digits(std::string line, Rng& rng) {
  for (char& c : line) {
    if (c >= '0' && c <= '9' && rng.below(3) == 0) c = static_cast<char>('0' + rng.below(10));
  }
  return line;
}

std::vector<std::string> split_lines(const std::string& body) {
  std::vector<std::string> out;
  std::istringstream in(body);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) out.push_back(line);
  }
  return out;
}

}  // namespace

std::vector<Notice> load_seed_notices(const std::string& corpus_dir) {
  std::vector<Notice> notices;
  for (const auto& entry : fs::directory_iterator(corpus_dir)) {
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    for (Notice& n : read_blog_dump(text.str(), entry.path().string()).notices) notices.push_back(std::move(n));
  }
  std::vector<Notice> unique = merge_duplicates(std::move(notices)).notices;
  if (unique.empty()) throw std::runtime_error("no notices in " + corpus_dir);
  return unique;
}

std::size_t write_synthetic_corpus(const std::vector<Notice>& seeds, const GeneratorOptions& options,
                                   const std::string& out_dir) {
  fs::create_directories(out_dir);
  std::vector<std::vector<std::string>> paragraphs;
  std::vector<std::string> pool;
  for (const Notice& n : seeds) {
    paragraphs.push_back(split_lines(n.body));
    for (const std::string& line : paragraphs.back()) pool.push_back(line);
  }

  std::size_t bytes = 0;
  std::ofstream out;
  for (std::size_t i = 0; i < options.count; ++i) {
    if (i % options.notices_per_file == 0) {
      char name[64];
      std::snprintf(name, sizeof name, "synthetic_%06zu.txt", i / options.notices_per_file);
      out = std::ofstream(fs::path(out_dir) / name, std::ios::binary);
      if (!out) throw std::runtime_error("cannot write " + out_dir);
    }
    Rng rng(options.seed * 1000003ULL + i);
    const std::size_t base = rng.below(seeds.size());
    const Notice& seed = seeds[base];
    const int year = 2019 + static_cast<int>(rng.below(7));
    const int month = 1 + static_cast<int>(rng.below(12));
    const int day = 1 + static_cast<int>(rng.below(28));

    std::ostringstream post;
    post << "【セキュリティ事件簿#" << year << '-' << (1000 + i % 9000) << "】" << org_name(rng) << ' ' << seed.title << ' '
         << year << '/' << month << '/' << day << "\n\n";
    // Most of the seed's own paragraphs, in order, with a few from other notices mixed in.
    for (const std::string& line : paragraphs[base]) {
      if (rng.below(10) < 7) post << vary_digits(line, rng) << "\n\n";
      if (rng.below(6) == 0) post << vary_digits(pool[rng.below(pool.size())], rng) << "\n\n";
    }
    post << "リリース文アーカイブ\n\n";
    const std::string text = post.str();
    bytes += text.size();
    out << text;
  }
  return bytes;
}

}  // namespace kaiji::bench
