#pragma once
// Stage 6, export: NAME/pNNN-tK.csv, one per table (RFC 4180, UTF-8, CRLF line ends).

#include <string>

#include "models/table.h"

namespace gridlift {

std::string table_to_csv(const Table& table);

//! "p001-t1.csv" for table id "p1-t1".
std::string csv_file_name(int page, const std::string& table_id);

}  // namespace gridlift
