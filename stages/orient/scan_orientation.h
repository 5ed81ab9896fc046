#pragma once
// orient, for pages read from pixels: a scan has no glyph directions to go by, so the
// page's quarter turn comes from its ink. Which way text lines run (across or down the page) is
// read from the blobs: a character's nearest neighbour is the next one on its line. Whether the
// page is also upside down only a recognizer can tell: a few runs of characters are read both
// ways up, and the reading Tesseract is surer of wins.

#include <opencv2/core.hpp>
#include <vector>

#include "models/geometry.h"
#include "stages/grid/grid_types.h"
#include "stages/ocr/ocr_engine.h"

namespace gridlift {

//! True when most glyph blobs have their nearest neighbour above or below rather than beside:
//! the page's lines run down it (a landscape table scanned sideways).
bool lines_run_down_the_page(const std::vector<GlyphBox>& blobs);

//! Up to `count` runs of at least three blobs side by side on one line, widest first: samples
//! of text to read. `blobs` must be in reading order (glyphs_from_ink()).
std::vector<ImageRect> text_runs(const std::vector<GlyphBox>& blobs, int count);

//! Quarter turns clockwise from the recognizer's summed confidence in reading sample runs of a
//! page as they stand (`as_is`) and turned half round, once a quarter turn `across` (0 or 1) has
//! set its lines across. A page lying sideways went on the glass one way or the other, so the
//! surer reading wins; a page already set across is upright far more often than upside down, and
//! turns over only when upside down reads clearly surer: chi_sim reads Latin nearly as well
//! either way up (o, l, s; d and p; n and u), and Arabic not at all.
int quarter_turns_from_confidence(int across, double as_is, double turned_half);

//! Quarter turns clockwise that bring the cleaned scan `gray` (its binarize_page() is `ink`, the
//! glyph-sized blobs of that glyphs_from_ink()) upright: 0..3.
int quarter_turns_for_scan(const cv::Mat& gray, const cv::Mat& ink, std::vector<GlyphBox> blobs,
                           const PixelScale& scale, OcrEngine& engine);

}  // namespace gridlift
