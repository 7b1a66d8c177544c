#include "index/facet_codes.h"

#include <iterator>
#include <stdexcept>

#include "index/schema.h"

namespace kaiji {
namespace {

std::string key_of(std::size_t field, std::string_view value) {
  std::string key(1, static_cast<char>(field));
  key += value;
  return key;
}

}  // namespace

FacetDictionary::FacetDictionary(std::string_view stored) {
  // Each value: its field's index (one byte), its length (varint), its bytes.
  while (!stored.empty()) {
    const auto field = static_cast<std::uint8_t>(stored.front());
    stored.remove_prefix(1);
    std::uint32_t length = 0;
    if (field >= std::size(schema::kFacetFields) || !get_varint(stored, length) || length > stored.size()) {
      throw std::runtime_error("the index's facet dictionary is damaged; run kaiji-indexer --rebuild on it");
    }
    const std::string_view value = stored.substr(0, length);
    stored.remove_prefix(length);
    codes_.emplace(key_of(field, value), static_cast<std::uint32_t>(values_.size()));
    values_.push_back({field, std::string(value)});
  }
}

std::string FacetDictionary::serialise() const {
  const std::lock_guard lock(mutex_);
  std::string out;
  for (const CodedFacetValue& v : values_) {
    out += static_cast<char>(v.field);
    put_varint(out, static_cast<std::uint32_t>(v.value.size()));
    out += v.value;
  }
  return out;
}

std::uint32_t FacetDictionary::code(std::size_t field, std::string_view value) {
  std::string key = key_of(field, value);
  const std::lock_guard lock(mutex_);
  const auto [it, added] = codes_.try_emplace(std::move(key), static_cast<std::uint32_t>(values_.size()));
  if (added) values_.push_back({static_cast<std::uint8_t>(field), std::string(value)});
  return it->second;
}

std::string encode_facet_codes(const std::vector<std::uint32_t>& codes) {
  std::string out;
  for (const std::uint32_t code : codes) put_varint(out, code);
  return out;
}

std::optional<std::string> recode_facet_codes(std::string_view stored, const FacetDictionary& from, FacetDictionary& to) {
  std::vector<std::uint32_t> codes;
  bool known = true;
  const bool whole = for_each_facet_code(stored, [&](std::uint32_t code) {
    if (code >= from.size()) {
      known = false;
      return;
    }
    const CodedFacetValue& value = from.value(code);
    codes.push_back(to.code(value.field, value.value));
  });
  if (!whole || !known) return std::nullopt;
  return encode_facet_codes(codes);
}

}  // namespace kaiji
