#pragma once
// export: NAME/pNNN-tK.csv, one per table (RFC 4180, UTF-8, CRLF line ends).

#include <string>

#include "models/table.h"

namespace gridlift {

//! Cells are written through neutralise_formula().
std::string table_to_csv(const Table& table);

//! `text` as a spreadsheet will not run it (OWASP's rule for CSV injection): a cell opening with
//! = + - @, a tab or a carriage return gets a leading ' unless it is a plain number ("-40.42",
//! "+3", "-1,234.50", "-5%") or a lone "-". Excel and WPS show the ' as no character of the cell.
std::string neutralise_formula(const std::string& text);

//! "p001-t1.csv" for table id "p1-t1".
std::string csv_file_name(int page, const std::string& table_id);

}  // namespace gridlift
