#pragma once
// orient: a table drawn sideways on its page (landscape content on a portrait page with
// no /Rotate, or /Rotate that leaves it on its side) is turned upright before grid finding, so every
// later stage sees rows running left to right.

#include "models/text_char.h"
#include "stages/rasterize/page_raster.h"

namespace gridlift {

//! Clockwise quarter turns (0..3) that make most of the page's text read left to right.
int quarter_turns_to_upright(const TextChars& chars);

//! Turns `raster` and `chars` clockwise by `turns` quarter turns; `width`/`height` swap as needed.
void turn_page(int turns, PageRaster& raster, TextChars& chars, double& width, double& height);

}  // namespace gridlift
