#!/usr/bin/python3
"""Generates gridlift's fixtures: PDFs in the style of published 部门决算/部门预算 reports, with truth.

    /usr/bin/python3 tools/fixturegen/generate_fixtures.py [--out fixtures] [--only NAME]

Needs Debian's libreoffice-writer-nogui, fonts-noto-cjk, fonts-arphic-uming, poppler-utils, img2pdf,
python3-pikepdf, python3-pil, python3-numpy, chromium (tools/fixturegen/setup installs them). Tests never run
this: its output is committed. Every layout decision comes from the parameters below and a fixed
random seed per document, so a rerun gives the same pages.

Variants (a folder each):
  digital  - normal column widths, captions, narrative text, merged headers, a table continued on
             the next page, two tables on one page, a header-only table
  narrow   - numeric and header columns so narrow that LibreOffice stacks one character per line
  rotated  - landscape tables on portrait pages: turned with /Rotate, and drawn sideways without it
  scan     - pages rasterized at 200/300 dpi, skewed, noisy, blurred, JPEG'd, wrapped as image-only PDFs
  varied   - born-digital documents whose looks (font, rules, padding, shading, open sides, narrow
             columns) are drawn at random from a fixed seed
  chromium - seed tables printed from HTML by headless Chromium: another producer (Skia), with
             other border drawing and glyph boxes
  partly-ruled - tables ruled across only: three-line tables (a rule above, one under the header,
             one below) and tables with a rule under every row, no vertical rules; Chinese budget
             and English statistical content, prose and captions between them
For each NAME.pdf a NAME.truth.json (schema: docs/result-format.md) holds the tables as generated.
Truth boxes are null: the generator knows content and structure, not where LibreOffice put them.
"""

import argparse
import io
import json
import random
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from odt_writer import Look, OdtDocument  # noqa: E402
from seed_tables import SeedTable, is_numeric, merge_layout, read_seed, sub_table, with_group_header  # noqa: E402

PORTRAIT_CM, LANDSCAPE_CM = 17.0, 25.7
CM_PER_PT = 2.54 / 72


def text_ems(text):
    return sum(1.0 if ord(ch) > 0x2E80 else 0.55 for ch in text)


def column_widths(table, look, available_cm, narrow_cols=(), narrow_cm=0.34, rng=None):
    widths = []
    for k in range(table.n_cols):
        body = [r[k] for r in table.rows[table.header_rows:]]
        head = [r[k] for r in table.rows[:table.header_rows]]
        ems = max([min(text_ems(t), 18) for t in body] + [min(text_ems(t), 5) for t in head] + [2])
        widths.append(ems * look.table_pt * CM_PER_PT + 2 * look.padding_cm + 0.15)
    for k in narrow_cols:
        widths[k] = narrow_cm
    fixed = sum(widths[k] for k in narrow_cols)
    flexible = sum(widths) - fixed
    if sum(widths) > available_cm and flexible > 0:
        scale = (available_cm - fixed) / flexible
        widths = [w if k in narrow_cols else max(w * scale, 0.9) for k, w in enumerate(widths)]
    if rng is not None:
        widths = [w if k in narrow_cols else w * rng.uniform(0.97, 1.05) for k, w in enumerate(widths)]
    return widths


def numeric_columns(table):
    cols = []
    for k in range(table.n_cols):
        body = [r[k] for r in table.rows[table.header_rows:] if r[k]]
        if body and sum(is_numeric(t) for t in body) >= 0.7 * len(body):
            cols.append(k)
    return cols


class FixtureDocument:
    """One PDF being planned: its ODT and the truth of every page."""

    def __init__(self, name, look):
        self.name = name
        self.doc = OdtDocument(look)
        self.pages = []  # per page: {"landscape": bool, "tables": [truth tables]}

    def new_page(self, landscape, lead_text=None, size=None, bold=False, align="justify"):
        self.doc.paragraph(lead_text or "", size=size, bold=bold, align=align, new_page=True, landscape=landscape)
        self.pages.append({"landscape": landscape, "tables": []})

    def add_table(self, table, widths, caption=True, continues=None, align_cols=None):
        look = self.doc.look
        page_no = len(self.pages)
        if caption:
            self.doc.paragraph(table.title, size=look.caption_pt, bold=True, align="center",
                               font=look.caption_font, space_after_cm=0.2)
            for line in table.meta[:3]:
                self.doc.paragraph(line, size=look.body_pt - 1, align="start", space_after_cm=0.05)
        self.doc.table(table.cells, table.n_rows, table.n_cols, widths, table.header_rows, is_numeric,
                       align_cols=align_cols)
        k = len(self.pages[-1]["tables"]) + 1
        tid = f"p{page_no}-t{k}"
        self.pages[-1]["tables"].append({
            "id": tid, "bbox": None, "title": table.title if caption else "", "continues": continues,
            "n_rows": table.n_rows, "n_cols": table.n_cols,
            "cells": [{"row": c.row, "col": c.col, "row_span": c.row_span, "col_span": c.col_span,
                       "text": c.text, "bbox": None, "confidence": 1.0} for c in table.cells],
        })
        return tid


