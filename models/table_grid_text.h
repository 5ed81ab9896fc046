#pragma once
// A table as a full rectangle of strings: span text in its top-left position, covered positions
// empty. The shape CSV writes and the scorer compares.

#include <string>
#include <vector>

#include "models/table.h"

namespace gridlift {

using TextGrid = std::vector<std::vector<std::string>>;

//! Cells outside n_rows x n_cols are ignored; positions no cell covers are "".
TextGrid expand_to_grid(const Table& table);

}  // namespace gridlift
