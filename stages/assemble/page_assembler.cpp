#include "stages/assemble/page_assembler.h"

#include "stages/assemble/table_title.h"
#include "stages/read/text_blocks.h"

namespace gridlift {

void assemble_page(PageResult& page, std::vector<Table> tables, const std::vector<TextLine>& free_lines,
                   double body_height) {
  for (size_t k = 0; k < tables.size(); ++k) {
    tables[k].id = "p" + std::to_string(page.page) + "-t" + std::to_string(k + 1);
    tables[k].title = find_title(tables[k], free_lines, tables, body_height);
  }
  page.tables = std::move(tables);
  page.blocks = build_blocks(free_lines);
}

}  // namespace gridlift