def render_pdf(fixture, out_pdf, workdir):
    fodt = workdir / f"{fixture.name}.fodt"
    fodt.write_text(fixture.doc.xml(), encoding="utf-8")
    profile = workdir / "lo-profile"
    subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
                    "pdf:writer_pdf_Export", "--outdir", str(workdir), str(fodt)],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300)
    normalize_pdf(workdir / f"{fixture.name}.pdf", out_pdf)


def normalize_pdf(src, dst, transform=None):
    """Drops dates and fixes the /ID so regenerated fixtures are byte-stable."""
    import pikepdf
    with pikepdf.open(src) as pdf:
        if transform:
            transform(pdf)
        with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
            for key in list(meta.keys()):
                del meta[key]
        for key in ("/CreationDate", "/ModDate", "/Producer", "/Creator"):
            if key in pdf.docinfo:
                del pdf.docinfo[key]
        # LibreOffice writes a per-run /DocChecksum and a random /ID into the trailer.
        for key in ("/DocChecksum", "/ID"):
            if key in pdf.trailer:
                del pdf.trailer[key]
        pdf.save(dst, static_id=True, compress_streams=True)


def page_sizes(pdf_path):
    import pikepdf
    with pikepdf.open(pdf_path) as pdf:
        sizes = []
        for page in pdf.pages:
            box = [float(v) for v in page.mediabox]
            rotate = int(page.obj.get("/Rotate", 0)) % 360
            w, h = box[2] - box[0], box[3] - box[1]
            sizes.append((h, w, rotate) if rotate in (90, 270) else (w, h, rotate))
        return sizes


