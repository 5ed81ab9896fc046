#!/usr/bin/python3
"""Scans of the table pages of born-digital reports, scored against their own text-layer reading.

    build/release/tools/gridlift extract REPORTS... -o TEXT_RESULTS -j2 -q
    /usr/bin/python3 tools/fixturegen/scans_of_reports.py TEXT_RESULTS OUT_DIR REPORT.pdf...
    build/release/tools/gridlift extract OUT_DIR/*.pdf -o OUT_DIR/result -j2 -q
    build/release/tools/gridlift score OUT_DIR OUT_DIR/result

For each report, the pages gridlift read from a trusted text layer and found tables on are cut out
(pikepdf) and scanned twice, at 200 and 300 dpi, the way the scan fixtures are
(generate_fixtures.scan_pdf: skew, blur, gray paper, grain, JPEG; fixed seeds). The truth of each
scan is the text-layer reading of those pages, renumbered: it measures OCR against what the same
code reads from the text layer, so a text-layer misreading is not seen, and gridlift's own
corrections and checks are left out of it. Look at the differences by eye before trusting a score.
Nothing is committed: real reports are a user's files. Needs what tools/fixturegen/setup installs.
"""

import hashlib
import json
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import generate_fixtures as fixtures  # noqa: E402


def table_pages(result):
    return [p for p in result["pages"] if p["tables"] and p["mode"] == "text"]


def truth_of(result, pages, scan):
    truth = dict(result)
    truth["pages"] = []
    for k, page in enumerate(pages, 1):
        page = json.loads(json.dumps(page))
        old, page["page"], page["mode"] = page["page"], k, "ocr"
        for table in page["tables"]:
            table["id"] = table["id"].replace(f"p{old}-", f"p{k}-", 1)
            table["continues"] = None
            table.pop("corrections", None)
        truth["pages"].append(page)
    truth["checks"] = []
    truth["source"] = scan.name
    truth["sha256"] = hashlib.sha256(scan.read_bytes()).hexdigest()
    return truth


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    import pikepdf
    results, out = Path(sys.argv[1]), Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    for i, pdf in enumerate(Path(a) for a in sys.argv[3:]):
        result = json.loads((results / (pdf.stem + ".json")).read_text(encoding="utf-8"))
        pages = table_pages(result)
        if not pages:
            print(f"{pdf}: no table page read from a text layer, skipped", flush=True)
            continue
        subset = out / (pdf.stem + ".pages.pdf")
        with pikepdf.open(pdf) as source, pikepdf.new() as cut:
            for page in pages:
                cut.pages.append(source.pages[page["page"] - 1])
            cut.save(subset)
        for dpi in (200, 300):
            scan = out / f"{pdf.stem}-scan{dpi}.pdf"
            fixtures.scan_pdf(subset, scan, dpi, len(pages), random.Random(701 + 7 * i + dpi))
            truth = truth_of(result, pages, scan)
            (out / f"{scan.stem}.truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1) + "\n",
                                                         encoding="utf-8")
            print(scan, len(pages), "pages", flush=True)
        subset.unlink()


if __name__ == "__main__":
    main()
