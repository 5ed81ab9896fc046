#pragma once
// Order-preserving alignment of two sequences (rows or columns of two tables), the dynamic
// programme GriTS uses per axis: maximise the summed similarity of matched pairs; skipping an
// item costs nothing.

#include <utility>
#include <vector>

namespace gridlift {

//! `similarity[i][j]` in [0,1] for item i of the first sequence and j of the second. Returns the
//! matched pairs (i, j), increasing in both; pairs of similarity 0 are never matched.
std::vector<std::pair<int, int>> align_sequences(const std::vector<std::vector<double>>& similarity);

}  // namespace gridlift
