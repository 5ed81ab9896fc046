#pragma once
// export: NAME.md, the document for people: text blocks and tables in reading order.
// Tables without spans become pipe tables; tables with spans become HTML tables, which Markdown
// renders and which keep rowspan/colspan.

#include <string>

#include "models/document.h"

namespace gridlift {

std::string document_to_markdown(const DocumentResult& doc);

}  // namespace gridlift
