#include "stages/export/overlay_writer.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>
#include <stdexcept>

#include "stages/export/output_files.h"

namespace gridlift {
namespace {

const cv::Scalar kHorizontalRule(0, 0, 255), kVerticalRule(255, 0, 0), kTableBox(0, 140, 255),
    kCell(0, 170, 0), kSpanningCell(200, 0, 200), kReadingOrder(160, 40, 110), kGlyph(200, 170, 0),
    kTextBlock(230, 180, 120), kAgrees(0, 170, 0), kDisagrees(0, 0, 230), kAddend(180, 120, 255),
    kRegionLeftOut(128, 128, 128);

cv::Rect to_cv(const ImageRect& r) {
  return {r.x0, r.y0, std::max(1, r.width()), std::max(1, r.height())};
}

// A rectangle `inset` pixels inside `r`, so neighbouring cells' outlines stay apart.
cv::Rect inset(const ImageRect& r, int by) {
  return {r.x0 + by, r.y0 + by, std::max(1, r.width() - 2 * by), std::max(1, r.height() - 2 * by)};
}

// Tints `box` of `image` with `colour`, `alpha` of the way.
void tint(cv::Mat& image, cv::Rect box, const cv::Scalar& colour, double alpha) {
  box &= cv::Rect(0, 0, image.cols, image.rows);
  if (box.empty()) return;
  cv::Mat roi = image(box);
  cv::Mat fill(roi.size(), roi.type(), colour);
  cv::addWeighted(fill, alpha, roi, 1.0 - alpha, 0, roi);
}

int line_width(const PixelScale& scale) {
  return std::max(1, scale.pixels(0.5, 1));
}

void draw_lines(cv::Mat& image, const PageDebug& debug) {
  for (const auto& s : debug.grid.segments)
    cv::rectangle(image, to_cv(s.box), s.horizontal ? kHorizontalRule : kVerticalRule, cv::FILLED);
}

void draw_cells(cv::Mat& image, const PageResult& page, const PageDebug& debug) {
  const int width = line_width(debug.scale), gap = 2 * width;
  for (size_t t = 0; t < debug.grids.size(); ++t) {
    const TableGrid& grid = debug.grids[t];
    std::vector<cv::Point> order;
    for (size_t i = 0; i < grid.cells.size(); ++i) {
      const GridCell& cell = grid.cells[i];
      const ImageRect r = grid.cell_rect(cell);
      if (cell.row_span > 1 || cell.col_span > 1) {
        tint(image, inset(r, gap), kSpanningCell, 0.12);
        cv::rectangle(image, inset(r, gap), kSpanningCell, 2 * width);
      } else {
        cv::rectangle(image, inset(r, gap), kCell, width);
      }
      if (t < page.tables.size() && i < page.tables[t].cells.size() && !page.tables[t].cells[i].text.empty())
        order.emplace_back(r.center_x(), r.center_y());
    }
    if (!order.empty()) {
      // Half-transparent: the path crosses every row and must not hide the text under it.
      const cv::Rect area = to_cv(grid.bbox) & cv::Rect(0, 0, image.cols, image.rows);
      cv::Mat roi = image(area), path = roi.clone();
      for (auto& point : order) point -= area.tl();
      cv::polylines(path, order, false, kReadingOrder, width, cv::LINE_AA);
      cv::circle(path, order.front(), 3 * width, kReadingOrder, cv::FILLED, cv::LINE_AA);
      cv::addWeighted(path, 0.5, roi, 0.5, 0, roi);
    }
    cv::rectangle(image, to_cv(grid.bbox), kTableBox, 3 * width);
  }
}

// A dashed rectangle: a region looked at, as against a table's solid box.
void dashed_rectangle(cv::Mat& image, const ImageRect& r, const cv::Scalar& colour, int width) {
  const int dash = 8 * width;
  auto dashes = [&](cv::Point from, cv::Point to) {
    const double length = std::hypot(to.x - from.x, to.y - from.y);
    for (double t = 0; t < length; t += 2 * dash) {
      const double end = std::min(length, t + dash);
      cv::line(image, from + (to - from) * (t / length), from + (to - from) * (end / length), colour, width);
    }
  };
  dashes({r.x0, r.y0}, {r.x1, r.y0});
  dashes({r.x1, r.y0}, {r.x1, r.y1});
  dashes({r.x1, r.y1}, {r.x0, r.y1});
  dashes({r.x0, r.y1}, {r.x0, r.y0});
}

// Regions grid finding judged other than as a full lattice: those left out dashed in grey, and
// each decision's reason written at the region's top left (a table found from its text's
// alignment says so there).
void draw_regions(cv::Mat& image, const PageDebug& debug) {
  const int width = line_width(debug.scale);
  const double font = std::max(0.35, image.cols / 3500.0);
  for (const auto& region : debug.grid.regions) {
    if (!region.taken) dashed_rectangle(image, region.box, kRegionLeftOut, width);
    cv::putText(image, region.reason, {region.box.x0 + 2 * width, std::max(10, region.box.y0 - 2 * width)},
                cv::FONT_HERSHEY_SIMPLEX, font, region.taken ? kTableBox : kRegionLeftOut, 1, cv::LINE_AA);
  }
}

void draw_text(cv::Mat& image, const PageResult& page, const PageDebug& debug) {
  for (const auto& box : debug.text_boxes) cv::rectangle(image, to_cv(box), kGlyph, 1);
  for (const auto& block : page.blocks)
    cv::rectangle(image, to_cv(debug.scale.to_image(block.bbox)), kTextBlock, line_width(debug.scale));
}

void draw_ocr(cv::Mat& image, const PageDebug& debug) {
  for (const auto& crop : debug.ocr_crops)
    tint(image, inset(crop.box, 1), confidence_colour(crop.confidence), 0.3);
}

// The grid rectangle of the cell whose top-left is (row, col) in table `t`, if there is one.
std::optional<ImageRect> cell_at(const PageResult& page, const PageDebug& debug, size_t t, int row, int col) {
  if (t >= page.tables.size() || t >= debug.grids.size()) return std::nullopt;
  const auto& cells = page.tables[t].cells;
  for (size_t i = 0; i < cells.size() && i < debug.grids[t].cells.size(); ++i)
    if (cells[i].row == row && cells[i].col == col) return debug.grids[t].cell_rect(debug.grids[t].cells[i]);
  return std::nullopt;
}

void draw_checks(cv::Mat& image, const PageResult& page, const PageDebug& debug) {
  const int width = line_width(debug.scale);
  for (const auto& checked : debug.checked)
    cv::rectangle(image, inset(checked.box, width), checked.agrees ? kAgrees : kDisagrees, 3 * width);
  for (const auto& check : debug.failed_sums) {
    const auto table = std::find_if(page.tables.begin(), page.tables.end(),
                                    [&](const Table& t) { return t.id == check.table; });
    if (table == page.tables.end()) continue;
    const auto t = static_cast<size_t>(table - page.tables.begin());
    for (auto [row, col] : check.cells)
      if (auto r = cell_at(page, debug, t, row, col))
        cv::rectangle(image, inset(*r, 2 * width), kAddend, width);
    if (auto r = cell_at(page, debug, t, check.total.first, check.total.second))
      cv::rectangle(image, inset(*r, width), kDisagrees, 3 * width);
  }
}

std::string banner_line(const PageResult& page, const PageDebug& debug) {
  char text[160];
  std::snprintf(text, sizeof text, "page %d   mode %s   deskew %+.2f deg   turned %d deg   %zu table%s",
                page.page, to_string(page.mode), debug.skew_degrees, page.rotation, page.tables.size(),
                page.tables.size() == 1 ? "" : "s");
  return text;
}

}  // namespace

OverlayLayers overlay_layers_from_string(const std::string& list) {
  if (list == "all") return {};
  OverlayLayers layers{false, false, false, false, false};
  std::stringstream in(list);
  for (std::string name; std::getline(in, name, ',');) {
    if (name == "lines")
      layers.lines = true;
    else if (name == "cells")
      layers.cells = true;
    else if (name == "text")
      layers.text = true;
    else if (name == "ocr")
      layers.ocr = true;
    else if (name == "checks")
      layers.checks = true;
    else
      throw std::invalid_argument("unknown overlay layer '" + name +
                                  "' (lines, cells, text, ocr, checks or all)");
  }
  return layers;
}

cv::Scalar confidence_colour(double confidence) {
  const double c = std::clamp(confidence, 0.0, 1.0);
  return {0, 255 * std::min(1.0, 2 * c), 255 * std::min(1.0, 2 - 2 * c)};
}

cv::Mat draw_overlay(const PageResult& page, const PageDebug& debug, const OverlayLayers& layers) {
  if (debug.raster.empty()) throw std::invalid_argument("page image not kept (ExtractOptions::keep_raster)");
  cv::Mat image;
  cv::cvtColor(debug.raster, image, cv::COLOR_GRAY2BGR);
  if (layers.ocr) draw_ocr(image, debug);
  if (layers.text) draw_text(image, page, debug);
  if (layers.lines) draw_lines(image, debug);
  if (layers.cells) {
    draw_cells(image, page, debug);
    draw_regions(image, debug);
  }
  if (layers.checks) draw_checks(image, page, debug);
  return image;
}

cv::Mat with_banner(const cv::Mat& overlay, const PageResult& page, const PageDebug& debug) {
  const double font = std::max(0.5, overlay.cols / 2000.0);
  const int thickness = std::max(1, static_cast<int>(font * 1.5)), height = static_cast<int>(60 * font);
  cv::Mat out(overlay.rows + height, overlay.cols, overlay.type(), cv::Scalar(255, 255, 255));
  overlay.copyTo(out(cv::Rect(0, height, overlay.cols, overlay.rows)));
  const int baseline = static_cast<int>(40 * font);
  cv::putText(out, banner_line(page, debug), {static_cast<int>(10 * font), baseline},
              cv::FONT_HERSHEY_SIMPLEX, font, cv::Scalar(0, 0, 0), thickness, cv::LINE_AA);
  // The confidence key at the right end: a bar from 0 to 1.
  const int bar_width = static_cast<int>(200 * font),
            bar_x = overlay.cols - bar_width - static_cast<int>(20 * font);
  for (int x = 0; x < bar_width; ++x)
    cv::line(out, {bar_x + x, baseline - static_cast<int>(25 * font)}, {bar_x + x, baseline},
             confidence_colour(static_cast<double>(x) / (bar_width - 1)));
  cv::putText(out, "OCR 0", {bar_x - static_cast<int>(95 * font), baseline}, cv::FONT_HERSHEY_SIMPLEX,
              font * 0.8, cv::Scalar(0, 0, 0), thickness, cv::LINE_AA);
  cv::putText(out, "1", {bar_x + bar_width + static_cast<int>(4 * font), baseline}, cv::FONT_HERSHEY_SIMPLEX,
              font * 0.8, cv::Scalar(0, 0, 0), thickness, cv::LINE_AA);
  return out;
}

void write_overlay_png(const cv::Mat& image, const std::filesystem::path& folder, const std::string& stem,
                       int page) {
  char name[32];
  std::snprintf(name, sizeof name, "-p%03d.png", page);
  const auto path = folder / (stem + name);
  std::vector<uchar> png;
  if (!cv::imencode(".png", image, png)) throw std::runtime_error(path.string() + ": cannot encode overlay");
  make_output_folders(folder, std::filesystem::path(stem).parent_path());
  write_file_atomically(path, std::string(png.begin(), png.end()));
}

}  // namespace gridlift
