#pragma once
// What a run extracts: the command line's files and folders, each PDF with the name its outputs
// will carry.

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace gridlift {

struct InputDocument {
  std::filesystem::path path;
  std::string output_name;  //!< "report" for report.pdf; "2023/report" for a file found in a folder's 2023/
};

//! Files stay as given (named by their stem, even if missing: the run reports them). A folder
//! stands for every *.pdf below it, sorted, named by their path inside the folder, so that equal
//! file names in different subfolders never overwrite each other's results. "@LIST" stands for the
//! files and folders LIST names, one per line (blank lines and lines starting with # left out);
//! a LIST that cannot be read is reported by the run like a missing file.
std::vector<InputDocument> expand_inputs(const std::vector<std::filesystem::path>& arguments);

//! The output names a run has handed out, so that a second input whose results would overwrite
//! an earlier one's is refused rather than written over it.
class OutputNames {
 public:
  //! "" if `name` was free (it now belongs to `path`); otherwise why `path` cannot have it.
  std::string claim(const std::string& name, const std::string& path);

 private:
  std::map<std::string, std::string> owners_;  // output name -> the input that took it
};

}  // namespace gridlift
