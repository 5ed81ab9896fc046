#include "stages/export/overlay_writer.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <cstdio>
#include <stdexcept>

namespace gridlift {

cv::Mat draw_overlay(const cv::Mat& gray, const GridDebug& debug, const std::vector<TableGrid>& grids) {
  cv::Mat color;
  cv::cvtColor(gray, color, cv::COLOR_GRAY2BGR);
  auto rect = [](const ImageRect& r) {
    return cv::Rect(r.x0, r.y0, std::max(1, r.width()), std::max(1, r.height()));
  };
  for (const auto& s : debug.segments)
    cv::rectangle(color, rect(s.box), s.horizontal ? cv::Scalar(0, 0, 255) : cv::Scalar(255, 0, 0),
                  cv::FILLED);
  for (const auto& grid : grids) {
    for (const auto& cell : grid.cells) {
      ImageRect r = grid.cell_rect(cell);
      cv::rectangle(color,
                    cv::Rect(r.x0 + 2, r.y0 + 2, std::max(1, r.width() - 4), std::max(1, r.height() - 4)),
                    cv::Scalar(0, 170, 0), 1);
    }
    cv::rectangle(color, rect(grid.bbox), cv::Scalar(0, 140, 255), 3);
  }
  return color;
}

void write_overlay_png(const cv::Mat& overlay, const std::filesystem::path& folder, const std::string& stem,
                       int page) {
  char name[32];
  std::snprintf(name, sizeof name, "-p%03d.png", page);
  auto path = folder / (stem + name);
  std::error_code ec;
  std::filesystem::create_directories(path.parent_path(), ec);
  if (!cv::imwrite(path.string(), overlay))
    throw std::runtime_error(path.string() + ": cannot write overlay");
}

}  // namespace gridlift
