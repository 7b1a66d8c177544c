#include <doctest/doctest.h>

#include <string>
#include <vector>

#include <xapian.h>

#include "partial_match.h"

using namespace kaiji;

namespace {

// Two in-memory databases searched as one: notice k has word a (k times, so the later
// ones rank higher by it alone), word b on every third, word c on every fifth, and the
// filter term f on all but every seventh; value 0 holds k.
Xapian::Database two_databases() {
  Xapian::Database both;
  for (int part = 0; part < 2; ++part) {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    for (int k = 1 + part * 30; k <= 30 + part * 30; ++k) {
      Xapian::Document doc;
      doc.add_term("a", static_cast<Xapian::termcount>(k));
      if (k % 3 == 0) doc.add_term("b");
      if (k % 5 == 0) doc.add_term("c");
      if (k % 7 != 0) doc.add_term("f");
      doc.set_data(std::to_string(k));
      doc.add_value(0, Xapian::sortable_serialise(k));
      db.add_document(doc);
    }
    both.add_database(db);
  }
  return both;
}

std::size_t words_of(int k) { return 1 + (k % 3 == 0) + (k % 5 == 0); }

}  // namespace

TEST_CASE("partial matches: most words first, counted word by word, the same head for any page size") {
  const Xapian::Database db = two_databases();
  const std::vector<Xapian::Query> words = {Xapian::Query("a"), Xapian::Query("b"), Xapian::Query("c")};
  const Xapian::Query any(Xapian::Query::OP_OR, words.begin(), words.end());
  const Xapian::Query partial(Xapian::Query::OP_FILTER, any, Xapian::Query("f"));
  Xapian::Enquire enquire(db);
  const RankedNotices all = rank_partial(enquire, db, partial, words, {0, 100, true}, TimeBound());
  CHECK(all.total.exact);
  CHECK(all.total.total == 60 - 8);  // every seventh is filtered out
  std::size_t previous = 3;
  for (const RankedNotice& notice : all.notices) {
    const int k = std::stoi(db.get_document(notice.docid).get_data());
    INFO("notice " << k);
    CHECK(k % 7 != 0);
    CHECK(notice.matched_words == words_of(k));
    CHECK(notice.matched_words <= previous);
    previous = notice.matched_words;
  }
  CHECK(std::stoi(db.get_document(all.notices.front().docid).get_data()) % 15 == 0);

  for (const std::size_t limit : {1, 3, 10}) {
    const RankedNotices head = rank_partial(enquire, db, partial, words, {2, limit, true}, TimeBound());
    REQUIRE(head.notices.size() == limit);
    for (std::size_t i = 0; i < limit; ++i) CHECK(head.notices[i].docid == all.notices[i + 2].docid);
  }
}

TEST_CASE("partial matches sorted by a value: the sort's order, each hit's words counted") {
  const Xapian::Database db = two_databases();
  const std::vector<Xapian::Query> words = {Xapian::Query("b"), Xapian::Query("c")};
  const Xapian::Query partial(Xapian::Query::OP_OR, words.begin(), words.end());
  Xapian::Enquire enquire(db);
  enquire.set_sort_by_value(0, true);  // highest k first
  const RankedNotices page = rank_partial(enquire, db, partial, words, {1, 3, false}, TimeBound());
  CHECK(page.total.total == 20 + 12 - 4);  // multiples of 3 or 5 up to 60
  std::vector<int> ks;
  for (const RankedNotice& notice : page.notices) {
    const int k = std::stoi(db.get_document(notice.docid).get_data());
    ks.push_back(k);
    CHECK(notice.matched_words == static_cast<std::size_t>((k % 3 == 0) + (k % 5 == 0)));
  }
  CHECK(ks == std::vector<int>{57, 55, 54});  // after 60, highest k first
}
