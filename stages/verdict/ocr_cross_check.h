#pragma once
// verdict: a text layer can look like good text and still lie, as when a font's
// ToUnicode map is shifted (every 1 copied as 2, 支 as 收). Only the pixels tell: a few cells of
// the table read from the text layer are read again by OCR and the two compared.

#include <functional>
#include <set>
#include <string>
#include <vector>

#include "models/table.h"
#include "stages/ocr/cell_ocr.h"

namespace gridlift {

//! One cell compared: what OCR read there and whether it matched the text layer.
struct SampledCell {
  size_t index = 0;  //!< into the table's cells
  std::string ocr_text;
  bool agrees = true;
};

struct CrossCheck {
  int numbers_sampled = 0, numbers_disagreed = 0;
  int texts_sampled = 0, texts_disagreed = 0;
  //! The text-layer numbers OCR read otherwise, each once: two cells printing the same 5100 under
  //! one mark are one piece of evidence, not two.
  std::set<std::string> numbers_read_otherwise;
  //! The cells that were compared (one table's: add() leaves them out).
  std::vector<SampledCell> sampled_cells;
  std::string example;  //!< the first disagreement, "text layer 'x' vs OCR 'y'", for the log

  void add(const CrossCheck& other);
  //! Three in four sampled numbers, two different ones at least, read different digits, or every
  //! sampled label (at least two) shares fewer than half its characters with what OCR sees. Single
  //! misreads of OCR do not count.
  bool contradicts_text_layer() const;
};

//! Reads cell `index` of the table from pixels.
using CellOcr = std::function<CellReading(size_t index)>;

//! Compares up to `max_numbers` number cells and `max_texts` label cells of `table` (read from the
//! text layer) with `read_cell` of the same cells. Cells are picked spread over the table, the same
//! ones on every run; cells OCR finds blank are passed over.
CrossCheck cross_check_by_ocr(const Table& table, const CellOcr& read_cell, int max_numbers, int max_texts);

}  // namespace gridlift