def write_truth(fixture, pdf_path, truth_path, mode="text", rotation=None):
    sizes = page_sizes(pdf_path)
    if len(sizes) != len(fixture.pages):
        raise SystemExit(f"{pdf_path}: LibreOffice made {len(sizes)} pages, the plan has {len(fixture.pages)}: "
                         "a table overflowed its page; lower the row caps")
    import hashlib
    pages = []
    for i, (plan, (w, h, rot)) in enumerate(zip(fixture.pages, sizes)):
        pages.append({"page": i + 1, "width": round(w, 2), "height": round(h, 2),
                      "rotation": rotation[i] if rotation else rot, "mode": mode,
                      "tables": plan["tables"], "blocks": []})
    truth = {"format": "tables/1", "source": pdf_path.name,
             "sha256": hashlib.sha256(pdf_path.read_bytes()).hexdigest(), "pages": pages, "checks": []}
    truth_path.write_text(json.dumps(truth, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def verify_captions(fixture, pdf_path):
    """Each planned table's caption (or first header cell) is on the page the truth says."""
    for i, plan in enumerate(fixture.pages):
        text = subprocess.run(["pdftotext", "-f", str(i + 1), "-l", str(i + 1), str(pdf_path), "-"],
                              capture_output=True, text=True, check=True).stdout
        flat = re.sub(r"\s+", "", text)
        for t in plan["tables"]:
            probe = re.sub(r"\s+", "", t["title"])[:6]
            if probe and probe not in flat:
                raise SystemExit(f"{pdf_path}: page {i + 1} lacks caption {t['title']!r}: layout drifted")


# ----------------------------------------------------------------------------------------------
# Documents

def seed(name):
    return read_seed(HERE / "seeds" / name)


def find(tables, fragment, nth=0):
    hits = [t for t in tables if fragment in t.title]
    return hits[nth]


def body_rows(table):
    return table.n_rows - table.header_rows


def cap_rows(table, n):
    return sub_table(table, 0, n) if body_rows(table) > n else table


def narrow_columns(table):
    """The columns a narrow layout squeezes: half the amount columns (at least two)."""
    numeric = [k for k in numeric_columns(table)
               if any("." in r[k] for r in table.rows[table.header_rows:])]
    return numeric[:max(2, len(numeric) // 2)]


def add_sized_table(fx, table, landscape, rng, narrow=False, caption=True, continues=None):
    look = fx.doc.look
    available = LANDSCAPE_CM if landscape else PORTRAIT_CM
    narrow_cols = narrow_columns(table) if narrow else []
    widths = column_widths(table, look, available, narrow_cols, rng=rng)
    return fx.add_table(table, widths, caption=caption, continues=continues)


def final_account_document(name, seed_file, look, rng, paragraphs_per_page=1, narrow=False, rows_scale=1.0):
    """A 部门决算 document: the nine standard tables, in the order the seeds give them."""
    tables, paragraphs = seed(seed_file)
    fx = FixtureDocument(name, look)
    fx.new_page(False, paragraphs[0] if paragraphs else None)
    for p in paragraphs[1:1 + paragraphs_per_page]:
        fx.doc.paragraph(p)
    body_cap = max(3, int((5 if narrow else 26) * rows_scale))
    wide_cap = max(3, int((4 if narrow else 13) * rows_scale))

    # 收入支出决算总表, split over two pages: the second part continues the first, with the same
    # columns and its header repeated, and no caption of its own.
    total = find(tables, "收入支出决算总表")
    split = min(body_rows(total) // 2, body_cap)
    widths = column_widths(total, look, PORTRAIT_CM, narrow_columns(total) if narrow else [], rng=rng)
    fx.new_page(False)
    first = fx.add_table(sub_table(total, 0, split), widths)
    fx.new_page(False)
    fx.add_table(sub_table(total, split, min(body_rows(total), 2 * split)), widths, caption=False, continues=first)

    for fragment in ("收入决算表", "支出决算表"):
        t = find(tables, fragment)
        landscape = t.n_cols >= 8
        fx.new_page(landscape, paragraphs[rng.randrange(len(paragraphs))] if paragraphs and not narrow else None)
        add_sized_table(fx, cap_rows(t, wide_cap if landscape else body_cap), landscape, rng, narrow)

        # 财政拨款收入支出决算总表: three header levels (收入/支出, 决算数, 合计 and the fund columns).
    t = with_group_header(find(tables, "财政拨款收入支出决算总表"), "合计", "决算数")
    fx.new_page(True)
    add_sized_table(fx, cap_rows(t, wide_cap), True, rng, narrow)

    t = find(tables, "基本支出决算明细表")
    fx.new_page(True)
    add_sized_table(fx, cap_rows(t, wide_cap), True, rng, narrow)

    # Two small tables on one page.
    fx.new_page(False)
    add_sized_table(fx, find(tables, "政府性基金"), False, rng, narrow)
    fx.doc.paragraph(paragraphs[-1] if paragraphs else "")
    add_sized_table(fx, find(tables, "国有资本经营"), False, rng, narrow)

    # 三公 table: header only, empty body.
    t = find(tables, "三公")
    fx.new_page(True)
    add_sized_table(fx, t, True, rng, narrow)
    return fx


def budget_document(name, seed_file, look, rng):
    """A 部门预算 document: wide multi-level headers and long wrapped performance text."""
    tables, paragraphs = seed(seed_file)
    fx = FixtureDocument(name, look)
    fx.new_page(False, paragraphs[0])
    for t in tables:
        if t.n_cols > 14 or t.n_rows < 3:
            continue
        landscape = t.n_cols >= 7
        fx.new_page(landscape)
        longest = max(text_ems(c.text) for c in t.cells)
        cap = 6 if longest > 60 else (12 if landscape else 24)
        add_sized_table(fx, cap_rows(t, cap), landscape, rng)
    return fx


def performance_document(name, seed_file, look, rng, narrow):
    """部门整体绩效自评表: irregular merged cells, long text, narrow numeric columns."""
    tables, paragraphs = seed(seed_file)
    fx = FixtureDocument(name, look)
    fx.new_page(False, paragraphs[0])
    for t in [t for t in tables if "自评" in t.title or "绩效" in t.title][:3]:
        fx.new_page(True)
        add_sized_table(fx, cap_rows(t, 4 if narrow else 8), True, rng, narrow)
    return fx


def digital_set():
    looks = {
        "serif": Look(),
        "uming": Look(body_font="AR PL UMing CN", caption_font="AR PL UMing CN", rule_pt=0.75, outer_rule_pt=1.5,
                      padding_cm=0.1),
        "thin": Look(rule_pt=0.25, outer_rule_pt=1.0, table_pt=8.5, padding_cm=0.05),
        # Word/WPS habits none of the others have: shaded header rows, no left/right outer border,
        # zero top/bottom cell padding, a sans body face.
        "wps": Look(body_font="Noto Sans CJK SC", caption_font="Noto Sans CJK SC", rule_pt=0.5, outer_rule_pt=0.5,
                    padding_cm=0.19, padding_v_cm=0.0, header_fill="#d9d9d9", open_sides=True, table_pt=9.0),
    }
    return [
        final_account_document("jiaozuo-2023-final", "001_04fb0c35e8bf49d0.txt", looks["serif"], random.Random(1)),
        final_account_document("sanmenxia-2023-final", "004_6432493666d23bbe.txt", looks["uming"], random.Random(2)),
        budget_document("xinxiang-2024-budget", "003_62d2f9c512e236c2.txt", looks["thin"], random.Random(3)),
        final_account_document("sanmenxia-2023-final-wps", "004_6432493666d23bbe.txt", looks["wps"],
                               random.Random(4)),
    ]


def varied_set(count=10):
    """Final-account documents whose looks are drawn at random (fixed seed): font, rule widths,
    cell padding (Word's zero top/bottom included), header shading, open sides, table font size,
    narrow columns. A check on generality: the other sets fix their looks by hand."""
    documents = []
    for i in range(count):
        rng = random.Random(100 + i)
        font = rng.choice(["Noto Serif CJK SC", "Noto Sans CJK SC", "AR PL UMing CN"])
        rule = rng.choice([0.25, 0.5, 0.75, 1.0])
        look = Look(body_font=font, caption_font=rng.choice([font, "Noto Sans CJK SC"]), rule_pt=rule,
                    outer_rule_pt=rng.choice([rule, 1.5, 2.25]), padding_cm=rng.uniform(0.03, 0.25),
                    padding_v_cm=rng.choice([None, 0.0, 0.02]), header_fill=rng.choice([None, "#d9d9d9", "#bfbfbf"]),
                    open_sides=rng.random() < 0.3, table_pt=rng.choice([8.0, 9.0, 10.5]))
        narrow = rng.random() < 0.4
        if narrow:  # a 0.34 cm column must keep room for text between its paddings
            look.padding_cm = min(look.padding_cm, 0.07)
        seed_file = rng.choice(["001_04fb0c35e8bf49d0.txt", "004_6432493666d23bbe.txt"])
        # Fewer rows where rows are taller than the default look's, so every table keeps to its page.
        pad_v = look.padding_cm if look.padding_v_cm is None else look.padding_v_cm
        row_pt = look.table_pt * 1.35 + 2 * pad_v / CM_PER_PT
        rows_scale = min(1.0, (9.0 * 1.35 + 2 * 0.06 / CM_PER_PT) / row_pt)
        documents.append(final_account_document(f"varied-{i:02d}", seed_file, look, rng, narrow=narrow,
                                                rows_scale=rows_scale))
    return documents


def narrow_set():
    return [
        final_account_document("jiaozuo-2023-final-narrow", "001_04fb0c35e8bf49d0.txt", Look(), random.Random(11),
                               narrow=True),
        performance_document("sanmenxia-2023-selfeval-narrow", "004_6432493666d23bbe.txt",
                             Look(body_font="AR PL UMing CN", rule_pt=0.75), random.Random(12), narrow=True),
    ]


# ----------------------------------------------------------------------------------------------
# Chromium variant: the same kind of tables printed from HTML by another engine (Skia), which draws
# borders and sets glyph boxes differently from LibreOffice.

def table_html(table):
    import html
    covered = set()
    for c in table.cells:
        for r in range(c.row, c.row + c.row_span):
            for k in range(c.col, c.col + c.col_span):
                if (r, k) != (c.row, c.col):
                    covered.add((r, k))
    by_position = {(c.row, c.col): c for c in table.cells}
    rows = []
    for r in range(table.n_rows):
        cells = []
        for k in range(table.n_cols):
            if (r, k) in covered:
                continue
            c = by_position[(r, k)]
            spans = (f' rowspan="{c.row_span}"' if c.row_span > 1 else "") + \
                    (f' colspan="{c.col_span}"' if c.col_span > 1 else "")
            tag = "th" if r < table.header_rows else "td"
            align = "center" if r < table.header_rows else ("right" if is_numeric(c.text) else "left")
            cells.append(f'<{tag}{spans} style="text-align:{align}">{html.escape(c.text)}</{tag}>')
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return "<table>" + "".join(rows) + "</table>"


def chromium_set(out_dir, workdir):
    import html
    plans = [("chromium-jiaozuo", "001_04fb0c35e8bf49d0.txt", "Noto Serif CJK SC", "0.75pt", "#e0e0e0"),
             ("chromium-sanmenxia", "004_6432493666d23bbe.txt", "Noto Sans CJK SC", "0.5pt", "none")]
    for name, seed_file, font, rule, fill in plans:
        tables, _ = seed(seed_file)
        css = (f"@page {{ size: A4 landscape; margin: 15mm; }} body {{ font-family: '{font}'; font-size: 10pt; }}"
               f"table {{ border-collapse: collapse; margin: 4mm auto; font-size: 8.5pt; }}"
               f"th, td {{ border: {rule} solid #000; padding: 1pt 4pt; }} th {{ background: {fill}; }}"
               f"h2 {{ text-align: center; font-size: 15pt; margin: 2mm; }} .page {{ page-break-before: always; }}")
        body, pages = [], []
        for i, t in enumerate([t for t in tables if t.n_cols <= 12][:6]):
            t = sub_table(t, 0, min(body_rows(t), 14))
            body.append(f'<div class="{"page" if i else ""}"><h2>{html.escape(t.title)}</h2>{table_html(t)}</div>')
            pages.append({"landscape": True, "tables": [{
                "id": f"p{i + 1}-t1", "bbox": None, "title": t.title, "continues": None,
                "n_rows": t.n_rows, "n_cols": t.n_cols,
                "cells": [{"row": c.row, "col": c.col, "row_span": c.row_span, "col_span": c.col_span,
                           "text": c.text, "bbox": None, "confidence": 1.0} for c in t.cells]}]})
        page_html = workdir / f"{name}.html"
        page_html.write_text(f'<html><head><meta charset="utf-8"><style>{css}</style></head><body>'
                             f'{"".join(body)}</body></html>', encoding="utf-8")
        raw = workdir / f"{name}.pdf"
        subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        f"--user-data-dir={workdir / 'chromium-profile'}", "--no-pdf-header-footer",
                        f"--print-to-pdf={raw}", str(page_html)],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300)
        pdf = out_dir / f"{name}.pdf"
        normalize_pdf(raw, pdf)
        fx = FixtureDocument(name, Look())
        fx.pages = pages
        write_truth(fx, pdf, out_dir / f"{name}.truth.json")
        print(f"{pdf}: {len(pages)} pages, {len(pages)} tables")


# ----------------------------------------------------------------------------------------------
# Rotated variant: landscape pages of a digital fixture put sideways on portrait pages.

def sideways(pdf, with_rotate_flag):
    import pikepdf
    for page in pdf.pages:
        box = [float(v) for v in page.mediabox]
        w, h = box[2] - box[0], box[3] - box[1]
        if w <= h:
            continue
        # Draw the landscape content turned a quarter anticlockwise onto a portrait page.
        page.contents_add(pikepdf.Stream(pdf, f"q 0 1 -1 0 {h:.4f} 0 cm".encode()), prepend=True)
        page.contents_add(pikepdf.Stream(pdf, b"Q"))
        page.mediabox = pikepdf.Array([0, 0, h, w])
        if "/CropBox" in page.obj:
            del page.obj["/CropBox"]
        if with_rotate_flag:
            page.obj["/Rotate"] = 90


def rotated_set(digital_dir, out_dir, fixtures):
    source = next(f for f in fixtures if f.name == "sanmenxia-2023-final")
    for flag, name in ((True, "sanmenxia-2023-final-rotate90"), (False, "sanmenxia-2023-final-sideways")):
        pdf = out_dir / f"{name}.pdf"
        normalize_pdf(digital_dir / f"{source.name}.pdf", pdf, lambda d, f=flag: sideways(d, f))
        truth = json.loads((digital_dir / f"{source.name}.truth.json").read_text(encoding="utf-8"))
        truth["source"] = pdf.name
        import hashlib
        truth["sha256"] = hashlib.sha256(pdf.read_bytes()).hexdigest()
        for page, plan in zip(truth["pages"], source.pages):
            if plan["landscape"]:
                page["rotation"] = 90
        (out_dir / f"{name}.truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1) + "\n",
                                                     encoding="utf-8")


# ----------------------------------------------------------------------------------------------
# Scan variant.

def scan_pdf(src_pdf, dst_pdf, dpi, pages, rng, quarter_turns=None):
    """Pages 1..`pages` of `src_pdf` as a gray JPEG scan: skewed, blurred, gray paper, grain. Page i
    is put on the glass turned `quarter_turns[i]` quarters anticlockwise, if given."""
    import img2pdf
    import numpy as np
    from PIL import Image, ImageFilter
    images = []
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["pdftoppm", "-gray", "-r", str(dpi), "-f", "1", "-l", str(pages), str(src_pdf),
                        f"{tmp}/p"], check=True)
        for png in sorted(Path(tmp).glob("p-*.pgm")):
            img = Image.open(png).convert("L")
            angle = rng.uniform(0.3, 1.5) * rng.choice((-1, 1))
            img = img.rotate(angle, resample=Image.BICUBIC, expand=False, fillcolor=255)
            img = img.filter(ImageFilter.GaussianBlur(radius=rng.uniform(0.4, 0.8)))
            a = np.asarray(img).astype(np.float32)
            a = a * 0.86 + 228 * 0.14 - 10  # faint gray paper, ink a little lifted
            a += np.random.default_rng(rng.randrange(1 << 30)).normal(0, 7, a.shape)
            img = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))
            if quarter_turns:
                img = img.rotate(90 * quarter_turns[len(images)], expand=True)
            buf = io.BytesIO()
            img.save(buf, format="JPEG", quality=rng.randint(55, 75), dpi=(dpi, dpi))
            images.append(buf.getvalue())
    raw = dst_pdf.with_suffix(".raw.pdf")
    raw.write_bytes(img2pdf.convert(images, layout_fun=img2pdf.default_layout_fun))
    normalize_pdf(raw, dst_pdf)  # img2pdf stamps the creation time
    raw.unlink()


