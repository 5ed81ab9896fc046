#include "stages/verdict/ink_coverage.h"

#include <algorithm>

namespace gridlift {

std::vector<GlyphBox> ink_without_text(const std::vector<GlyphBox>& ink_blobs,
                                       const std::vector<GlyphBox>& text_glyphs, cv::Size page, int slack) {
  // A mask of the text layer's boxes makes each blob one lookup, whatever the number of glyphs.
  cv::Mat covered = cv::Mat::zeros(page, CV_8U);
  const cv::Rect bounds(0, 0, page.width, page.height);
  for (const auto& glyph : text_glyphs) {
    cv::Rect box(glyph.box.x0 - slack, glyph.box.y0 - slack, glyph.box.width() + 2 * slack,
                 glyph.box.height() + 2 * slack);
    box &= bounds;
    if (!box.empty()) covered(box).setTo(1);
  }
  std::vector<GlyphBox> missing;
  for (const auto& blob : ink_blobs) {
    const int x = std::clamp(blob.box.center_x(), 0, page.width - 1);
    const int y = std::clamp(blob.box.center_y(), 0, page.height - 1);
    if (!covered.at<unsigned char>(y, x)) missing.push_back(blob);
  }
  return missing;
}

}  // namespace gridlift
