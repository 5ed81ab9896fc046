#include "stages/ocr/cell_image.h"

#include <algorithm>
#include <opencv2/imgproc.hpp>
#include <vector>

namespace gridlift {
namespace {

struct Blob {
  cv::Rect box;
};

// Clears rows (or columns) within `band` pixels of the crop's edges that are mostly ink: a rule
// left in by a skew residue or a thick line, never text (a glyph stroke fills under half a row).
void clear_rule_remnants(cv::Mat& bin, int band) {
  for (int y = 0; y < bin.rows; ++y) {
    if (y >= band && y < bin.rows - band) continue;
    if (cv::countNonZero(bin.row(y)) * 2 > bin.cols) bin.row(y).setTo(0);
  }
  for (int x = 0; x < bin.cols; ++x) {
    if (x >= band && x < bin.cols - band) continue;
    if (cv::countNonZero(bin.col(x)) * 2 > bin.rows) bin.col(x).setTo(0);
  }
}

// Lines of blobs: blobs sorted by top, a blob joins the current line when it overlaps the line's
// vertical extent by half its own height (or the line's), else starts a new one.
std::vector<std::vector<Blob>> group_lines(std::vector<Blob> blobs) {
  std::sort(blobs.begin(), blobs.end(), [](const Blob& a, const Blob& b) { return a.box.y < b.box.y; });
  std::vector<std::vector<Blob>> lines;
  std::vector<cv::Rect> extents;
  for (const auto& b : blobs) {
    bool placed = false;
    for (size_t i = 0; i < lines.size() && !placed; ++i) {
      const cv::Rect& e = extents[i];
      int overlap = std::min(e.y + e.height, b.box.y + b.box.height) - std::max(e.y, b.box.y);
      if (overlap * 2 >= std::min(e.height, b.box.height)) {
        lines[i].push_back(b);
        extents[i] |= b.box;
        placed = true;
      }
    }
    if (!placed) {
      lines.push_back({b});
      extents.push_back(b.box);
    }
  }
  std::vector<size_t> order(lines.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return extents[a].y < extents[b].y; });
  std::vector<std::vector<Blob>> sorted;
  for (size_t i : order) sorted.push_back(std::move(lines[i]));
  return sorted;
}

// A dash ("-", the placeholder for nil, alone or in runs): flat, and shorter than "一", which is
// as wide as the text is tall (8.5 pt and more at the sizes tables use).
bool is_dash(const Blob& b, const PixelScale& scale) {
  return b.box.width > b.box.height && b.box.height <= scale.pixels(2, 2) &&
         b.box.width <= scale.pixels(6.5, 3);
}

// Digits are narrower than tall (0.5-0.65 em wide, 0.7 em tall); a Han character's strokes
// include at least one wide one or a square outline. Punctuation is small. `tall` is the height
// of the tallest blob.
bool looks_numeric(const std::vector<Blob>& blobs, int tall) {
  bool digit = false;
  for (const auto& b : blobs) {
    const cv::Rect& r = b.box;
    const bool narrow = r.width * 100 <= r.height * 85;
    const bool small_mark = r.height * 100 <= tall * 45 && r.width * 100 <= tall * 80;  // . , - %
    if (narrow && r.height * 100 >= tall * 60)
      digit = true;
    else if (!narrow && !small_mark)
      return false;
    else if (narrow && !small_mark && r.height * 100 < tall * 60)
      return false;
  }
  return digit;
}

cv::Rect bounds(const std::vector<Blob>& blobs) {
  cv::Rect r = blobs.front().box;
  for (const auto& b : blobs) r |= b.box;
  return r;
}

}  // namespace

