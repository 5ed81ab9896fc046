#pragma once
// How the reports print a number, for the readers and checks that must tell a reading that is one
// from a reading that only looks like one.

#include <string>

namespace gridlift {

//! A number as these reports print one: "2,939.71", "-0.50", "12%", "2010301". Not "1,22" (a
//! thousands comma takes three digits after it), "2.7." or "508.4.5".
bool well_formed_number(const std::string& text);

}  // namespace gridlift
