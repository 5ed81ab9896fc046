#pragma once
// FNV-1a, 64-bit: a hash fixed by its definition, so every machine and every run computes the same
// value for the same name (shards, and the suffix that keeps cut long names apart).

#include <cstdint>
#include <string_view>

namespace gridlift {

constexpr std::uint64_t fnv1a_64(std::string_view text) {
  std::uint64_t hash = 14695981039346656037ull;
  for (char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ull;
  }
  return hash;
}

}  // namespace gridlift
