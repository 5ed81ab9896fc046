#pragma once
// A table as gridlift reports it: a grid of rows and columns covered by cells, some of which span.

#include <optional>
#include <string>
#include <vector>

#include "models/geometry.h"

namespace gridlift {

//! A cell reported with at least this confidence promises its text is right; gridlift reports
//! what it doubts (a misread suspected by a failed sum, a malformed number) under it.
inline constexpr double kTrustedConfidence = 0.8;

//! One cell; a spanning cell is listed once, at its top-left grid position.
struct Cell {
  int row = 0;
  int col = 0;
  int row_span = 1;
  int col_span = 1;
  std::string text;
  PdfRect bbox;
  double confidence = 1.0;  //!< 1.0 for text taken from the PDF text layer
  bool operator==(const Cell&) const = default;
};

//! One change a correction rule made to a cell's reading (stages/correct/correction_list.h), so
//! that an archivist sees what was read, what is reported instead, and on what grounds.
struct Correction {
  std::string rule;  //!< the rule's name, e.g. "standard-label"
  int row = 0;       //!< the cell, by its top-left grid position
  int col = 0;
  std::string before;  //!< the text as read
  std::string after;   //!< the text reported
  std::string why;     //!< the evidence, in a sentence
  bool operator==(const Correction&) const = default;
};

//! A table found on a page.
struct Table {
  std::string id;  //!< "p<page>-t<k>", k counting from 1 in reading order
  PdfRect bbox;
  std::string title;                     //!< nearest caption above the grid, "" if none
  std::optional<std::string> continues;  //!< id of the table on an earlier page this one continues
  int n_rows = 0;
  int n_cols = 0;
  std::vector<Cell> cells;              //!< row-major by top-left position
  std::vector<Correction> corrections;  //!< in the order the rules made them
  bool operator==(const Table&) const = default;
};

//! Text outside tables.
struct TextBlock {
  PdfRect bbox;
  std::string text;
  bool operator==(const TextBlock&) const = default;
};

}  // namespace gridlift
