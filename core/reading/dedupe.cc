#include "reading/dedupe.h"

#include <algorithm>
#include <unordered_map>

#include "reading/notice_id.h"

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
  if (kept.url.empty()) kept.url = std::move(other.url);
  add_missing(kept.labels, other.labels);
  add_missing(kept.sources, other.sources);
  add_missing(kept.release_dates, other.release_dates);
  std::sort(kept.release_dates.begin(), kept.release_dates.end());
  if (other.id_from_source && !kept.id_from_source) {
    kept.id = other.id;
    kept.id_from_source = true;
  }
  if (!kept.id_from_source) kept.id = make_notice_id(kept);
}

}  // namespace

DuplicateKey duplicate_key(const Notice& notice) {
  // An empty body says nothing about identity; such notices match by id only.
  return {notice.id, notice.body.empty() ? 0 : content_fingerprint(notice.body), notice.id_from_source};
}

std::vector<std::size_t> duplicate_groups(const std::vector<DuplicateKey>& keys) {
  // Union-find over "same fingerprint" and "same id" links. An id the input gave is a
  // primary key: a group never holds two of them, whatever the texts say.
  std::vector<std::size_t> parent(keys.size());
  std::vector<const std::string*> given_id(keys.size(), nullptr);  // per root
  for (std::size_t i = 0; i < parent.size(); ++i) {
    parent[i] = i;
    if (keys[i].id_given) given_id[i] = &keys[i].id;
  }
  const auto root = [&parent](std::size_t i) {
    while (parent[i] != i) i = parent[i] = parent[parent[i]];
    return i;
  };
  const auto unite = [&](std::size_t a, std::size_t b) {
    a = root(a);
    b = root(b);
    if (a == b) return;
    if (given_id[a] != nullptr && given_id[b] != nullptr && *given_id[a] != *given_id[b]) return;
    if (a > b) std::swap(a, b);  // the earliest copy is the root
    parent[b] = a;
    if (given_id[a] == nullptr) given_id[a] = given_id[b];
  };
  std::unordered_map<std::uint64_t, std::size_t> by_content;
  std::unordered_map<std::string, std::size_t> by_id;
  for (std::size_t i = 0; i < keys.size(); ++i) {
    if (keys[i].fingerprint != 0) {
      if (auto [it, fresh] = by_content.emplace(keys[i].fingerprint, i); !fresh) unite(it->second, i);
    }
    if (auto [it, fresh] = by_id.emplace(keys[i].id, i); !fresh) unite(it->second, i);
  }
  std::vector<std::size_t> group(keys.size());
  std::unordered_map<std::size_t, std::size_t> number;  // root → group number
  for (std::size_t i = 0; i < keys.size(); ++i) {
    group[i] = number.emplace(root(i), number.size()).first->second;
  }
  return group;
}

Notice merge_copies(std::vector<Notice> copies) {
  Notice kept = std::move(copies.front());
  for (std::size_t i = 1; i < copies.size(); ++i) merge_into(kept, std::move(copies[i]));
  return kept;
}

DedupeResult merge_duplicates(std::vector<Notice> notices) {
  DedupeResult result;
  std::vector<DuplicateKey> keys;
  keys.reserve(notices.size());
  for (const Notice& n : notices) keys.push_back(duplicate_key(n));
  const std::vector<std::size_t> group = duplicate_groups(keys);
  std::vector<std::vector<Notice>> copies;
  for (std::size_t i = 0; i < notices.size(); ++i) {
    if (group[i] == copies.size()) copies.emplace_back();
    copies[group[i]].push_back(std::move(notices[i]));
  }
  for (std::vector<Notice>& c : copies) {
    result.merged += c.size() - 1;
    result.notices.push_back(merge_copies(std::move(c)));
  }
  return result;
}

}  // namespace kaiji
