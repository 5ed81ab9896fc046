// Golden image of a debug overlay: one fixture page read as extract reads it, drawn with every
// layer and the banner, compared pixel by pixel with tests/golden/. A changed detection (a cell,
// a span, a ruling, a cross-checked cell) moves far more pixels than the tolerance allows.
//
// After an intended change of the drawing, regenerate the golden image and look at it:
//   GRIDLIFT_UPDATE_GOLDEN=1 build/tests/gridlift_end_to_end_tests --gtest_filter='OverlayGolden*'

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <opencv2/imgcodecs.hpp>

#include "pipeline/page_processor.h"
#include "stages/export/overlay_writer.h"
#include "stages/load/pdf_document.h"

namespace gridlift {
namespace {

const std::filesystem::path kSource = GRIDLIFT_SOURCE_DIR;

// Pixels whose colour moved by more than a trace of anti-aliasing.
size_t changed_pixels(const cv::Mat& a, const cv::Mat& b) {
  cv::Mat difference, most;
  cv::absdiff(a, b, difference);
  cv::Mat channels[3];
  cv::split(difference, channels);
  most = cv::max(channels[0], cv::max(channels[1], channels[2]));
  return static_cast<size_t>(cv::countNonZero(most > 32));
}

TEST(OverlayGolden, DigitalPageWithSpansMatchesTheGoldenImage) {
  auto doc = open_pdf(kSource / "fixtures/digital/jiaozuo-2023-final.pdf");
  ExtractOptions options;
  options.keep_raster = true;
  FontChecks fonts;
  OcrContext ocr = make_ocr_context(options);
  PageWork work = process_page(*doc, 1, options, ocr, &fonts);
  const cv::Mat drawn =
      with_banner(draw_overlay(work.result, work.debug, OverlayLayers{}), work.result, work.debug);

  const auto golden_path = kSource / "tests/golden/jiaozuo-2023-final-p002.overlay.png";
  if (std::getenv("GRIDLIFT_UPDATE_GOLDEN")) {
    ASSERT_TRUE(cv::imwrite(golden_path.string(), drawn));
    GTEST_SKIP() << "golden image rewritten: " << golden_path;
  }
  const cv::Mat golden = cv::imread(golden_path.string(), cv::IMREAD_COLOR);
  ASSERT_FALSE(golden.empty()) << golden_path;
  ASSERT_EQ(drawn.size(), golden.size());
  const size_t tolerance = static_cast<size_t>(drawn.total() / 10000);  // 0.01% of the pixels
  const size_t changed = changed_pixels(drawn, golden);
  EXPECT_LE(changed, tolerance) << "overlay differs from " << golden_path << " in " << changed << " pixels";

  // The comparison must be able to fail: the same page without its cells is far off.
  OverlayLayers without_cells;
  without_cells.cells = false;
  const cv::Mat missing =
      with_banner(draw_overlay(work.result, work.debug, without_cells), work.result, work.debug);
  EXPECT_GT(changed_pixels(missing, golden), 10 * tolerance);
}

}  // namespace
}  // namespace gridlift