CellImage prepare_cell_image(const cv::Mat& gray, const cv::Mat& ink, const ImageRect& cell,
                             const PixelScale& scale) {
  CellImage out;
  const int inset = scale.pixels(0.75, 1);  // half of a thick rule, past the centre line
  cv::Rect crop =
      cv::Rect(cell.x0 + inset, cell.y0 + inset, cell.width() - 2 * inset, cell.height() - 2 * inset) &
      cv::Rect(0, 0, gray.cols, gray.rows);
  if (crop.width < 3 || crop.height < 3) return out;

  cv::Mat bin = ink(crop).clone();
  clear_rule_remnants(bin, scale.pixels(2.5, 2));

  cv::Mat labels, stats, centroids;
  const int n = cv::connectedComponentsWithStats(bin, labels, stats, centroids, 8, CV_32S);
  const int min_area = std::max(4, scale.pixels(0.45, 1) * scale.pixels(0.45, 1));  // below a 7 pt full stop
  const int thin = scale.pixels(2, 2);
  auto box_of = [&](int i) {
    return cv::Rect(stats.at<int>(i, cv::CC_STAT_LEFT), stats.at<int>(i, cv::CC_STAT_TOP),
                    stats.at<int>(i, cv::CC_STAT_WIDTH), stats.at<int>(i, cv::CC_STAT_HEIGHT));
  };
  // Within a point of the crop's border: a rule's antialiased rim can leave a gap that wide.
  const int near = scale.pixels(1, 1);
  auto at_edge = [&](const cv::Rect& r) {
    return r.x <= near || r.y <= near || r.x + r.width >= bin.cols - near ||
           r.y + r.height >= bin.rows - near;
  };
  // The glyph height, from blobs clear of the crop's border (text keeps its padding off the rules).
  int text_height = 0;
  for (int i = 1; i < n; ++i)
    if (stats.at<int>(i, cv::CC_STAT_AREA) >= min_area && !at_edge(box_of(i)))
      text_height = std::max(text_height, box_of(i).height);
  std::vector<Blob> blobs;
  std::vector<uchar> keep(static_cast<size_t>(n), 0);
  for (int i = 1; i < n; ++i) {
    const cv::Rect r = box_of(i);
    if (stats.at<int>(i, cv::CC_STAT_AREA) < min_area) continue;
    // A piece of rule reaching into the crop (the deskew leaves rules a pixel or two off straight):
    // thin across and touching the border, and not shaped like a glyph stroke (a "1" is as tall as
    // the text; a rule piece is longer, or a short sliver).
    // A sliver lying wholly in the band along a side, where the rule itself runs, is a remnant
    // whatever its length: text keeps at least a point of padding from the rule's centre.
    const int band = scale.pixels(1.25, 2);
    if (r.x + r.width <= band || r.x >= bin.cols - band || r.y + r.height <= band || r.y >= bin.rows - band)
      continue;
    if (at_edge(r)) {
      const bool thin_upright = r.width <= thin && r.height > r.width;
      const bool thin_flat = r.height <= thin && r.width > r.height;
      const bool like_stroke =
          text_height > 0 && r.height * 10 >= text_height * 6 && r.height * 10 <= text_height * 12;
      if (thin_flat || (thin_upright && !like_stroke)) continue;
    }
    keep[static_cast<size_t>(i)] = 1;
    blobs.push_back({r});
  }
  if (blobs.empty()) return out;
  int ink_pixels = 0;
  for (const auto& b : blobs) ink_pixels += b.box.area();
  if (ink_pixels < scale.pixels(2, 2) * scale.pixels(2, 2)) return out;  // specks only

  // The cell image: gray where a kept blob is, white everywhere else (rules, specks, neighbours).
  cv::Mat kept(bin.size(), CV_8UC1, cv::Scalar(0));
  for (int y = 0; y < bin.rows; ++y) {
    const int* l = labels.ptr<int>(y);
    uchar* k = kept.ptr<uchar>(y);
    for (int x = 0; x < bin.cols; ++x) k[x] = keep[static_cast<size_t>(l[x])] ? 255 : 0;
  }
  cv::dilate(kept, kept, cv::Mat(), {-1, -1}, 1);  // keep the antialiased rim of each stroke
  cv::Mat clean(bin.size(), CV_8UC1, cv::Scalar(255));
  gray(crop).copyTo(clean, kept);

  auto lines = group_lines(blobs);
  out.lines = static_cast<int>(lines.size());
  out.blank = false;
  int tall = 0;
  for (const auto& b : blobs) tall = std::max(tall, b.box.height);
  out.glyph_height = tall;
  // A cell of dashes only is a number cell too.
  const bool dashes_only =
      std::all_of(blobs.begin(), blobs.end(), [&](const Blob& b) { return is_dash(b, scale); });
  out.script = dashes_only || looks_numeric(blobs, tall) ? LineScript::kNumber : LineScript::kText;
  if (dashes_only && lines.size() == 1) out.dashes = static_cast<int>(blobs.size());
  cv::Rect all = bounds(blobs);
  out.ink = {crop.x + all.x, crop.y + all.y, crop.x + all.x + all.width, crop.y + all.y + all.height};

  const int margin = std::max(8, tall / 2);
  if (out.script == LineScript::kNumber && lines.size() > 1) {
    // A number broken over lines by a narrow column: lay the lines side by side on one baseline,
    // so the recognizer reads one number instead of guessing at lone glyphs.
    int width = 0;
    for (const auto& line : lines) width += bounds(line).width + tall / 6;
    cv::Mat row(tall + 2 * margin, width + 2 * margin, CV_8UC1, cv::Scalar(255));
    const int baseline = margin + tall;
    int x = margin;
    for (const auto& line : lines) {
      cv::Rect r = bounds(line);
      int top = baseline - r.height;
      // A comma hangs below the baseline; a full stop sits on it.
      if (r.height * 100 <= tall * 45 && r.height * 10 > r.width * 14) top = baseline - r.height * 2 / 3;
      top = std::clamp(top, 0, row.rows - r.height);
      clean(r).copyTo(row(cv::Rect(x, top, r.width, r.height)));
      x += r.width + tall / 6;
    }
    out.gray = row;
  } else {
    cv::copyMakeBorder(clean(all), out.gray, margin, margin, margin, margin, cv::BORDER_CONSTANT,
                       cv::Scalar(255));
  }
  return out;
}

}  // namespace gridlift
