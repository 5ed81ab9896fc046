#pragma once
// Debug overlays: the page image with what extraction saw drawn on it, from the page's result and
// debug record only; detection never runs again here. Layers, each can be left out:
//   lines   ruling segments found: red horizontal, blue vertical
//   cells   table boxes (thick orange), cells (green), spanning cells (magenta, tinted), and the
//           reading order of the cells that hold text (a purple path from a dot at the first one)
//   text    text-layer glyph boxes (cyan) and text blocks outside tables (light blue)
//   ocr     cells read by OCR, tinted by Tesseract's confidence: red 0 -> yellow 0.5 -> green 1
//   checks  cells the cross-check read again by OCR (green agrees, red disagrees) and the
//           arithmetic checks of each table: a failed total boxed in red, its addends in pink
// with_banner() adds a strip above the page naming the page, its mode, deskew and turn.

#include <filesystem>
#include <opencv2/core/mat.hpp>
#include <string>

#include "models/page.h"
#include "stages/export/page_debug.h"

namespace gridlift {

struct OverlayLayers {
  bool lines = true, cells = true, text = true, ocr = true, checks = true;
};

//! "lines,cells,text,ocr,checks" or any subset, comma-separated; "all". Throws
//! std::invalid_argument naming an unknown layer.
OverlayLayers overlay_layers_from_string(const std::string& list);

//! Confidence (0..1) as a BGR colour: red at 0, yellow at 0.5, green at 1.
cv::Scalar confidence_colour(double confidence);

//! A colour image of `debug.raster` with the chosen layers of `page` and `debug` drawn on it.
//! Throws std::invalid_argument if the raster was not kept.
cv::Mat draw_overlay(const PageResult& page, const PageDebug& debug, const OverlayLayers& layers);

//! `overlay` with a strip above it: page number, mode, deskew angle, turn, tables, colour key.
cv::Mat with_banner(const cv::Mat& overlay, const PageResult& page, const PageDebug& debug);

//! Writes `image` as `folder/<stem>-p<NNN>.png` through a temporary name, so a reader never sees
//! half a file. Throws std::runtime_error naming the file on failure.
void write_overlay_png(const cv::Mat& image, const std::filesystem::path& folder, const std::string& stem,
                       int page);

}  // namespace gridlift
