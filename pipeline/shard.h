#pragma once
// --shard K/N: a deterministic 1/N slice of a corpus, so N machines can split it with no
// coordination. A document belongs to shard 1 + hash(output name) mod N: the slice does not depend
// on the order inputs were listed in, nor on which other documents are present.

#include <string>

namespace gridlift {

struct Shard {
  int index = 1;  //!< K, 1-based
  int count = 1;  //!< N
};

//! "K/N" with 1 <= K <= N; throws std::invalid_argument otherwise.
Shard parse_shard(const std::string& text);

bool in_shard(const std::string& output_name, const Shard& shard);

}  // namespace gridlift
