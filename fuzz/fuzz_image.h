#pragma once
// The fuzzers' picture format: a small gray image from raw bytes, so that mutations change pixels
// and sizes instead of breaking a file format's checksum. Bytes 0-1 and 2-3 are the width and
// height (little-endian, taken modulo kMaxSide, at least 1); the rest are the pixels row by row,
// paper (255) where the input runs short.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <opencv2/core.hpp>

namespace gridlift::fuzz {

//! Large enough for a table of a few rows at 150 dpi or a cell at 300 dpi, small enough that one
//! input runs in milliseconds.
inline constexpr int kMaxSide = 640;

inline cv::Mat image_from_bytes(const uint8_t* data, size_t size) {
  if (size < 4) return {};
  const int width = 1 + (data[0] | data[1] << 8) % kMaxSide;
  const int height = 1 + (data[2] | data[3] << 8) % kMaxSide;
  cv::Mat gray(height, width, CV_8UC1, cv::Scalar(255));
  const size_t pixels = std::min(size - 4, static_cast<size_t>(width) * static_cast<size_t>(height));
  std::copy(data + 4, data + 4 + pixels, gray.data);
  return gray;
}

}  // namespace gridlift::fuzz
