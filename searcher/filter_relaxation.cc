#include "filter_relaxation.h"

#include "filter_query.h"

namespace kaiji {
namespace {

bool is_filter(const QueryNode& node) { return node.kind == QueryNode::Kind::Field && is_filter_field(node.field); }

}  // namespace

std::string filter_label(const QueryNode& field_node) {
  const std::string value = field_node.quoted ? "\"" + field_node.text + "\"" : field_node.text;
  return field_node.field + ":" + value;
}

std::vector<DroppableFilter> droppable_filters(const QueryNode& tree, const std::vector<FacetFilter>& beside) {
  std::vector<DroppableFilter> out;
  if (is_filter(tree)) {
    out.push_back({filter_label(tree), QueryNode{QueryNode::Kind::And, {}, {}, false, {}, 0}, {}});
  } else if (tree.kind == QueryNode::Kind::And) {
    for (std::size_t k = 0; k < tree.children.size(); ++k) {
      if (!is_filter(tree.children[k])) continue;
      QueryNode without = tree;
      without.children.erase(without.children.begin() + static_cast<std::ptrdiff_t>(k));
      out.push_back({filter_label(tree.children[k]), std::move(without), {}});
    }
  }
  for (const FacetFilter& filter : beside) {
    std::string values;
    for (const std::string& value : filter.values) values += (values.empty() ? "" : ",") + value;
    out.push_back({filter.facet + ":" + values, tree, filter.facet});
  }
  return out;
}

}  // namespace kaiji