def scan_set(digital_dir, out_dir):
    # The narrow ones (stacked digits, scanned) go to their own folder: harder cases than the
    # acceptance scans, scored on their own. At 200 dpi a stacked point is two pixels wide.
    plans = [("digital", "jiaozuo-2023-final", 200, 6, 21, "scan"), ("digital", "sanmenxia-2023-final", 300, 4, 22, "scan"),
             ("narrow", "jiaozuo-2023-final-narrow", 300, 5, 23, "scan-narrow"),
             ("narrow", "sanmenxia-2023-selfeval-narrow", 200, 3, 24, "scan-narrow")]
    for folder, source, dpi, pages, seed_value, target in plans:
        source_dir = digital_dir.parent / folder
        name = f"{source}-scan{dpi}"
        (out_dir.parent / target).mkdir(exist_ok=True)
        pdf = out_dir.parent / target / f"{name}.pdf"
        scan_pdf(source_dir / f"{source}.pdf", pdf, dpi, pages, random.Random(seed_value))
        truth = json.loads((source_dir / f"{source}.truth.json").read_text(encoding="utf-8"))
        truth["pages"] = truth["pages"][:pages]
        for page in truth["pages"]:
            page["mode"] = "ocr"
        truth["source"] = pdf.name
        import hashlib
        truth["sha256"] = hashlib.sha256(pdf.read_bytes()).hexdigest()
        (pdf.parent / f"{name}.truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1) + "\n",
                                                     encoding="utf-8")


