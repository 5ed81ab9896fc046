#include "pipeline/shard.h"

#include <cstdint>
#include <stdexcept>

#include "models/fnv1a.h"

namespace gridlift {

Shard parse_shard(const std::string& text) {
  const auto slash = text.find('/');
  Shard shard;
  try {
    if (slash == std::string::npos) throw std::invalid_argument("no slash");
    size_t used = 0;
    shard.index = std::stoi(text.substr(0, slash), &used);
    if (used != slash) throw std::invalid_argument("K");
    const std::string count = text.substr(slash + 1);
    shard.count = std::stoi(count, &used);
    if (used != count.size()) throw std::invalid_argument("N");
  } catch (const std::exception&) {
    throw std::invalid_argument("wants K/N, such as 2/8, not '" + text + "'");
  }
  if (shard.count < 1 || shard.index < 1 || shard.index > shard.count)
    throw std::invalid_argument(text + ": K must be between 1 and N");
  return shard;
}

bool in_shard(const std::string& output_name, const Shard& shard) {
  // FNV-1a: fixed by its definition, so every machine computes the same slice.
  const std::uint64_t hash = fnv1a_64(output_name);
  return static_cast<int>(hash % static_cast<std::uint64_t>(shard.count)) == shard.index - 1;
}

}  // namespace gridlift
