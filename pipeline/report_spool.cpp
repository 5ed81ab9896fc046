#include "pipeline/report_spool.h"

#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace gridlift {

ReportSpool::~ReportSpool() {
  if (file_) std::fclose(file_);
}

void ReportSpool::append(const std::string& image) {
  // The index is taken even when storing fails, so later images keep their pages' indices; a
  // failed one reads back as no image.
  extents_.push_back({0, 0});
  if (!file_ && !(file_ = std::tmpfile()))
    throw std::runtime_error(std::string("cannot open a temporary file for report images (") +
                             std::strerror(errno) + ")");
  if (std::fseek(file_, 0, SEEK_END) != 0) throw std::runtime_error("report image spool: seek failed");
  const long offset = std::ftell(file_);
  if (std::fwrite(image.data(), 1, image.size(), file_) != image.size())
    throw std::runtime_error(std::string("cannot keep the report's page images in a temporary file (") +
                             std::strerror(errno) + ")");
  extents_.back() = {offset, image.size()};
}

std::string ReportSpool::read(size_t index) {
  if (index >= extents_.size() || !file_) return {};
  const Extent& extent = extents_[index];
  if (extent.size == 0) return {};
  std::string image(extent.size, '\0');
  if (std::fseek(file_, extent.offset, SEEK_SET) != 0 ||
      std::fread(image.data(), 1, extent.size, file_) != extent.size)
    throw std::runtime_error("report image spool: read failed");
  return image;
}

}  // namespace gridlift
