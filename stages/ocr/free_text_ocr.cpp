#include "stages/ocr/free_text_ocr.h"

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>
#include <sstream>

#include "models/unicode.h"
#include "stages/clean/ink_glyphs.h"
#include "stages/ocr/cell_ocr.h"

namespace gridlift {

std::vector<ImageRect> free_text_boxes(const cv::Mat& ink, const std::vector<TableGrid>& tables,
                                       const PixelScale& scale, double max_glyph_pt) {
  cv::Mat free = ink.clone();
  const int pad = scale.pixels(2, 1);
  const cv::Rect page(0, 0, ink.cols, ink.rows);
  for (const auto& t : tables)
    free(cv::Rect(t.bbox.x0 - pad, t.bbox.y0 - pad, t.bbox.width() + 2 * pad, t.bbox.height() + 2 * pad) &
         page)
        .setTo(0);

  // Glyph-sized blobs only: specks and large shapes are not text.
  cv::Mat labels, stats, centroids;
  const int n = cv::connectedComponentsWithStats(free, labels, stats, centroids, 8, CV_32S);
  std::vector<uchar> keep(static_cast<size_t>(n), 0);
  for (int i = 1; i < n; ++i) {
    const int w = stats.at<int>(i, cv::CC_STAT_WIDTH), h = stats.at<int>(i, cv::CC_STAT_HEIGHT);
    keep[static_cast<size_t>(i)] = is_glyph_sized(w, h, scale, max_glyph_pt);
  }
  cv::Mat text(free.size(), CV_8UC1, cv::Scalar(0));
  for (int y = 0; y < free.rows; ++y) {
    const int* l = labels.ptr<int>(y);
    uchar* t = text.ptr<uchar>(y);
    for (int x = 0; x < free.cols; ++x) t[x] = keep[static_cast<size_t>(l[x])] ? 255 : 0;
  }

  // Smear along the line (two ems of a 10 pt face joins words, not columns far apart) and a
  // little across (the strokes of one Han character, e.g. 三, are apart by a quarter em).
  cv::Mat smeared;
  cv::dilate(text, smeared,
             cv::getStructuringElement(cv::MORPH_RECT, {scale.pixels(20, 3) | 1, scale.pixels(3, 1) | 1}));
  cv::Mat line_labels, line_stats, line_centroids;
  const int lines =
      cv::connectedComponentsWithStats(smeared, line_labels, line_stats, line_centroids, 8, CV_32S);
  std::vector<ImageRect> boxes;
  for (int i = 1; i < lines; ++i) {
    cv::Rect r(line_stats.at<int>(i, cv::CC_STAT_LEFT), line_stats.at<int>(i, cv::CC_STAT_TOP),
               line_stats.at<int>(i, cv::CC_STAT_WIDTH), line_stats.at<int>(i, cv::CC_STAT_HEIGHT));
    // Back to the ink inside the smeared box.
    std::vector<cv::Point> points;
    cv::findNonZero(text(r), points);
    if (points.empty()) continue;
    cv::Rect ink_box = cv::boundingRect(points) + r.tl();
    boxes.push_back({ink_box.x, ink_box.y, ink_box.x + ink_box.width, ink_box.y + ink_box.height});
  }
  std::sort(boxes.begin(), boxes.end(),
            [](const ImageRect& a, const ImageRect& b) { return a.y0 != b.y0 ? a.y0 < b.y0 : a.x0 < b.x0; });
  return boxes;
}

TextChars read_free_text(const cv::Mat& gray, const cv::Mat& ink, const std::vector<TableGrid>& tables,
                         const PixelScale& scale, OcrEngine& engine) {
  TextChars chars;
  const int dpi = static_cast<int>(std::lround(scale.dpi));
  for (const auto& box : free_text_boxes(ink, tables, scale)) {
    const int margin = std::max(8, box.height() / 2);
    cv::Mat crop;
    cv::copyMakeBorder(gray(cv::Rect(box.x0, box.y0, box.width(), box.height())), crop, margin, margin,
                       margin, margin, cv::BORDER_CONSTANT | cv::BORDER_ISOLATED, cv::Scalar(255));
    OcrText reading = engine.read(crop, LineScript::kText, dpi);
    if (reading.confidence < 0.3) continue;
    std::vector<std::string> lines;
    std::istringstream in(reading.text);
    for (std::string line; std::getline(in, line);)
      if (auto tidy = tidy_ocr_text(line); !tidy.empty()) lines.push_back(std::move(tidy));
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