# ----------------------------------------------------------------------------------------------
# Garbled variant: born-digital PDFs whose text layer lies, as when a producer writes a broken
# ToUnicode map. The page looks right; copy-paste gives private-use code points.

def garble_to_unicode(pdf):
    """Points every glyph's ToUnicode entry at a private-use code point (U+E000 + font x 256 + code)."""
    import pikepdf
    fonts = {}
    for page in pdf.pages:
        for _, font in page.Resources.get("/Font", {}).items():
            if "/ToUnicode" in font and font.ToUnicode.objgen not in fonts:
                fonts[font.ToUnicode.objgen] = font.ToUnicode
    for index, (_, stream) in enumerate(sorted(fonts.items())):
        cmap = stream.read_bytes().decode("latin1")
        base = 0xE000 + 256 * index

        def pua(match):
            return f"{match.group(1)} <{base + int(match.group(1)[1:-1], 16) % 256:04X}>"
        cmap = re.sub(r"(<[0-9A-Fa-f]{2,4}>) <[0-9A-Fa-f]{4,8}>", pua, cmap)
        stream.write(cmap.encode("latin1"))
    return pdf


def garbled_set(digital_dir, out_dir):
    source = "sanmenxia-2023-final"
    name = f"{source}-pua"
    pdf = out_dir / f"{name}.pdf"
    normalize_pdf(digital_dir / f"{source}.pdf", pdf, transform=garble_to_unicode)
    truth = json.loads((digital_dir / f"{source}.truth.json").read_text(encoding="utf-8"))
    for page in truth["pages"]:
        page["mode"] = "ocr"
    truth["source"] = pdf.name
    import hashlib
    truth["sha256"] = hashlib.sha256(pdf.read_bytes()).hexdigest()
    (out_dir / f"{name}.truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1) + "\n",
                                                 encoding="utf-8")


