// Structure on notices kaiji was never tuned on: each extracted field of the held-out
// notices against its blind label. Run alone to see the figures:
//   build/tests/kaiji_e2e_tests -tc='held-out extraction*' -s
// Misses are listed for the dev halves (dev, and dev2 to dev8 written later with new wordings) only; KAIJI_LIST_TEST_MISSES=1 lists the test
// half's too (for the final report: never while writing rules).
#include <doctest/doctest.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <set>

#include "cli.h"
#include "heldout.h"

// The test half's bars: issue 17's targets (org 0.90, date 0.95, sector 0.90, outcome
// 0.85, causes and data F1 0.90, affected 0.90, every non-notice kept out), and for the
// one not reached yet, today's figure rounded down (filters target: all exact).
namespace floors {
constexpr double kFound = 1.00, kOrg = 0.90, kDate = 0.95, kSector = 0.90, kOutcome = 0.85, kAffected = 0.90,
                 kCausesF1 = 0.90, kDataF1 = 0.90, kExactFilters = 0.66;
}

using namespace kaiji::e2e;

namespace {

std::string canonical_org(const std::string& org) {
  std::string out = without_spaces(org);
  for (const std::string abbreviation : {"(株)", "（株）", "㈱"}) {
    for (std::size_t at; (at = out.find(abbreviation)) != std::string::npos;) out.replace(at, abbreviation.size(), "株式会社");
  }
  return out;
}

std::set<std::string> as_set(const nlohmann::json& values) {
  std::set<std::string> out;
  for (const auto& v : values) out.insert(v.get<std::string>());
  return out;
}

bool same_affected(const nlohmann::json& got, const nlohmann::json& want) {
  if (want.is_null() || got.is_null()) return want.is_null() && got.is_null();
  const double w = want.get<double>();
  return std::abs(got.get<double>() - w) <= 0.01 * w;
}

struct SetScore {
  std::size_t true_positives = 0, predicted = 0, labelled = 0;
  void add(const std::set<std::string>& got, const std::set<std::string>& want) {
    for (const std::string& g : got) true_positives += want.contains(g) ? 1 : 0;
    predicted += got.size();
    labelled += want.size();
  }
  double f1() const {
    return predicted + labelled == 0 ? 1.0 : 2.0 * static_cast<double>(true_positives) / static_cast<double>(predicted + labelled);
  }
};

struct ExtractionScore {
  std::size_t labelled = 0, found = 0, org = 0, date = 0, sector = 0, outcome = 0, affected = 0;
  SetScore causes, data;
  std::size_t filters = 0, exact_filters = 0;
  std::size_t non_notices = 0, non_notices_kept_out = 0;
  double share(std::size_t n) const { return labelled == 0 ? 0 : static_cast<double>(n) / static_cast<double>(labelled); }
};

void miss(bool list, const std::string& id, const std::string& field, const nlohmann::json& got, const nlohmann::json& want) {
  if (list) std::cout << "  miss " << id << " " << field << ": got " << got.dump() << ", label " << want.dump() << '\n';
}

void score_fields(const HeldOutHalf& half, bool list, ExtractionScore& s) {
  for (const auto& label : half.labels.at("notices")) {
    ++s.labelled;
    const std::string id = label.at("id");
    const auto found = half.by_label.find(id);
    if (found == half.by_label.end()) {
      if (list) std::cout << "  miss " << id << ": not indexed as a notice of its own\n";
      s.causes.add({}, as_set(label.at("causes")));
      s.data.add({}, as_set(label.at("data")));
      continue;
    }
    ++s.found;
    const nlohmann::json& n = half.notices[found->second];
    const auto check = [&](const char* field, bool right, std::size_t& count, const nlohmann::json& got) {
      if (right) ++count; else miss(list, id, field, got, label.at(field));
    };
    check("org", canonical_org(n.at("org")) == canonical_org(label.at("org")), s.org, n.at("org"));
    check("date", n.at("date") == label.at("date"), s.date, n.at("date"));
    check("sector", n.at("sector") == label.at("sector"), s.sector, n.at("sector"));
    check("outcome", n.at("outcome") == label.at("outcome"), s.outcome, n.at("outcome"));
    check("affected", same_affected(n.at("affected"), label.at("affected")), s.affected, n.at("affected"));
    s.causes.add(as_set(n.at("causes")), as_set(label.at("causes")));
    s.data.add(as_set(n.at("data")), as_set(label.at("data")));
    if (as_set(n.at("causes")) != as_set(label.at("causes"))) miss(list, id, "causes", n.at("causes"), label.at("causes"));
    if (as_set(n.at("data")) != as_set(label.at("data"))) miss(list, id, "data", n.at("data"), label.at("data"));
  }
}

// Each facet value the labels use, as a filter: it must return exactly the labelled notices.
// A notice labelled without a date takes its year from its incident number or the first
// date it mentions (docs/TAXONOMY.md), which the labels do not state: year filters leave it
// out on both sides.
void score_filters(const HeldOutHalf& half, bool list, ExtractionScore& s) {
  std::map<std::string, std::set<std::string>> wanted;  // filter → label ids
  std::set<std::string> undated;
  for (const auto& label : half.labels.at("notices")) {
    const std::string id = label.at("id");
    if (label.at("date").is_null()) undated.insert(id);
    wanted["sector:" + label.at("sector").get<std::string>()].insert(id);
    wanted["outcome:" + label.at("outcome").get<std::string>()].insert(id);
    for (const auto& c : label.at("causes")) wanted["cause:" + c.get<std::string>()].insert(id);
    for (const auto& d : label.at("data")) wanted["data:" + d.get<std::string>()].insert(id);
    if (!label.at("date").is_null()) wanted["year:" + label.at("date").get<std::string>().substr(0, 4)].insert(id);
  }
  for (const auto& [filter, ids] : wanted) {
    std::set<std::string> got;
    // Named: a range-for over a member of a temporary would read a destroyed object.
    const nlohmann::json found = search_half(half, {"--limit", "1000", filter});
    for (const auto& hit : found.at("results")) got.insert(label_of(half, hit.at("id")));
    if (filter.starts_with("year:")) std::erase_if(got, [&](const std::string& id) { return undated.contains(id); });
    ++s.filters;
    if (got == ids) {
      ++s.exact_filters;
    } else if (list) {
      std::string extra, missing;
      for (const std::string& g : got) if (!ids.contains(g)) extra += " " + (g.empty() ? "(unlabelled)" : g);
      for (const std::string& w : ids) if (!got.contains(w)) missing += " " + w;
      std::cout << "  miss filter " << filter << (extra.empty() ? "" : ": also" + extra)
                << (missing.empty() ? "" : ", without" + missing) << '\n';
    }
  }
}

// A post that is not a notice is neither indexed nor glued into a notice.
void score_non_notices(const HeldOutHalf& half, bool list, ExtractionScore& s) {
  for (const auto& post : half.labels.at("non_notices")) {
    ++s.non_notices;
    const std::string marker = post.at("marker");
    bool inside = false;
    for (const auto& n : half.notices) inside = inside || n.at("body").get<std::string>().find(marker) != std::string::npos;
    // Results under a did-you-mean suggestion are for another word: the marker as typed
    // matched nothing (docs/json-output.md).
    const nlohmann::json found = search_half(half, {marker});
    if (!inside && (found.at("total") == 0 || !found.at("suggestion").is_null())) ++s.non_notices_kept_out;
    else if (list) std::cout << "  miss non-notice " << marker << " is searchable\n";
  }
  // The indexer counts what it skipped (the labelled posts, and perhaps a page's lead-in).
  const std::string line = "posts that are not notices: ";
  const std::size_t at = half.report.find(line);
  REQUIRE(at != std::string::npos);
  CHECK(std::stoul(half.report.substr(at + line.size())) >= half.labels.at("non_notices").size());
}

ExtractionScore score(const std::string& name) {
  const HeldOutHalf& half = held_out(name);
  const bool list = name.starts_with("dev") || std::getenv("KAIJI_LIST_TEST_MISSES") != nullptr;
  ExtractionScore s;
  score_fields(half, list, s);
  score_filters(half, list, s);
  score_non_notices(half, list, s);
  std::printf("held-out %s: %zu labelled, %zu found, %zu notices indexed\n", name.c_str(), s.labelled, s.found,
              half.notices.size());
  std::printf("  org %.3f  date %.3f  sector %.3f  outcome %.3f  affected %.3f  causes F1 %.3f  data F1 %.3f\n",
              s.share(s.org), s.share(s.date), s.share(s.sector), s.share(s.outcome), s.share(s.affected),
              s.causes.f1(), s.data.f1());
  std::printf("  filters exact %zu/%zu  non-notices kept out %zu/%zu\n", s.exact_filters, s.filters,
              s.non_notices_kept_out, s.non_notices);
  return s;
}

// A dev set is scored for its figures; it only has to be there and be read.
void check_dev_set(const std::string& name, std::size_t at_least_labelled) {
  const ExtractionScore s = score(name);
  CHECK(s.labelled >= at_least_labelled);
  CHECK(s.found >= 1);
}

}  // namespace

