#include "resumed_parts.h"

#include <charconv>
#include <filesystem>
#include <map>
#include <optional>

#include "index/bookkeeping.h"

namespace kaiji {
namespace fs = std::filesystem;

namespace {

struct PartName {
  std::size_t run = 0;
  std::size_t thread = 0;
  std::size_t shard = 0;
};

std::optional<std::size_t> number_at(std::string_view& text) {
  std::size_t n = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (error != std::errc() || end == text.data()) return std::nullopt;
  text.remove_prefix(static_cast<std::size_t>(end - text.data()));
  return n;
}

bool skip(std::string_view& text, std::string_view literal) {
  if (!text.starts_with(literal)) return false;
  text.remove_prefix(literal.size());
  return true;
}

// part-<run>-<thread>-shard-<s>
std::optional<PartName> parse_part_name(std::string_view name) {
  std::optional<std::size_t> run, thread, shard;
  if (!skip(name, "part-") || !(run = number_at(name)) || !skip(name, "-") || !(thread = number_at(name)) ||
      !skip(name, "-shard-") || !(shard = number_at(name)) || !name.empty()) {
    return std::nullopt;
  }
  return PartName{*run, *thread, *shard};
}

bool undamaged(const fs::path& path) {
  try {
    return Xapian::Database::check(path.string()) == 0;
  } catch (const Xapian::Error&) {
    return false;
  }
}

}  // namespace

ResumedParts::ResumedParts(const std::string& parts_dir, std::size_t shards) {
  std::error_code ec;
  if (!fs::is_directory(parts_dir, ec)) return;
  std::map<std::pair<std::size_t, std::size_t>, std::map<std::size_t, fs::path>> found;  // (run, thread) → shards
  std::vector<fs::path> unusable;
  for (const fs::directory_entry& entry : fs::directory_iterator(parts_dir)) {
    const std::optional<PartName> name = parse_part_name(entry.path().filename().string());
    if (name && name->shard < shards && entry.is_directory()) {
      found[{name->run, name->thread}][name->shard] = entry.path();
    } else {
      unusable.push_back(entry.path());
    }
  }
  for (auto& [key, paths] : found) {
    bool whole = paths.size() == shards;
    for (const auto& [shard, path] : paths) whole = whole && undamaged(path);
    if (!whole) {
      for (const auto& [shard, path] : paths) unusable.push_back(path);
      continue;
    }
    std::vector<Xapian::WritableDatabase> set;
    for (const auto& [shard, path] : paths) set.emplace_back(path.string(), Xapian::DB_OPEN | Xapian::DB_NO_SYNC);
    sets_.push_back(std::move(set));
    next_run_ = std::max(next_run_, key.first + 1);
  }
  for (const fs::path& path : unusable) fs::remove_all(path);
}

bool ResumedParts::holds(const std::string& term) const {
  for (const auto& set : sets_) {
    for (const Xapian::WritableDatabase& shard : set) {
      if (shard.term_exists(term)) return true;
    }
  }
  return false;
}

std::string ResumedParts::longest_metadata(const std::string& key) const {
  std::string longest;
  for (const auto& set : sets_) {
    for (const Xapian::WritableDatabase& shard : set) {
      std::string value = shard.get_metadata(key);
      if (value.size() > longest.size()) longest = std::move(value);
    }
  }
  return longest;
}

std::size_t ResumedParts::keep_only(const std::unordered_set<std::string>& current_versions) {
  const std::string prefix = version_term("");
  std::size_t kept = 0;
  for (auto& set : sets_) {
    for (Xapian::WritableDatabase& shard : set) {
      std::vector<std::string> stale;
      for (auto it = shard.allterms_begin(prefix); it != shard.allterms_end(prefix); ++it) {
        if (!current_versions.contains((*it).substr(prefix.size()))) stale.push_back(*it);
      }
      for (const std::string& term : stale) shard.delete_document(term);
      if (!stale.empty()) shard.commit();
      kept += shard.get_doccount();
    }
  }
  return kept;
}

}  // namespace kaiji
