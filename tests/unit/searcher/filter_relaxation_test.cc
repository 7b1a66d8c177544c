// Which filters a search that found nothing could drop, and the query without each.
#include <doctest/doctest.h>

#include "filter_relaxation.h"

namespace kaiji {

TEST_CASE("filter relaxation: the query's top-level filters, each dropped alone, then those beside it") {
  const QueryNode tree = parse_query("ランサムウェア sector:finance year:2023 org:銀行 -cause:loss");
  const std::vector<DroppableFilter> drops = droppable_filters(tree, {{"month", {"2023-05", "2023-06"}}});
  REQUIRE(drops.size() == 3);  // org: is a text field, an exclusion is not a filter to drop
  CHECK(drops[0].label == "sector:finance");
  CHECK(drops[0].facet.empty());
  REQUIRE(drops[0].query.children.size() == tree.children.size() - 1);
  for (const QueryNode& child : drops[0].query.children) CHECK(child.field != "sector");
  CHECK(drops[1].label == "year:2023");
  CHECK(drops[2].label == "month:2023-05,2023-06");
  CHECK(drops[2].facet == "month");
  CHECK(drops[2].query.children.size() == tree.children.size());
}

TEST_CASE("filter relaxation: a lone filter, a quoted value, no filters") {
  const std::vector<DroppableFilter> lone = droppable_filters(parse_query("year:2023"), {});
  REQUIRE(lone.size() == 1);
  CHECK(lone[0].query.kind == QueryNode::Kind::And);
  CHECK(lone[0].query.children.empty());  // without it: every notice
  CHECK(filter_label(parse_query("label:\"最終 報告\"").children.empty() ? parse_query("label:\"最終 報告\"")
                                                                        : parse_query("label:\"最終 報告\"").children[0]) ==
        "label:\"最終 報告\"");
  CHECK(droppable_filters(parse_query("ランサムウェア 委託先"), {}).empty());
}

}  // namespace kaiji
