#pragma once
// NAME.json: the on-disk form of a DocumentResult (contract: docs/result-format.md).

#include <nlohmann/json.hpp>
#include <string>

#include "models/document.h"

namespace gridlift {

//! Serialises with keys in the order of the contract, so output is byte-stable.
nlohmann::ordered_json to_json(const DocumentResult& doc);

//! Parses a result or truth file. Throws std::runtime_error naming what is wrong.
//! Truth files may leave `bbox` null; it reads as an empty rectangle.
DocumentResult document_from_json(const nlohmann::json& j);

//! The serialised text of `doc`, two-space indented, newline-terminated.
std::string document_to_string(const DocumentResult& doc);

}  // namespace gridlift
