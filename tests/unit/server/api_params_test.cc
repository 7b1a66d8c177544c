// What an API request asks for: URL parameters and JSON bodies read into a SearchRequest,
// and the 400 errors that name what was wrong.
#include <doctest/doctest.h>

#include <string>

#include "api_error.h"
#include "api_params.h"

using namespace kaiji;
using namespace kaiji::server;

namespace {

// The error a request gives: its code and its message.
std::string error_of(const Params& params, ParamUse use = ParamUse::Search) {
  try {
    search_request(params, use);
  } catch (const ApiError& e) {
    CHECK(e.status() == 400);
    return e.code() + ": " + e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("api params: a search's words, filters, sort and page") {
  const SearchRequest r = search_request(
      {{"q", "ランサムウェア"}, {"filter", "sector:finance"}, {"filter", "sector:retail"}, {"filter", "year:2024"},
       {"sort", "date:asc"}, {"limit", "5"}, {"offset", "10"}, {"facets", "1"}, {"group", "incident"}},
      ParamUse::Search);
  CHECK(r.query == "ランサムウェア");
  REQUIRE(r.filters.size() == 2);  // the two sector values are one facet's filter
  CHECK(r.filters[0].facet == "sector");
  CHECK(r.filters[0].values == std::vector<std::string>{"finance", "retail"});
  CHECK(r.filters[1].facet == "year");
  CHECK(r.sort == SortKey::Date);
  CHECK(r.ascending);
  CHECK(r.limit == 5);
  CHECK(r.offset == 10);
  CHECK(r.facets);
  CHECK(r.months);  // the page's histograms come with the facets
  CHECK(r.group_by_incident);
}

TEST_CASE("api params: defaults, and the sort's names as the response gives them") {
  const SearchRequest r = search_request({}, ParamUse::Search);
  CHECK(r.limit == kDefaultLimit);
  CHECK(r.offset == 0);
  CHECK_FALSE(r.facets);
  CHECK_FALSE(r.sort.has_value());
  CHECK(search_request({{"sort", "affected-asc"}}, ParamUse::Search).ascending);
  CHECK(search_request({{"sort", "affected:desc"}}, ParamUse::Search).sort == SortKey::Affected);
}

TEST_CASE("api params: what cannot be taken is a 400 naming the parameter") {
  CHECK(error_of({{"limit", "-1"}}).find("'limit' takes a whole number from 0 to 1000") != std::string::npos);
  CHECK(error_of({{"limit", "1001"}}).find("'limit'") != std::string::npos);
  CHECK(error_of({{"q", "a"}, {"q", "b"}}).find("'q' is given more than once") != std::string::npos);
  CHECK(error_of({{"sort", "size"}}).find("'sort' cannot be 'size'") != std::string::npos);
  CHECK(error_of({{"filter", "sector"}}).find("facet:value") != std::string::npos);
  CHECK(error_of({{"facets", "yes"}}).find("'facets' takes 1 or 0") != std::string::npos);
  CHECK(error_of({{"group", "org"}}).find("'group' takes 'incident'") != std::string::npos);
  CHECK(error_of({{"page", "2"}}).find("bad_parameter: unknown parameter 'page'") == 0);
  CHECK(error_of({{"q", std::string(10001, 'a')}}).find("at most 10000") != std::string::npos);
}

TEST_CASE("api params: an export takes every match, so no page") {
  CHECK(error_of({{"limit", "10"}}, ParamUse::Export).find("unknown parameter 'limit'") != std::string::npos);
  CHECK(search_request({{"q", "誤送信"}, {"sort", "date"}}, ParamUse::Export).query == "誤送信");
}

TEST_CASE("api params: a JSON body becomes the same parameters") {
  const Params params = params_from_json(
      R"({"q": "ランサムウェア", "filter": ["sector:finance", "year:2024"], "limit": 3, "facets": true, "like": null})");
  const SearchRequest r = search_request(params, ParamUse::Search);
  CHECK(r.query == "ランサムウェア");
  CHECK(r.filters.size() == 2);
  CHECK(r.limit == 3);
  CHECK(r.facets);
  CHECK(r.like_id.empty());
  const auto body_error = [](const std::string& body) {
    try {
      params_from_json(body);
    } catch (const ApiError& e) {
      return std::string(e.what());
    }
    return std::string();
  };
  CHECK(body_error("[1, 2]").find("must be a JSON object") != std::string::npos);
  CHECK(body_error("{not json").find("must be a JSON object") != std::string::npos);
  CHECK(body_error(R"({"filter": [1]})").find("list of \"facet:value\" strings") != std::string::npos);
  CHECK(body_error(R"({"limit": -2})").find("'limit' has a value of the wrong type") != std::string::npos);
}
