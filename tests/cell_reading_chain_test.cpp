// The cell-reading chain of read_cell_by_ocr() branch by branch, through a scripted engine: which
// recognizer is asked, at what resolution, how often, and which reading wins. The cell images are
// synthetic (as in ocr_stages_test.cpp), the readings scripted, so no Tesseract runs here.

#include <gtest/gtest.h>
#include <tbb/parallel_for.h>

#include <functional>
#include <map>
#include <mutex>
#include <opencv2/imgproc.hpp>
#include <set>
#include <thread>

#include "stages/clean/page_cleanup.h"
#include "stages/ocr/cell_ocr.h"
#include "stages/ocr/ocr_context.h"

namespace gridlift {
namespace {

const PixelScale k300{300};
const ImageRect kCell{50, 50, 250, 110};  // 200 x 60 px inside 4 px rules

// Answers each read with `answer(script, dpi)` and records what it was asked.
class ScriptedEngine final : public OcrEngine {
 public:
  struct Call {
    LineScript script;
    int dpi;
  };
  explicit ScriptedEngine(std::function<OcrText(LineScript, int)> answer) : answer_(std::move(answer)) {}
  OcrText read(const cv::Mat& gray, LineScript script, int dpi) override {
    EXPECT_EQ(gray.type(), CV_8UC1);
    calls.push_back({script, dpi});
    return answer_(script, dpi);
  }
  std::vector<Call> calls;

