#include "dedupe.h"

#include <algorithm>
#include <unordered_map>

#include "notice_id.h"

namespace kaiji {
namespace {

// How much a copy tells about its notice; the richest copy's fields win.
int richness(const Notice& n) {
  return (n.incident.empty() ? 0 : 8) + (n.org.empty() ? 0 : 4) + (n.date ? 2 : 0) + (n.title.empty() ? 0 : 1);
}

template <typename T>
void add_missing(std::vector<T>& into, const std::vector<T>& from) {
  for (const T& item : from) {
    if (std::find(into.begin(), into.end(), item) == into.end()) into.push_back(item);
  }
}

void merge_into(Notice& kept, Notice&& other) {
  if (richness(other) > richness(kept)) std::swap(kept, other);
  if (kept.org.empty()) kept.org = other.org;
  if (!kept.date) kept.date = other.date;
  if (kept.incident.empty()) kept.incident = other.incident;
  if (kept.body.empty()) kept.body = std::move(other.body);
  add_missing(kept.labels, other.labels);
  add_missing(kept.sources, other.sources);
  add_missing(kept.release_dates, other.release_dates);
  std::sort(kept.release_dates.begin(), kept.release_dates.end());
  kept.id = make_notice_id(kept);
}

}  // namespace

DedupeResult merge_duplicates(std::vector<Notice> notices) {
  DedupeResult result;
  std::unordered_map<std::uint64_t, std::size_t> by_content;
  std::unordered_map<std::string, std::size_t> by_id;
  for (Notice& notice : notices) {
    // An empty body says nothing about identity; such notices match by id only.
    const std::uint64_t fingerprint = notice.body.empty() ? 0 : content_fingerprint(notice.body);
    std::size_t target = result.notices.size();
    if (fingerprint != 0) {
      if (auto it = by_content.find(fingerprint); it != by_content.end()) target = it->second;
    }
    if (target == result.notices.size()) {
      if (auto it = by_id.find(notice.id); it != by_id.end()) target = it->second;
    }
    if (target == result.notices.size()) {
      result.notices.push_back(std::move(notice));
    } else {
      merge_into(result.notices[target], std::move(notice));
      ++result.merged;
    }
    if (fingerprint != 0) by_content.emplace(fingerprint, target);
    by_id[result.notices[target].id] = target;
  }
  return result;
}

}  // namespace kaiji
