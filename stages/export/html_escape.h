#pragma once
// Text made safe inside HTML elements and attribute values (Markdown's span tables, the report).

#include <string>

namespace gridlift {

//! & < > " ' as character references.
std::string html_escape(const std::string& text);

}  // namespace gridlift
