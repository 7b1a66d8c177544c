// Unsigned LEB128 varints: 7 bits a byte, low bits first; small numbers take one byte.
// For compact value slots (body line starts, facet codes) and stored notice records.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace kaiji {

namespace detail {
template <typename U>
void put_varint(std::string& out, U value) {
  while (value >= 0x80) {
    out += static_cast<char>((value & 0x7F) | 0x80);
    value >>= 7;
  }
  out += static_cast<char>(value);
}

// Reads one varint from the front of `in`; false if `in` ends inside it or it is longer
// than a U can hold.
template <typename U>
bool get_varint(std::string_view& in, U& value) {
  value = 0;
  for (unsigned shift = 0; shift < sizeof(U) * 8 + 3 && !in.empty(); shift += 7) {
    const auto byte = static_cast<unsigned char>(in.front());
    in.remove_prefix(1);
    value |= static_cast<U>(byte & 0x7F) << shift;
    if ((byte & 0x80) == 0) return true;
  }
  return false;
}
}  // namespace detail

inline void put_varint(std::string& out, std::uint32_t value) { detail::put_varint(out, value); }
inline bool get_varint(std::string_view& in, std::uint32_t& value) { return detail::get_varint(in, value); }
inline void put_varint64(std::string& out, std::uint64_t value) { detail::put_varint(out, value); }
inline bool get_varint64(std::string_view& in, std::uint64_t& value) { return detail::get_varint(in, value); }

}  // namespace kaiji
