#pragma once
// The names a document's outputs carry inside the output folder. They come from input file names,
// which are not to be trusted: "...pdf" would name its CSV folder "..", a link's target path would
// lead out of the folder, a name that is not UTF-8 cannot go into JSON. Every name made here is a
// path of ordinary components below the output folder, whatever the input was called.

#include <filesystem>
#include <string>
#include <string_view>

namespace gridlift {

//! Longest component an output name is given, in bytes: NAME_MAX (255) less the longest suffix an
//! output adds (".report.html.partial") and a margin.
inline constexpr size_t kMaxNameComponentBytes = 200;

//! `component` as one safe path component: bytes that are not UTF-8 and control characters
//! become '_'; a component that is empty or only dots ("", ".", "..") gets a leading '_'; one
//! longer than kMaxNameComponentBytes is cut at a character boundary and ends in "~" and a hash
//! of the whole, so that long names stay apart.
std::string safe_name_component(std::string_view component);

//! True when `name` ends in ".pdf", in any case: how a user means "*.pdf" (".pdf" alone too).
bool ends_with_pdf(std::string_view name);

//! The base name outputs use for `input`: its file name without a final ".pdf" (any case), made
//! safe ("report.pdf" -> "report", "...pdf" -> "_..").
std::string output_stem(const std::filesystem::path& input);

//! The output name of a PDF found at `relative` inside an input folder (the path as found, links
//! not resolved): its folders and stem, each made safe, joined by '/' ("2023/report").
std::string output_name_below(const std::filesystem::path& relative);

}  // namespace gridlift
