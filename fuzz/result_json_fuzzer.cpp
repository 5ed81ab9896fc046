// Fuzzes what `gridlift score` reads: any bytes as a result document (tables/1 JSON), which must be
// refused with an exception or read, and a document read must score against itself.

#include <cstddef>
#include <cstdint>
#include <exception>
#include <nlohmann/json.hpp>

#include "models/document_json.h"
#include "tools/score/document_score.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const nlohmann::json j = nlohmann::json::parse(data, data + size, nullptr, false);
  if (j.is_discarded()) return 0;
  gridlift::DocumentResult doc;
  try {
    doc = gridlift::document_from_json(j);
  } catch (const std::exception&) {
    return 0;  // refused with a reason: what the scorer reports for a malformed result
  }
  const gridlift::ScoreTally tally = gridlift::score_document(doc, doc);
  // A document answers itself completely: a scorer that disagrees has lost a cell or a table.
  if (tally.matched_tables != tally.truth_tables || tally.cells_exact != tally.cells_compared)
    __builtin_trap();
  return 0;
}
