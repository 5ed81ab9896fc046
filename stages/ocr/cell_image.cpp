#include "stages/ocr/cell_image.h"

#include <algorithm>
#include <opencv2/imgproc.hpp>
#include <vector>

namespace gridlift {
namespace {

struct Blob {
  cv::Rect box;
  std::vector<int> labels;  //!< its connected components
  //! A flat piece against the top or bottom rule: kept only if it joins a glyph (the bar of a "5"
  //! set close under the rule), else it is what is left of the rule.
  bool fragment_only = false;
};

// The longest unbroken run of ink along a row or column of a binary image.
int longest_ink_run(const cv::Mat& line) {
  int longest = 0, run = 0;
  for (auto it = line.begin<uchar>(); it != line.end<uchar>(); ++it) {
    run = *it ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  return longest;
}

// The columns of `bin` within `band` of its left and right edges that are a rule's remnant (a
// rule left in by a skew residue or a thick line): ink unbroken for over half the height, or
// ink over nearly all of it (noise breaks a thin rim up), and beside such a column, any mostly
// inked one (the rest of the rim). Never text, not even a column of stacked characters whose
// strokes, one under the other, ink most of a column (seen: up to 71%): a glyph's stroke is no
// longer than the glyph, and the gaps between strokes and characters leave over a tenth bare.
std::vector<char> rule_remnant_columns(const cv::Mat& bin, int band) {
  std::vector<char> remnant(static_cast<size_t>(bin.cols), 0);
  auto in_band = [&](int x) { return x < band || x >= bin.cols - band; };
  for (int x = 0; x < bin.cols; ++x)
    remnant[static_cast<size_t>(x)] = in_band(x) && (longest_ink_run(bin.col(x)) * 2 > bin.rows ||
                                                     cv::countNonZero(bin.col(x)) * 10 >= bin.rows * 9);
  for (bool grew = true; grew;) {
    grew = false;
    for (int x = 0; x < bin.cols; ++x) {
      if (remnant[static_cast<size_t>(x)] || !in_band(x)) continue;
      const bool beside = (x > 0 && remnant[static_cast<size_t>(x - 1)]) ||
                          (x + 1 < bin.cols && remnant[static_cast<size_t>(x + 1)]);
      if (beside && cv::countNonZero(bin.col(x)) * 2 > bin.rows)
        remnant[static_cast<size_t>(x)] = grew = true;
    }
  }
  return remnant;
}

// Clears the rule remnants along all four edges of a cell crop.
void clear_rule_remnants(cv::Mat& bin, int band) {
  const std::vector<char> columns = rule_remnant_columns(bin, band);
  const std::vector<char> rows = rule_remnant_columns(bin.t(), band);
  for (int x = 0; x < bin.cols; ++x)
    if (columns[static_cast<size_t>(x)]) bin.col(x).setTo(0);
  for (int y = 0; y < bin.rows; ++y)
    if (rows[static_cast<size_t>(y)]) bin.row(y).setTo(0);
}

// No taller than a point, comma or dash beside glyphs `tall` high: under half their height.
bool mark_height(const cv::Rect& r, int tall) {
  return r.height * 100 <= tall * 45;
}

// Lines of blobs: blobs sorted by top, a blob joins the current line when it overlaps the line's
// vertical extent by half its own height (or the line's), else starts a new one. A small mark
// hanging just under a line, within its width, is of that line: the tail of a comma that broke
// off its head under the threshold. (A stacked point is a line pitch further down.)
// `tall` is the height of the tallest blob.
std::vector<std::vector<Blob>> group_lines(std::vector<Blob> blobs, int tall) {
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
        continue;
      }
      const bool small = mark_height(b.box, tall);
      const int below = b.box.y - (e.y + e.height);
      const bool within = b.box.x >= e.x && b.box.x + b.box.width <= e.x + e.width;
      if (small && below <= tall / 4 && b.box.y + b.box.height > e.y + e.height && within) {
        lines[i].push_back(b);  // the line's extent stays that of its glyphs
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

// Where a spanning header cell meets the rules of the cells beside it, stubs of those rules can
// reach into its corner and read as marks ("决算数和"). A dash clear of the text both down (on no
// line of it) and across (beyond its ends) is such a stub: a label's own dash stands on a line of
// it or in its column (一 stacked in a narrow column).
void drop_stubs_in_a_corner(std::vector<Blob>& blobs, const PixelScale& scale) {
  cv::Rect text;
  for (const auto& b : blobs)
    if (!is_dash(b, scale)) text |= b.box;
  if (text.empty()) return;
  std::erase_if(blobs, [&](const Blob& b) {
    const bool clear_down = b.box.y >= text.y + text.height || b.box.y + b.box.height <= text.y;
    const bool clear_across = b.box.x >= text.x + text.width || b.box.x + b.box.width <= text.x;
    return is_dash(b, scale) && clear_down && clear_across;
  });
}

// Digits are narrower than tall (0.5-0.65 em wide, 0.7 em tall); a Han character's strokes
// include at least one wide one or a square outline. Punctuation is small. `tall` is the height
// of the tallest blob.
bool looks_numeric(const std::vector<Blob>& blobs, int tall) {
  bool digit = false;
  for (const auto& b : blobs) {
    const cv::Rect& r = b.box;
    const bool narrow = r.width * 100 <= r.height * 85;
    const bool small_mark = mark_height(r, tall) && r.width * 100 <= tall * 80;  // . , - %
    if (narrow && r.height * 100 >= tall * 60)
      digit = true;
    else if (!narrow && !small_mark)
      return false;
    else if (narrow && !small_mark && r.height * 100 < tall * 60)
      return false;
  }
  return digit;
}

// Thin strokes of a blurred scan break under the threshold: the top bar of a serif "5" loses the
// hairline that holds it to the bowl, and would pass for a line of its own and a mark no digit
// makes. Pieces that overlap across by half the narrower one, lie within a third of the tallest
// blob of each other down, and together are no taller than it (an eighth more: the gap blurs
// wider than the stroke it broke), are one glyph. Two glyphs stacked are nearly twice as tall; a
// full stop stays apart (a stacked one is a line pitch from its neighbours, so joined it would be
// taller too; an inline one lies beside them).
std::vector<Blob> join_glyph_fragments(std::vector<Blob> blobs) {
  int tall = 0;
  for (const auto& b : blobs) tall = std::max(tall, b.box.height);
  const int gap = tall / 3;
  for (size_t i = 0; i < blobs.size(); ++i) {
    for (size_t j = i + 1; j < blobs.size(); ++j) {
      const cv::Rect &a = blobs[i].box, &b = blobs[j].box;
      const int across = std::min(a.x + a.width, b.x + b.width) - std::max(a.x, b.x);
      const int apart = std::max(a.y, b.y) - std::min(a.y + a.height, b.y + b.height);
      // A flat piece (a loose cap or base) adds its own height to a glyph the tallest blob may
      // itself be short of, when every glyph of the cell lost a stroke.
      const bool flat_piece = std::min(a.height, b.height) * 4 <= tall;
      const int limit = flat_piece ? tall + tall / 2 : tall + tall / 8;
      if (across * 2 < std::min(a.width, b.width) || apart > gap || (a | b).height > limit) continue;
      blobs[i].box = a | b;
      blobs[i].labels.insert(blobs[i].labels.end(), blobs[j].labels.begin(), blobs[j].labels.end());
      blobs[i].fragment_only = blobs[i].fragment_only && blobs[j].fragment_only;
      blobs.erase(blobs.begin() + static_cast<std::ptrdiff_t>(j));
      j = i;  // the grown blob may now reach pieces it did not before
    }
  }
  std::erase_if(blobs, [](const Blob& b) { return b.fragment_only; });
  return blobs;
}

// A light face's hairlines (the waist of an 8, the diagonal of a 4) are paler than the ink
// threshold and break off their glyph; masked to the ink, the glyph reads as another digit or
// character (48 -> 45, 34 -> 3.). Faint ink, darker than the paper by this much on the flattened
// page, that touches a kept stroke is that stroke's: the kept mask grows into it. Faint ink that
// touches no kept stroke (grain, a pale speck) stays out.
constexpr int kFaintInk = 225;

// Grows `kept` (the glyphs' mask with their rims, 255 = kept) into the faint ink of `gray` that
// touches it, leaving out what the rules took (`rules`, with their rims) and ink the blob filter
// judged no glyph (`bin` ink outside `kept`): let back in through paler ink, such pieces blanked
// one label of the held-out scans and added stray marks to others. The faint ink is added as it
// is, not widened further: a rim around it too thickens strokes enough to turn 末 into 未.
void grow_into_faint_strokes(cv::Mat& kept, const cv::Mat& gray, const cv::Mat& bin, const cv::Mat& rules) {
  cv::Mat faint = gray < kFaintInk;
  cv::Mat rule_rims;
  cv::dilate(rules, rule_rims, cv::Mat(), {-1, -1}, 2);
  faint.setTo(0, rule_rims);
  faint.setTo(0, bin & ~kept);
  cv::Mat labels;
  const int n = cv::connectedComponents(faint, labels, 8, CV_32S);
  std::vector<uchar> touches(static_cast<size_t>(n), 0);
  for (int y = 0; y < kept.rows; ++y) {
    const int* l = labels.ptr<int>(y);
    const uchar* k = kept.ptr<uchar>(y);
    for (int x = 0; x < kept.cols; ++x)
      if (k[x] && l[x]) touches[static_cast<size_t>(l[x])] = 1;
  }
  for (int y = 0; y < kept.rows; ++y) {
    const int* l = labels.ptr<int>(y);
    uchar* k = kept.ptr<uchar>(y);
    for (int x = 0; x < kept.cols; ++x)
      if (touches[static_cast<size_t>(l[x])]) k[x] = 255;
  }
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
  cv::Mat rules = ink(crop) & ~bin;  // what clear_rule_remnants() took out

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
  const auto at_side = [&](const cv::Rect& r) { return r.x <= near || r.x + r.width >= bin.cols - near; };
  const auto at_top_or_bottom = [&](const cv::Rect& r) {
    return r.y <= near || r.y + r.height >= bin.rows - near;
  };
  // The glyph height, from blobs clear of the side rules, whose remnants stand upright. Text set
  // against the top or bottom rule counts: a table in a 4 pt font has under a point of padding.
  int text_height = 0;
  for (int i = 1; i < n; ++i) {
    const cv::Rect r = box_of(i);
    if (stats.at<int>(i, cv::CC_STAT_AREA) >= min_area && !at_side(r) && r.height > thin)
      text_height = std::max(text_height, r.height);
  }
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
    // A remnant lies along the rule it came from: flat ones at the top or bottom, upright ones at a
    // side. A flat mark at a side is a dash set against the rule (left-aligned "-").
    const bool thin_upright = r.width <= thin && r.height > r.width;
    const bool thin_flat = r.height <= thin && r.width > r.height;
    // With no glyph clear of the sides to measure the text by (a lone light-face 4 set against the
    // rule, in pieces), a stroke is what a line of text in the cell could hold: from three tenths
    // to three quarters of the cell's height.
    const bool like_stroke = text_height > 0
                                 ? r.height * 10 >= text_height * 6 && r.height * 10 <= text_height * 12
                                 : r.height * 10 >= bin.rows * 3 && r.height * 4 <= bin.rows * 3;
    if (thin_upright && at_side(r) && !like_stroke) continue;
    const bool flat_at_rule = thin_flat && at_top_or_bottom(r);
    // A remnant runs on past the glyphs; a piece no wider than the text is tall may be a stroke.
    if (flat_at_rule && (text_height == 0 || r.width > text_height)) continue;
    blobs.push_back({r, {i}, flat_at_rule});
  }
  blobs = join_glyph_fragments(std::move(blobs));
  drop_stubs_in_a_corner(blobs, scale);
  if (blobs.empty()) return out;
  for (const auto& b : blobs)
    for (int label : b.labels) keep[static_cast<size_t>(label)] = 1;
  int ink_pixels = 0;
  for (const auto& b : blobs) ink_pixels += b.box.area();
  // Specks only; but a lone hyphen is a few points long and thinner than a speck's area.
  const bool one_dash =
      blobs.size() == 1 && is_dash(blobs[0], scale) && blobs[0].box.width >= scale.pixels(2, 2);
  if (ink_pixels < scale.pixels(2, 2) * scale.pixels(2, 2) && !one_dash) return out;

  // The cell image: gray where a kept blob is, white everywhere else (rules, specks, neighbours).
  cv::Mat kept(bin.size(), CV_8UC1, cv::Scalar(0));
  for (int y = 0; y < bin.rows; ++y) {
    const int* l = labels.ptr<int>(y);
    uchar* k = kept.ptr<uchar>(y);
    for (int x = 0; x < bin.cols; ++x) k[x] = keep[static_cast<size_t>(l[x])] ? 255 : 0;
  }
  cv::dilate(kept, kept, cv::Mat(), {-1, -1}, 1);         // keep the antialiased rim of each stroke
  grow_into_faint_strokes(kept, gray(crop), bin, rules);  // and the hairlines the threshold lost
  cv::Mat clean(bin.size(), CV_8UC1, cv::Scalar(255));
  gray(crop).copyTo(clean, kept);

  int tall = 0;
  for (const auto& b : blobs) tall = std::max(tall, b.box.height);
  auto lines = group_lines(blobs, tall);
  out.lines = static_cast<int>(lines.size());
  out.blank = false;
  out.glyph_height = tall;
  // A cell of dashes only is a number cell too.
  const bool dashes_only =
      std::all_of(blobs.begin(), blobs.end(), [&](const Blob& b) { return is_dash(b, scale); });
  out.script = dashes_only || looks_numeric(blobs, tall) ? LineScript::kNumber : LineScript::kText;
  if (dashes_only && lines.size() == 1) out.dashes = static_cast<int>(blobs.size());
  cv::Rect all = bounds(blobs);
  out.ink = {crop.x + all.x, crop.y + all.y, crop.x + all.x + all.width, crop.y + all.y + all.height};

  const int margin = std::max(8, tall / 2);
  const bool number = out.script == LineScript::kNumber;
  // Text stacked one character per line (a header in a column one glyph wide): chi_sim reads a
  // column of lone characters as soup, a line of them well. Every line is one whole character:
  // as tall as the text and no wider (a loose cap or point is a broken digit, not a line).
  const bool stacked_text =
      !number && lines.size() > 1 && std::all_of(lines.begin(), lines.end(), [&](const auto& l) {
        const cv::Rect r = bounds(l);
        return r.width * 10 <= tall * 13 && r.height * 10 >= tall * 6;
      });
  // Text wrapped over lines of several characters (一般公共预 / 算 财政拨 / 款): chi_sim's block
  // reading loses lines set as tight as a narrow header's. Every line must look like one line of
  // text, as tall as the text and clear of the next, and one at least two characters long; strokes
  // of one character apart (二) are not, nor the pieces of a glyph broken smaller than any text is.
  bool wrapped_text = !number && !stacked_text && lines.size() > 1 && tall >= scale.pixels(4, 8);
  int widest = 0;
  for (size_t i = 0; wrapped_text && i < lines.size(); ++i) {
    const cv::Rect r = bounds(lines[i]);
    widest = std::max(widest, r.width);
    wrapped_text = r.height * 10 >= tall * 6 && r.height * 10 <= tall * 13 &&
                   (i + 1 == lines.size() || bounds(lines[i + 1]).y >= r.y + r.height);
  }
  wrapped_text = wrapped_text && widest * 2 >= tall * 3;
  if ((number && lines.size() > 1) || stacked_text || wrapped_text) {
    // A number or word broken over lines by a narrow column: lay the lines side by side on one
    // line, so the recognizer reads one number or word instead of guessing at lone glyphs.
    const int pitch = number ? tall / 6 : tall / 4;
    int width = 0, height = tall;  // a line of text may be taller than its tallest blob
    for (const auto& line : lines) {
      width += bounds(line).width + pitch;
      if (!number) height = std::max(height, bounds(line).height);
    }
    cv::Mat row(height + 2 * margin, width + 2 * margin, CV_8UC1, cv::Scalar(255));
    const int baseline = margin + tall;
    int x = margin;
    for (const auto& line : lines) {
      cv::Rect r = bounds(line);
      if (!number) {  // characters centred on the line
        clean(r).copyTo(row(cv::Rect(x, margin + (height - r.height) / 2, r.width, r.height)));
        x += r.width + pitch;
        continue;
      }
      int top = baseline - r.height;
      const bool small = mark_height(r, tall);
      // A comma hangs below the baseline; a full stop sits on it.
      const bool comma = small && r.height * 10 > r.width * 14;
      if (comma) top = baseline - r.height * 2 / 3;
      out.stacked_glyphs += !small ? 'g' : comma ? ',' : r.width * 10 > r.height * 15 ? '-' : '.';
      top = std::clamp(top, 0, row.rows - r.height);
      clean(r).copyTo(row(cv::Rect(x, top, r.width, r.height)));
      x += r.width + pitch;
    }
    // Wrapped text is laid out for a second reading only: lines of one character's pieces (是 as
    // 日 over its foot) pass the shape tests above, and the reader's confidence tells them apart.
    (wrapped_text ? out.one_line : out.gray) = row;
  }
  if (out.gray.empty()) {
    cv::copyMakeBorder(clean(all), out.gray, margin, margin, margin, margin, cv::BORDER_CONSTANT,
                       cv::Scalar(255));
    // Around the kept ink by half a glyph across and a quarter down: a digit whose hairline broke
    // off may have lost its far side too.
    const cv::Rect around =
        cv::Rect(all.x - tall / 2, all.y - tall / 4, all.width + tall, all.height + tall / 2) &
        cv::Rect(0, 0, bin.cols, bin.rows);
    cv::Mat raw = gray(crop).clone();
    cv::dilate(rules, rules, cv::Mat(), {-1, -1}, 1);  // and their antialiased rims
    raw.setTo(255, rules);
    cv::copyMakeBorder(raw(around), out.unmasked, margin, margin, margin, margin, cv::BORDER_CONSTANT,
                       cv::Scalar(255));
  }
  return out;
}

std::string place_stacked_marks(const std::string& reading, const std::string& stacked_glyphs) {
  std::string full;  // the reading's full-height characters
  for (char c : reading)
    if ((c >= '0' && c <= '9') || c == '%') full += c;
  const auto expected = std::count(stacked_glyphs.begin(), stacked_glyphs.end(), 'g');
  if (full.empty() || static_cast<std::ptrdiff_t>(full.size()) != expected) return reading;
  std::string out;
  size_t next = 0;
  for (char g : stacked_glyphs) out += g == 'g' ? full[next++] : g;
  return out;
}

}  // namespace gridlift