TEST_CASE("held-out extraction: the dev half is scored (figures only)") { check_dev_set("dev", 30); }

TEST_CASE("held-out extraction: the second dev set, written later with new wordings, is scored (figures only)") { check_dev_set("dev2", 20); }

TEST_CASE("held-out extraction: the third dev set, written blind on 2026-12-03, is scored (figures only)") { check_dev_set("dev3", 20); }

TEST_CASE("held-out extraction: the fourth dev set, written blind on 2026-12-03 with varied structure, is scored (figures only)") { check_dev_set("dev4", 20); }

TEST_CASE("held-out extraction: the fifth dev set, written blind on 2026-12-03 with new shapes, is scored (figures only)") { check_dev_set("dev5", 20); }

TEST_CASE("held-out extraction: the sixth dev set, written blind on 2026-12-03 with press releases, Q&A and data by group, is scored (figures only)") { check_dev_set("dev6", 20); }

TEST_CASE("held-out extraction: the seventh dev set, written blind on 2026-12-06 with tables, footnotes, joint notices and corrected counts, is scored (figures only)") { check_dev_set("dev7", 20); }

TEST_CASE("held-out extraction: the eighth dev set, written blind on 2026-12-06 with prose-only data, である style, changing outcomes and imitation sites, is scored (figures only)") { check_dev_set("dev8", 20); }

TEST_CASE("held-out extraction: the test half, never tuned on, keeps at least today's figures") {
  const ExtractionScore s = score("test");
  CHECK(s.labelled >= 30);
  CHECK(s.share(s.found) >= floors::kFound);
  CHECK(s.share(s.org) >= floors::kOrg);
  CHECK(s.share(s.date) >= floors::kDate);
  CHECK(s.share(s.sector) >= floors::kSector);
  CHECK(s.share(s.outcome) >= floors::kOutcome);
  CHECK(s.share(s.affected) >= floors::kAffected);
  CHECK(s.causes.f1() >= floors::kCausesF1);
  CHECK(s.data.f1() >= floors::kDataF1);
  CHECK(static_cast<double>(s.exact_filters) >= floors::kExactFilters * static_cast<double>(s.filters));
  CHECK(s.non_notices_kept_out == s.non_notices);
}
