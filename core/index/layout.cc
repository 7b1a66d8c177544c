#include "index/layout.h"

#include <charconv>
#include <cstdio>
#include <filesystem>

namespace kaiji::layout {
namespace {
constexpr std::string_view kGenerationPrefix = "gen-";
}

std::string stub_path(const std::string& index_dir) { return index_dir + "/" + std::string(kStubName); }
std::string lock_path(const std::string& index_dir) { return index_dir + "/" + std::string(kLockName); }

std::string generation_name(int number) {
  char name[32];
  std::snprintf(name, sizeof name, "gen-%06d", number);
  return name;
}

std::optional<int> generation_number(std::string_view name) {
  if (!name.starts_with(kGenerationPrefix)) return std::nullopt;
  name.remove_prefix(kGenerationPrefix.size());
  int number = 0;
  const auto [end, error] = std::from_chars(name.data(), name.data() + name.size(), number);
  if (error != std::errc() || end != name.data() + name.size() || number < 0) return std::nullopt;
  return number;
}

std::string shard_name(const std::string& generation, std::size_t shard) {
  return generation + "/shard-" + std::to_string(shard);
}

std::string parts_dir(const std::string& index_dir, const std::string& generation) {
  return index_dir + "/" + generation + "/parts";
}

bool is_unfinished_index(const std::string& index_dir) {
  return std::filesystem::exists(lock_path(index_dir)) && !std::filesystem::exists(stub_path(index_dir));
}

}  // namespace kaiji::layout