def shift_to_unicode(pdf):
    """A ToUnicode map that lies plausibly: each digit copies as the next one (9 as 0), each Han
    character as the next code point. Copy-paste gives clean-looking text with every number wrong."""
    fonts = {}
    for page in pdf.pages:
        for _, font in page.Resources.get("/Font", {}).items():
            if "/ToUnicode" in font:
                fonts[font.ToUnicode.objgen] = font.ToUnicode

    def shifted(match):
        cp = int(match.group(2), 16)
        if ord("0") <= cp <= ord("9"):
            cp = ord("0") + (cp - ord("0") + 1) % 10
        elif 0x4E00 <= cp < 0x9FFF:
            cp += 1
        return f"{match.group(1)} <{cp:04X}>"
    for _, stream in sorted(fonts.items()):
        cmap = stream.read_bytes().decode("latin1")
        stream.write(re.sub(r"(<[0-9A-Fa-f]{2,4}>) <([0-9A-Fa-f]{4})>", shifted, cmap).encode("latin1"))
    return pdf


def write_variant_truth(source_truth, pdf, modes):
    """The truth of the document `pdf` was made from, with its name, digest and page modes."""
    import hashlib
    truth = json.loads(source_truth.read_text(encoding="utf-8"))
    truth["pages"] = truth["pages"][:len(modes)]
    for page, mode in zip(truth["pages"], modes):
        page["mode"] = mode
    truth["source"] = pdf.name
    truth["sha256"] = hashlib.sha256(pdf.read_bytes()).hexdigest()
    pdf.with_name(pdf.stem + ".truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1) + "\n",
                                                       encoding="utf-8")


def shifted_set(digital_dir, out_dir):
    source = "sanmenxia-2023-final"
    pdf = out_dir / f"{source}-shifted.pdf"
    normalize_pdf(digital_dir / f"{source}.pdf", pdf, transform=shift_to_unicode)
    pages = len(json.loads((digital_dir / f"{source}.truth.json").read_text(encoding="utf-8"))["pages"])
    write_variant_truth(digital_dir / f"{source}.truth.json", pdf, ["ocr"] * pages)


# ----------------------------------------------------------------------------------------------
# Mixed variant: text layers that cover only part of the ink. Tables pasted into a document as
# pictures (the text around them typed), and a scan with a page number stamped on as text.

def drawn_region(ops):
    """Bounding box (PDF user space) of the page's rules: every path point but the page clip."""
    xs, ys = [], []
    for operands, op in ops:
        name = str(op)
        if name in ("m", "l"):
            xs.append(float(operands[0]))
            ys.append(float(operands[1]))
        elif name == "re" and float(operands[2]) < 500:
            x, y, w, h = (float(v) for v in operands)
            xs += [x, x + w]
            ys += [y, y + h]
    return (min(xs), min(ys), max(xs), max(ys)) if xs else None


