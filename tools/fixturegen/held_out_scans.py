#!/usr/bin/python3
"""Scans of the varied fixtures, for measuring OCR beyond the committed scan fixtures.

    /usr/bin/python3 tools/fixturegen/held_out_scans.py OUT_DIR
    build/tools/gridlift extract -q OUT_DIR/*.pdf -o OUT_DIR/result -j2
    build/tools/gridlift score OUT_DIR OUT_DIR/result

The committed scans are all of two looks; the varied fixtures have nine others (fonts, rule weights,
padding, shading). Each is scanned the way the scan fixtures are (generate_fixtures.scan_pdf: skew,
blur, gray paper, grain, JPEG), the first five at 200 dpi and the rest at 300, with fixed seeds, and
given the varied fixture's truth. Nothing is committed: no test runs on these, so no mechanism is
tuned to pass one; they tell whether a change made on the fixtures holds on looks it was not made on.
Needs what tools/fixturegen/setup installs (poppler-utils, img2pdf, python3-pikepdf, python3-pil,
python3-numpy).
"""

import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import generate_fixtures as fixtures  # noqa: E402


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    varied = sorted((HERE.parent.parent / "fixtures" / "varied").glob("*.pdf"))
    for i, pdf in enumerate(varied):
        dpi = 200 if i < 5 else 300
        scan = out / f"{pdf.stem}-scan{dpi}.pdf"
        pages = len(fixtures.page_sizes(pdf))
        fixtures.scan_pdf(pdf, scan, dpi, pages, random.Random(301 + i))
        fixtures.write_variant_truth(pdf.with_name(pdf.stem + ".truth.json"), scan, ["ocr"] * pages)
        print(scan, flush=True)


if __name__ == "__main__":
    main()