 private:
  std::function<OcrText(LineScript, int)> answer_;
};

cv::Mat ruled_cell(const std::function<void(cv::Mat&)>& draw) {
  cv::Mat page(kCell.y1 + 50, kCell.x1 + 50, CV_8UC1, cv::Scalar(255));
  cv::rectangle(page, {kCell.x0 - 2, kCell.y0 - 2}, {kCell.x1 + 2, kCell.y1 + 2}, cv::Scalar(0), 4);
  draw(page);
  return page;
}

// Four narrow glyphs: the shape of a number.
cv::Mat number_cell() {
  return ruled_cell([](cv::Mat& p) {
    for (int x = 150; x < 230; x += 20) cv::rectangle(p, {x, 65}, {x + 12, 92}, cv::Scalar(0), 3);
  });
}

// A glyph wider than a digit: the shape of text.
cv::Mat text_cell() {
  return ruled_cell([](cv::Mat& p) {
    cv::rectangle(p, {80, 66}, {112, 94}, cv::Scalar(0), 3);
    cv::line(p, {120, 80}, {160, 80}, cv::Scalar(0), 3);
    cv::rectangle(p, {170, 66}, {182, 94}, cv::Scalar(0), 3);
  });
}

CellReading read(const cv::Mat& page, ScriptedEngine& engine, const OcrOptions& options = {}) {
  return read_cell_by_ocr(page, binarize_page(page), kCell, k300, engine, options);
}

TEST(CellReadingChain, ABlankCellAsksNoRecognizer) {
  ScriptedEngine engine([](LineScript, int) { return OcrText{"x", 1.0}; });
  const CellReading reading = read(ruled_cell([](cv::Mat&) {}), engine);
  EXPECT_TRUE(reading.blank);
  EXPECT_TRUE(engine.calls.empty());
}

TEST(CellReadingChain, DashesAreCountedNotRead) {
  ScriptedEngine engine([](LineScript, int) { return OcrText{"-", 1.0}; });
  const cv::Mat page = ruled_cell([](cv::Mat& p) {
    for (int x = 80; x < 200; x += 30) cv::rectangle(p, {x, 78}, {x + 18, 81}, cv::Scalar(0), cv::FILLED);
  });
  const CellReading reading = read(page, engine);
  EXPECT_EQ(reading.text, "----");
  EXPECT_TRUE(engine.calls.empty());
}

TEST(CellReadingChain, ASureWellFormedNumberIsReadOnce) {
  ScriptedEngine engine([](LineScript, int) { return OcrText{"1,234.50", 0.97}; });
  const CellReading reading = read(number_cell(), engine);
  ASSERT_EQ(engine.calls.size(), 1u);
  EXPECT_EQ(engine.calls[0].script, LineScript::kNumber);
  EXPECT_EQ(engine.calls[0].dpi, 300);
  EXPECT_EQ(reading.text, "1,234.50");
  EXPECT_DOUBLE_EQ(reading.confidence, 0.97);
}

TEST(CellReadingChain, AMalformedNumberGetsASecondLookAtAnotherScale) {
  ScriptedEngine engine([](LineScript, int dpi) {
    return dpi == 300 ? OcrText{"1,22", 0.95} : OcrText{"1,224", 0.93};
  });
  const CellReading reading = read(number_cell(), engine);
  ASSERT_EQ(engine.calls.size(), 2u);
  EXPECT_EQ(engine.calls[1].script, LineScript::kNumber);
  EXPECT_EQ(engine.calls[1].dpi, 200);
  EXPECT_EQ(reading.text, "1,224");  // well formed beats malformed, though less sure
}

TEST(CellReadingChain, AVeryDoubtfulNumberIsReadAsTextWhichMayOverruleIt) {
  auto answer = [](LineScript script, int) {
    return script == LineScript::kNumber ? OcrText{"3.", 0.4} : OcrText{"合计", 0.92};
  };
  ScriptedEngine engine(answer);
  const CellReading reading = read(number_cell(), engine);
  ASSERT_GE(engine.calls.size(), 3u);
  EXPECT_EQ(engine.calls.back().script, LineScript::kText);
  EXPECT_EQ(reading.text, "合计");

  // The thresholds are the options': with doubt starting lower, the text recognizer is not asked.
  OcrOptions trusting;
  trusting.doubtful_number = 0.3;
  ScriptedEngine trusted(answer);
  const CellReading kept = read(number_cell(), trusted, trusting);
  for (const auto& call : trusted.calls) EXPECT_EQ(call.script, LineScript::kNumber);
  EXPECT_EQ(kept.text, "3.");
}

TEST(CellReadingChain, TextShapedInkThatReadsAsDigitsIsSettledByTheNumberRecognizer) {
  ScriptedEngine engine([](LineScript script, int) {
    return script == LineScript::kText ? OcrText{"1O4", 0.7} : OcrText{"104", 0.95};
  });
  const CellReading reading = read(text_cell(), engine);
  ASSERT_EQ(engine.calls.size(), 2u);
  EXPECT_EQ(engine.calls[0].script, LineScript::kText);
  EXPECT_EQ(engine.calls[1].script, LineScript::kNumber);
  EXPECT_EQ(reading.text, "104");
}

TEST(CellReadingChain, ASureTextReadingStaysText) {
  ScriptedEngine engine([](LineScript, int) { return OcrText{"项目", 0.96}; });
  const CellReading reading = read(text_cell(), engine);
  ASSERT_EQ(engine.calls.size(), 1u);
  EXPECT_EQ(reading.text, "项目");
}

TEST(CellReadingChain, ReportsWhatWasReadAndLeavesCorrectingToTheList) {
  ScriptedEngine engine([](LineScript, int) { return OcrText{"科日名称", 0.96}; });
  EXPECT_EQ(read(text_cell(), engine).text, "科日名称");  // the standard-label rule's to put right
}

TEST(CellReadingChain, JudgesANumberAsTheListWillLeaveItsMarks) {
  // "|2.77": a rule's remnant before a sure number. Judged with the mark, the number would look
  // malformed and be read again at the other scale, where it reads worse.
  ScriptedEngine engine([](LineScript script, int dpi) {
    if (script == LineScript::kNumber && dpi == 300) return OcrText{"|2.77", 0.95};
    return OcrText{"2.7", 0.97};
  });
  const CellReading reading = read(number_cell(), engine);
  EXPECT_EQ(engine.calls.size(), 1u);
  EXPECT_EQ(reading.text, "|2.77");  // the stray-mark rule drops the "|"
}

TEST(OcrContext, EachThreadGetsItsOwnEngineMadeOnce) {
  std::mutex made_mutex;
  std::vector<const OcrEngine*> made;
  OcrContext ocr([&] {
    auto engine = std::make_unique<ScriptedEngine>([](LineScript, int) { return OcrText{}; });
    std::lock_guard lock(made_mutex);
    made.push_back(engine.get());
    return engine;
  });
  std::mutex seen_mutex;
  std::map<std::thread::id, std::set<const OcrEngine*>> seen;
  tbb::parallel_for(0, 2000, [&](int) {
    const OcrEngine* engine = &ocr.engine();
    std::lock_guard lock(seen_mutex);
    seen[std::this_thread::get_id()].insert(engine);
  });
  std::set<const OcrEngine*> distinct;
  for (const auto& [thread, engines] : seen) {
    EXPECT_EQ(engines.size(), 1u) << "a thread was handed two engines";
    distinct.insert(*engines.begin());
  }
  EXPECT_EQ(distinct.size(), seen.size()) << "two threads shared an engine";
  EXPECT_EQ(made.size(), seen.size()) << "an engine was made for a thread that never read";
}

}  // namespace
}  // namespace gridlift