def paste_tables_as_pictures(src_pdf, dst_pdf, dpi=300):
    """Each page's ruled region replaced by a picture of itself: its text dropped from the content
    stream, a gray JPEG of the region drawn over it. Text outside the region stays text."""
    import pikepdf
    from PIL import Image
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["pdftoppm", "-gray", "-r", str(dpi), str(src_pdf), f"{tmp}/p"], check=True)
        renders = sorted(Path(tmp).glob("p-*.pgm"))
        pdf = pikepdf.open(src_pdf)
        for number, (page, render) in enumerate(zip(pdf.pages, renders), start=1):
            ops = pikepdf.parse_content_stream(page)
            region = drawn_region(ops)
            if region is None:
                continue
            x0, y0, x1, y1 = region[0] - 2, region[1] - 2, region[2] + 2, region[3] + 2
            kept, block, inside = [], [], False
            for operands, op in ops:
                name = str(op)
                if name == "BT":
                    block, inside = [(operands, op)], False
                    continue
                if block:
                    block.append((operands, op))
                    if name == "Td" and len(block) <= 4:
                        x, y = float(operands[0]), float(operands[1])
                        inside = inside or (x0 <= x <= x1 and y0 <= y <= y1)
                    if name == "ET":
                        if not inside:
                            kept += block
                        block = []
                    continue
                kept.append((operands, op))
            height = float(page.mediabox[3])
            image = Image.open(render)
            scale = dpi / 72.0
            crop = image.crop((int(x0 * scale), int((height - y1) * scale), int(x1 * scale), int((height - y0) * scale)))
            buf = io.BytesIO()
            crop.save(buf, format="JPEG", quality=90)
            xobject = pikepdf.Stream(pdf, buf.getvalue())
            xobject.Type, xobject.Subtype = pikepdf.Name.XObject, pikepdf.Name.Image
            xobject.Width, xobject.Height = crop.width, crop.height
            xobject.ColorSpace, xobject.BitsPerComponent = pikepdf.Name.DeviceGray, 8
            xobject.Filter = pikepdf.Name.DCTDecode
            if "/XObject" not in page.Resources:
                page.Resources.XObject = pikepdf.Dictionary()
            # Pages may share one resource dictionary: one name per page.
            page.Resources.XObject[f"/Pasted{number}"] = xobject
            stream = pikepdf.unparse_content_stream(kept)
            stream += f"\nq {x1 - x0:.3f} 0 0 {y1 - y0:.3f} {x0:.3f} {y0:.3f} cm /Pasted{number} Do Q\n".encode()
            page.Contents = pdf.make_stream(stream)
        raw = dst_pdf.with_suffix(".raw.pdf")
        pdf.save(raw)
    normalize_pdf(raw, dst_pdf)
    raw.unlink()


def stamp_page_numbers(pdf):
    """'- N -' typed in Helvetica at the foot of every page, as PDF tools stamp on scans."""
    import pikepdf
    font = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1,
                                                BaseFont=pikepdf.Name.Helvetica))
    for number, page in enumerate(pdf.pages, start=1):
        width = float(page.mediabox[2])
        if "/Font" not in page.Resources:
            page.Resources.Font = pikepdf.Dictionary()
        page.Resources.Font["/Stamp"] = font
        page.contents_add(pikepdf.Stream(pdf, f"BT /Stamp 10 Tf {width / 2 - 10:.2f} 30 Td (- {number} -) Tj ET".encode()))
    return pdf


def mixed_set(digital_dir, scan_dir, out_dir):
    source = "sanmenxia-2023-final"
    truth = digital_dir / f"{source}.truth.json"
    pasted = out_dir / f"{source}-pasted.pdf"
    paste_tables_as_pictures(digital_dir / f"{source}.pdf", pasted)
    pages = json.loads(truth.read_text(encoding="utf-8"))["pages"]
    write_variant_truth(truth, pasted, ["mixed" if page["tables"] else "text" for page in pages])
    stamped = out_dir / f"{source}-scan300-stamped.pdf"
    normalize_pdf(scan_dir / f"{source}-scan300.pdf", stamped, transform=stamp_page_numbers)
    scanned = len(json.loads((scan_dir / f"{source}-scan300.truth.json").read_text(encoding="utf-8"))["pages"])
    write_variant_truth(truth, stamped, ["ocr"] * scanned)


def stacked_single_chars(pdf):
    """Lines of `pdftotext` output that hold one character: the narrow-column symptom."""
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return sum(1 for line in text.split("\n") if len(line.strip()) == 1)


