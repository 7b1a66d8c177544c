#include "api_routes.h"

#include <chrono>

#include "api_answer.h"
#include "api_error.h"
#include "api_output.h"
#include "api_params.h"
#include "export_stream.h"
#include "index_status.h"
#include "result_output.h"

namespace kaiji::server {
namespace {

using ojson = nlohmann::ordered_json;
using Clock = std::chrono::steady_clock;

constexpr std::size_t kDefaultSimilar = 5;

Params url_params(const httplib::Request& req) { return Params(req.params.begin(), req.params.end()); }

ojson run_search(SearchEngine& engine, const SearchRequest& request, const Taxonomy& taxonomy) {
  const Clock::time_point start = Clock::now();
  const SearchResponse response = engine.search(request);
  const double took_ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
  return search_json(response, request, taxonomy, took_ms);
}

ojson stats_json(SearchEngine& engine, const EnginePool& pool, const Taxonomy& taxonomy) {
  SearchRequest everything;
  everything.limit = 0;
  everything.facets = true;
  everything.months = true;
  const ojson counted = search_json(engine.search(everything), everything, taxonomy, 0);
  const IndexStatus status = index_status(pool.db_paths());
  return {{"notices", engine.database().get_doccount()},
          {"facets", counted.at("facets")},
          {"histograms", counted.at("histograms")},
          {"generations", status.generations},
          {"last_commit", status.last_commit ? ojson(*status.last_commit) : ojson(nullptr)},
          {"workers", pool.size()}};
}

// GET and POST /api/v1/search.
void install_search(httplib::Server& server, EnginePool& pool, const Taxonomy& taxonomy, std::chrono::milliseconds wait) {
  server.Get("/api/v1/search", [&pool, &taxonomy, wait](const httplib::Request& req, httplib::Response& res) {
    answer_json(res, pool, wait, [&](SearchEngine& engine) {
      return run_search(engine, search_request(url_params(req), ParamUse::Search), taxonomy);
    });
  });
  server.Post("/api/v1/search", [&pool, &taxonomy, wait](const httplib::Request& req, httplib::Response& res) {
    answer_json(res, pool, wait, [&](SearchEngine& engine) {
      return run_search(engine, search_request(params_from_json(req.body), ParamUse::Search), taxonomy);
    });
  });
}

// /api/v1/notices/{id} and /api/v1/notices/{id}/similar.
void install_notices(httplib::Server& server, EnginePool& pool, const Taxonomy& taxonomy,
                     std::chrono::milliseconds wait) {
  server.Get(R"(/api/v1/notices/([^/]+))", [&pool, wait](const httplib::Request& req, httplib::Response& res) {
    answer_json(res, pool, wait, [&](SearchEngine& engine) {
      if (!req.params.empty()) throw ApiError(400, "bad_parameter", "a notice takes no parameters");
      return ojson(notice_to_json(engine.show(req.matches[1])));
    });
  });
  server.Get(R"(/api/v1/notices/([^/]+)/similar)", [&pool, &taxonomy, wait](const httplib::Request& req,
                                                                            httplib::Response& res) {
    answer_json(res, pool, wait, [&](SearchEngine& engine) {
      Params params = url_params(req);
      if (params.contains("like")) throw ApiError(400, "bad_parameter", "the notice is given by the path");
      if (!params.contains("limit")) params.emplace("limit", std::to_string(kDefaultSimilar));
      params.emplace("like", req.matches[1]);
      return run_search(engine, search_request(params, ParamUse::Search), taxonomy);
    });
  });
}

void install_exports(httplib::Server& server, EnginePool& pool, std::chrono::milliseconds wait) {
  for (const ExportFormat format : {ExportFormat::Csv, ExportFormat::Jsonl}) {
    const std::string path = format == ExportFormat::Csv ? "/api/v1/export.csv" : "/api/v1/export.jsonl";
    server.Get(path, [&pool, wait, format](const httplib::Request& req, httplib::Response& res) {
      answer_with(res, pool, wait, [&](EnginePool::Lease&& lease) {
        Params params = url_params(req);
        const bool bom = params.contains("bom") && params.find("bom")->second == "1";
        params.erase("bom");
        stream_export(res, std::move(lease), search_request(params, ParamUse::Export), format, bom);
      });
    });
  }
}

}  // namespace

void install_api_routes(httplib::Server& server, EnginePool& pool, const Taxonomy& taxonomy,
                        const ServerOptions& options) {
  const std::chrono::milliseconds wait(options.queue_wait_ms);
  install_search(server, pool, taxonomy, wait);
  install_notices(server, pool, taxonomy, wait);
  install_exports(server, pool, wait);
  server.Get("/api/v1/taxonomy", [&taxonomy](const httplib::Request&, httplib::Response& res) {
    send_json(res, taxonomy_json(taxonomy));
  });
  server.Get("/api/v1/stats", [&pool, &taxonomy, wait](const httplib::Request&, httplib::Response& res) {
    answer_json(res, pool, wait, [&](SearchEngine& engine) { return stats_json(engine, pool, taxonomy); });
  });
  server.Get("/health", [&pool, wait](const httplib::Request&, httplib::Response& res) {
    answer_json(res, pool, wait, [&](SearchEngine& engine) {
      return ojson{{"status", "ok"}, {"notices", engine.database().get_doccount()}};
    });
  });
}

}  // namespace kaiji::server
