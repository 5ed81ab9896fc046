#pragma once
// NAME.json: the on-disk form of a DocumentResult (contract: docs/result-format.md).

#include <nlohmann/json.hpp>
#include <ostream>
#include <string>

#include "models/document.h"

namespace gridlift {

//! Serialises with keys in the order of the contract, so output is byte-stable.
nlohmann::ordered_json to_json(const DocumentResult& doc);

//! Parses a result or truth file. Throws std::runtime_error naming what is wrong.
//! Truth files may leave `bbox` null; it reads as an empty rectangle.
DocumentResult document_from_json(const nlohmann::json& j);

//! The serialised text of `doc`, two-space indented, newline-terminated: to_json(doc).dump(2).
std::string document_to_string(const DocumentResult& doc);

//! The same text written page by page, so that a document of thousands of pages never exists as
//! one JSON tree in memory (that tree is ~5x the size of the text: ~320 MB for 2,000 pages).
void write_document_json(std::ostream& out, const DocumentResult& doc);

}  // namespace gridlift