def turned_scan_set(digital_dir, out_dir):
    """A scan whose pages lie every way on the glass: upright, upside down, a quarter either way."""
    source = "sanmenxia-2023-final"
    turns = [0, 2, 3, 1]  # anticlockwise quarters; page 4 is a landscape table scanned sideways
    pdf = out_dir / f"{source}-scan300-turned.pdf"
    scan_pdf(digital_dir / f"{source}.pdf", pdf, 300, len(turns), random.Random(24), quarter_turns=turns)
    write_variant_truth(digital_dir / f"{source}.truth.json", pdf, ["ocr"] * len(turns))
    truth_path = pdf.with_name(pdf.stem + ".truth.json")
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    for page, quarters in zip(truth["pages"], turns):
        # Turning a page a quarter anticlockwise means it must be turned a quarter clockwise to read.
        page["rotation"] = (page.get("rotation", 0) + 90 * quarters) % 360
    truth_path.write_text(json.dumps(truth, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


# ----------------------------------------------------------------------------------------------
# Tables ruled across only

REGIONS = ["North", "South", "East", "West", "Central", "Coastal", "Highlands", "Delta", "Plains", "Lakes",
           "Islands", "Border", "Capital", "Valley"]
BUDGET_ITEMS = ["工资福利支出", "基本工资", "津贴补贴", "奖金", "社会保障缴费", "住房公积金", "商品和服务支出",
                "办公费", "印刷费", "水电费", "邮电费", "差旅费", "维修（护）费", "会议费", "培训费", "公务接待费",
                "劳务费", "工会经费", "福利费", "其他交通费用"]


def statistical_table(rng, title, n_body, n_years):
    """English statistical content: regions by year, numbers with separators and one decimal."""
    first = rng.choice([2012, 2015, 2018])
    header = ["Region"] + [str(first + k) for k in range(n_years)] + ["Change (%)"]
    rows = [header]
    for name in rng.sample(REGIONS, n_body):
        values = [rng.uniform(200, 90000) for _ in range(n_years)]
        rows.append([name] + [f"{v:,.1f}" for v in values] + [f"{100 * (values[-1] / values[0] - 1):.1f}"])
    return merge_layout(SeedTable(title=title, meta=[], rows=rows, header_rows=1))


def budget_items_table(rng, title, n_body):
    """Chinese budget content: 支出 items with 合计 = 基本支出 + 项目支出, in 万元."""
    rows = [["项目", "合计", "基本支出", "项目支出"]]
    for name in rng.sample(BUDGET_ITEMS, n_body):
        basic, project = round(rng.uniform(0, 900), 2), round(rng.uniform(0, 400), 2)
        rows.append([name, f"{basic + project:.2f}", f"{basic:.2f}", f"{project:.2f}"])
    return merge_layout(SeedTable(title=title, meta=["单位：万元"], rows=rows, header_rows=1))


def partly_ruled_document(name, look, rng, english):
    """Pages of tables ruled across only, with captions and prose between them; two tables on a page."""
    fx = FixtureDocument(name, look)
    prose = ("The figures below are provisional and may be revised when the final accounts are published. "
             "Regional totals are rounded independently.") if english else \
            "本部门按照预算法要求公开下列表格，数据均以万元为单位，部分合计数因四舍五入与分项之和略有出入。"
    for page in range(3):
        fx.new_page(False, prose)
        for k in range(1 if page == 0 else 2):
            if english:
                t = statistical_table(rng, f"Table {2 * page + k + 1}. Output by region", rng.randint(4, 8),
                                      rng.randint(2, 4))
            else:
                t = budget_items_table(rng, f"表{2 * page + k + 1} 基本支出明细表", rng.randint(4, 9))
            widths = [4.2] + [2.6] * (t.n_cols - 1)
            fx.add_table(t, widths)
            if k == 0:
                fx.doc.paragraph(prose)
    return fx


def partly_ruled_set():
    return [
        partly_ruled_document("three-line-budget", Look(ruling="three-line", outer_rule_pt=1.0), random.Random(31),
                              english=False),
        partly_ruled_document("three-line-statistics", Look(ruling="three-line", outer_rule_pt=1.5, rule_pt=0.5,
                                                            body_font="Noto Sans CJK SC"), random.Random(32),
                              english=True),
        partly_ruled_document("across-budget", Look(ruling="across", rule_pt=0.5, outer_rule_pt=0.75,
                                                    body_font="AR PL UMing CN"), random.Random(33), english=False),
        partly_ruled_document("across-statistics", Look(ruling="across", rule_pt=0.25, outer_rule_pt=0.25),
                              random.Random(34), english=True),
    ]


def derived_sets(out):
    (out / "garbled").mkdir(exist_ok=True)
    garbled_set(out / "digital", out / "garbled")
    shifted_set(out / "digital", out / "garbled")
    (out / "mixed").mkdir(exist_ok=True)
    mixed_set(out / "digital", out / "scan", out / "mixed")
    (out / "scan-turned").mkdir(exist_ok=True)
    turned_scan_set(out / "digital", out / "scan-turned")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", default=str(HERE.parent.parent / "fixtures"), help="fixtures folder")
    parser.add_argument("--only-partly-ruled", action="store_true",
                        help="make only the partly-ruled variant, leaving the rest byte for byte")
    parser.add_argument("--only-derived", action="store_true",
                        help="remake only the variants derived from existing digital and scan fixtures "
                             "(garbled, mixed), leaving the rest byte for byte")
    args = parser.parse_args()
    out = Path(args.out)
    if args.only_derived:
        derived_sets(out)
        print("done")
        return
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        made = {}
        sets = (("partly-ruled", partly_ruled_set()),) if args.only_partly_ruled else \
            (("digital", digital_set()), ("narrow", narrow_set()), ("varied", varied_set()),
             ("partly-ruled", partly_ruled_set()))
        for variant, fixtures in sets:
            folder = out / variant
            folder.mkdir(parents=True, exist_ok=True)
            for fx in fixtures:
                pdf = folder / f"{fx.name}.pdf"
                render_pdf(fx, pdf, work)
                try:
                    write_truth(fx, pdf, folder / f"{fx.name}.truth.json")
                    verify_captions(fx, pdf)
                except SystemExit as reason:
                    if variant != "varied":
                        raise
                    # A random look may not fit its tables on their pages; such a draw is left out.
                    pdf.unlink()
                    (folder / f"{fx.name}.truth.json").unlink(missing_ok=True)
                    print(f"{pdf}: left out ({reason})")
                    continue
                print(f"{pdf}: {len(fx.pages)} pages, {sum(len(p['tables']) for p in fx.pages)} tables"
                      + (f", {stacked_single_chars(pdf)} single-character lines in pdftotext"
                         if variant == "narrow" else ""))
            made[variant] = fixtures
        if args.only_partly_ruled:
            print("done")
            return
        (out / "rotated").mkdir(exist_ok=True)
        rotated_set(out / "digital", out / "rotated", made["digital"])
        (out / "scan").mkdir(exist_ok=True)
        scan_set(out / "digital", out / "scan")
        derived_sets(out)
        (out / "chromium").mkdir(exist_ok=True)
        chromium_set(out / "chromium", work)
    print("done")


if __name__ == "__main__":
    main()
