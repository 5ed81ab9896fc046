#pragma once
// Where Tesseract's language data lives. Debian installs it with the tesseract-ocr-LANG packages;
// TESSDATA_PREFIX overrides, as it does for the tesseract command.

#include <string>
#include <vector>

namespace gridlift {

//! The folder holding LANG.traineddata for every one of `languages`: $TESSDATA_PREFIX (or its
//! tessdata/ subfolder) if set, else Debian's package paths. Throws std::runtime_error naming the
//! missing language and the package that provides it.
std::string find_tessdata(const std::vector<std::string>& languages);

}  // namespace gridlift
