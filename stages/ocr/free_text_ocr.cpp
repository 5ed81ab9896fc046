#include "stages/ocr/free_text_ocr.h"

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>
#include <sstream>

#include "models/unicode.h"
#include "stages/correct/ocr_marks.h"
#include "stages/ocr/cell_ocr.h"

namespace gridlift {

namespace {

// The group of blob `i`: union-find with path halving.
size_t group_of(std::vector<size_t>& parent, size_t i) {
  while (parent[i] != i) i = parent[i] = parent[parent[i]];
  return i;
}

}  // namespace

std::vector<ImageRect> free_text_boxes(const std::vector<ImageRect>& blobs,
                                       const std::vector<TableGrid>& tables, const PixelScale& scale) {
  const int pad = scale.pixels(2, 1);
  auto in_a_table = [&](const ImageRect& b) {
    return std::any_of(tables.begin(), tables.end(), [&](const TableGrid& t) {
      return b.x1 > t.bbox.x0 - pad && b.x0 < t.bbox.x1 + pad && b.y1 > t.bbox.y0 - pad &&
             b.y0 < t.bbox.y1 + pad;
    });
  };
  std::vector<ImageRect> text;
  for (const auto& b : blobs)
    if (!in_a_table(b)) text.push_back(b);
  std::sort(text.begin(), text.end(), [](const ImageRect& a, const ImageRect& b) { return a.x0 < b.x0; });

  // Two blobs are on one line when no more than two ems of a 10 pt face lie between them along the
  // line (words join, columns far apart do not) and a little across (the strokes of one Han
  // character, e.g. 三, are apart by a quarter em): the boxes a dilation by that much would join.
  const int join_x = scale.pixels(20, 3) / 2 * 2, join_y = scale.pixels(3, 1) / 2 * 2;
  std::vector<size_t> parent(text.size());
  for (size_t i = 0; i < text.size(); ++i) parent[i] = i;
  for (size_t i = 0; i < text.size(); ++i)
    for (size_t j = i + 1; j < text.size() && text[j].x0 - text[i].x1 <= join_x; ++j) {
      const int gap_x = text[j].x0 - std::min(text[i].x1, text[j].x1),
                gap_y = std::max(text[i].y0, text[j].y0) - std::min(text[i].y1, text[j].y1);
      if (gap_x <= join_x && gap_y <= join_y) parent[group_of(parent, j)] = group_of(parent, i);
    }

  std::vector<ImageRect> lines;
  std::vector<size_t> line_of(text.size(), SIZE_MAX);
  for (size_t i = 0; i < text.size(); ++i) {
    size_t& line = line_of[group_of(parent, i)];
    if (line == SIZE_MAX) {
      line = lines.size();
      lines.push_back(text[i]);
    }
    ImageRect& box = lines[line];
    box = {std::min(box.x0, text[i].x0), std::min(box.y0, text[i].y0), std::max(box.x1, text[i].x1),
           std::max(box.y1, text[i].y1)};
  }
  std::sort(lines.begin(), lines.end(),
            [](const ImageRect& a, const ImageRect& b) { return a.y0 != b.y0 ? a.y0 < b.y0 : a.x0 < b.x0; });
  return lines;
}

TextChars read_free_text(const cv::Mat& gray, const std::vector<ImageRect>& blobs,
                         const std::vector<TableGrid>& tables, const PixelScale& scale, OcrEngine& engine) {
  TextChars chars;
  const int dpi = static_cast<int>(std::lround(scale.dpi));
  for (const auto& box : free_text_boxes(blobs, tables, scale)) {
    const int margin = std::max(8, box.height() / 2);
    cv::Mat crop;
    cv::copyMakeBorder(gray(cv::Rect(box.x0, box.y0, box.width(), box.height())), crop, margin, margin,
                       margin, margin, cv::BORDER_CONSTANT | cv::BORDER_ISOLATED, cv::Scalar(255));
    OcrText reading = engine.read(crop, LineScript::kText, dpi);
    if (reading.confidence < 0.3) continue;
    std::vector<std::string> lines;
    std::istringstream in(reading.text);
    // The marks chi_sim misreads are put right as in cells, untraced: text outside tables has no
    // cell to trace a correction on, and no rule beyond these marks rewrites it.
    for (std::string line; std::getline(in, line);)
      if (auto tidy = mend_ocr_marks(tidy_ocr_text(line)); !tidy.empty()) lines.push_back(std::move(tidy));
    if (lines.empty()) continue;
    // The box's height shared among its lines; characters spread over the width.
    const double line_height = static_cast<double>(box.height()) / static_cast<double>(lines.size());
    for (size_t k = 0; k < lines.size(); ++k) {
      const std::u32string cps = code_points(lines[k]);
      const double y0 = box.y0 + line_height * static_cast<double>(k),
                   step = box.width() / std::max(1.0, static_cast<double>(cps.size()));
      for (size_t i = 0; i < cps.size(); ++i) {
        if (is_space(cps[i])) {
          if (!chars.empty()) chars.back().space_after = true;
          continue;
        }
        TextChar c;
        append_utf8(c.text, cps[i]);
        const double x0 = box.x0 + step * static_cast<double>(i);
        c.box = {scale.to_points(x0), scale.to_points(y0), scale.to_points(x0 + step),
                 scale.to_points(y0 + line_height)};
        c.font_size = scale.to_points(line_height) / 0.9;  // Han ink fills ~0.9 em
        chars.push_back(std::move(c));
      }
    }
  }
  return chars;
}

}  // namespace gridlift
