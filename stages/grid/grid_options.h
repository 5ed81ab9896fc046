#pragma once
// Tuning of grid finding, in points so it means the same at any dpi.

namespace gridlift {

struct GridOptions {
  //! Shortest ruled segment kept. Longer than one CJK glyph at body sizes (a 10.5 pt "一" is
  //! ~10 pt wide), shorter than the narrowest stacked-digit column.
  double min_line_length_pt = 12;
  //! Gaps up to this long inside a rule are bridged (broken or faintly printed lines).
  double gap_bridge_pt = 1.5;
  //! Lines closer than this are one lattice line (double borders, rules that shift slightly).
  double merge_tolerance_pt = 2.5;
  //! Lattice rows or columns thinner than this are slivers between near-duplicate lines.
  double min_cell_size_pt = 3.5;
  //! Rules thicker than this are filled areas, not lines.
  double max_line_thickness_pt = 4;
  //! A segment must come this close to a perpendicular one to count as joined to it.
  double joint_tolerance_pt = 2.5;
  //! Horizontal rules reaching this far past the outermost vertical rule (or vice versa) mark
  //! a table side drawn without a border.
  double open_side_min_pt = 8;
  //! Share of a lattice edge that must be inked for it to separate two cells; below it they merge.
  double boundary_coverage = 0.8;
  //! The same where text fills the edge (tight rows): a rule drawn through text shows whole, while
  //! a straight glyph stroke beside the edge covers at most the glyph's height.
  double rule_through_text_coverage = 0.95;
  //! A horizontal rule at least this long, outside every lattice, may frame a table ruled across
  //! only (shorter ones underline words or headings).
  double min_framing_rule_pt = 72;
  //! On one line, glyphs further apart than this many ems belong to different cells: wider than a
  //! word space (0.25-0.35 em), narrower than the gap a table leaves between its columns.
  double cell_gap_em = 0.6;
  //! Local threshold: a pixel is ink when this much darker than the mean of its neighbourhood.
  double ink_contrast = 8;
};

}  // namespace gridlift
