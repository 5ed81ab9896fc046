// Damaged PDFs — truncated, bytes flipped, blocks zeroed or spliced — run through the whole
// batch in this process. Each must end as one failed document or a written result; none may
// crash the run or hang it. Mutations are seeded, so a failure reproduces.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include <unistd.h>

#include "pipeline/extraction_run.h"

namespace gridlift {
namespace {

namespace fs = std::filesystem;

std::string read_bytes(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string mutate(std::string b, std::mt19937& rng) {
  auto pick = [&](size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(rng); };
  switch (pick(4)) {
    case 0:
      b.resize(pick(b.size()));
      break;
    case 1:
      for (size_t k = pick(50) + 1; k > 0; --k) b[pick(b.size())] = static_cast<char>(pick(256));
      break;
    case 2: {
      size_t at = pick(b.size());
      std::fill_n(b.begin() + static_cast<long>(at), std::min<size_t>(pick(2000) + 1, b.size() - at), '\0');
      break;
    }
    default: {
      size_t at = pick(b.size()), from = pick(b.size());
      b.insert(at, b.substr(from, pick(5000) + 1));
    }
  }
  return b;
}

TEST(MutatedInputs, NeverCrashTheBatch) {
  const fs::path fixtures = fs::path(GRIDLIFT_SOURCE_DIR) / "fixtures";
  const std::vector<std::string> sources = {
      read_bytes(fixtures / "narrow" / "sanmenxia-2023-selfeval-narrow.pdf"),
      read_bytes(fixtures / "external" / "camelot" / "twotables_2.pdf")};
  const fs::path dir = fs::temp_directory_path() / ("gridlift-mutants-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::mt19937 rng(20261122);
  std::vector<fs::path> inputs;
  for (int i = 0; i < 60; ++i) {
    auto path = dir / ("m" + std::to_string(i) + ".pdf");
    std::ofstream(path, std::ios::binary) << mutate(sources[static_cast<size_t>(i) % sources.size()], rng);
    inputs.push_back(path);
  }
  RunOptions options;
  options.output_folder = dir / "out";
  options.jobs = 2;
  auto summary = run_extraction(inputs, options);
  EXPECT_EQ(summary.documents_done + summary.documents_failed, 60);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace gridlift
