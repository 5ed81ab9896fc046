#pragma once
// Debug overlays: the page image with what grid finding saw drawn on it. Drawn from the page's
// debug record and grids only; detection never runs again here.
//   red = horizontal rule segments, blue = vertical ones, green = cells, thick orange = table box.

#include <filesystem>
#include <opencv2/core/mat.hpp>
#include <string>
#include <vector>

#include "stages/grid/grid_types.h"

namespace gridlift {

//! A colour image of `gray` with `debug` and `grids` drawn on it.
cv::Mat draw_overlay(const cv::Mat& gray, const GridDebug& debug, const std::vector<TableGrid>& grids);

//! Writes draw_overlay(...) as `folder/<stem>-p<NNN>.png`. Throws std::runtime_error on failure.
void write_overlay_png(const cv::Mat& overlay, const std::filesystem::path& folder, const std::string& stem,
                       int page);

}  // namespace gridlift
