#!/usr/bin/env python3
"""Writes the hostile fixtures of fixtures/hostile/, PDFs made to attack gridlift's outputs and
resources rather than to test its reading:

- markup-payloads.pdf: one page whose text layer carries what must never become live markup or a
  spreadsheet formula in gridlift's outputs. Two ruled tables (one plain, one with a cell spanning
  two columns, so that both the Markdown pipe table and the HTML table path are exercised) and two
  paragraphs outside them, in Helvetica (WinAnsi, so the text layer is exactly the strings below).
- huge-page.pdf: a 14400 x 14400 pt page (200 inches square, PDF's largest) with a table of normal
  print in one corner: too large to draw at the usual dpi, so the run must say what it lowered.
- unmatched-saves.pdf: a page whose content stream opens 200,000 graphics states (`q`) and closes
  none, each one costing the renderer memory; Flate-compressed, so the file stays small.

Written by hand, with no PDF library, so they need nothing but Python:

    python3 tools/fixturegen/hostile_fixtures.py fixtures/hostile
"""
import os
import sys
import zlib

PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(2)>",
    "</table><script>alert(3)</script>",
    "`code` and *stars* and _under_",
    "[click](javascript:alert(4))",
    '=HYPERLINK("http://x.example","y")',
    "+1+1",
    "@SUM(A1)",
    "-2+3",
    "=cmd|' /C calc'!A0",
    "-40.42",
    "1,234.50",
]
PARAGRAPHS = [
    "# heading <script>alert(5)</script>",
    "- [x](javascript:alert(6)) <b onmouseover=alert(7)>b</b>",
]

PAGE_W, PAGE_H = 595, 842
HUGE_PAGE = 14400  # points: the largest page PDF allows
UNMATCHED_SAVES = 200_000
FONT = 9
ROW_H = 16


def pdf_string(text):
    return "(" + text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ")"


def text_at(x, y, text, size=FONT):
    return f"BT /F1 {size} Tf {x:.2f} {y:.2f} Td {pdf_string(text)} Tj ET\n"


def ruled_table(x0, top, widths, rows, span_first_row=False):
    """Draws rows of cell texts; with span_first_row the first row is one cell across all columns."""
    ops = "0.8 w\n"
    height = ROW_H * len(rows)
    width = sum(widths)
    bottom = top - height
    ops += f"{x0} {bottom} {width} {height} re S\n"
    for r in range(1, len(rows)):
        y = top - r * ROW_H
        ops += f"{x0} {y} m {x0 + width} {y} l S\n"
    x = x0
    for w in widths[:-1]:
        x += w
        y_from = top - ROW_H if span_first_row else top
        ops += f"{x} {bottom} m {x} {y_from} l S\n"
    for r, row in enumerate(rows):
        baseline = top - (r + 1) * ROW_H + 5
        x = x0
        for c, cell in enumerate(row):
            ops += text_at(x + 3, baseline, cell)
            x += widths[c]
    return ops


def markup_payloads_content():
    half = len(PAYLOADS) // 2
    plain_rows = [["label", "value"]] + [[f"row {i + 1}", p] for i, p in enumerate(PAYLOADS[:half])]
    span_rows = [["spanning header " + PAYLOADS[0]]] + [
        [f"row {i + 1}", p] for i, p in enumerate(PAYLOADS[half:])
    ]
    content = text_at(60, 790, "Markup and formula payloads", 14)
    content += text_at(60, 765, PARAGRAPHS[0], 10)
    content += ruled_table(60, 740, [80, 300], plain_rows)
    y = 740 - ROW_H * len(plain_rows) - 40
    content += text_at(60, y + 15, PARAGRAPHS[1], 10)
    content += ruled_table(60, y, [80, 300], span_rows, span_first_row=True)

    return content


def write_pdf(path, page_w, page_h, content, compress=False):
    """One page of `content` (PDF operators) with Helvetica as /F1."""
    data = content.encode("latin-1")
    stream_dict = f"/Length {len(data)}"
    if compress:
        data = zlib.compress(data, 9)
        stream_dict = f"/Length {len(data)} /Filter /FlateDecode"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {page_w} {page_h}] "
        "/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>".encode(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        f"<< {stream_dict} >>\nstream\n".encode() + data + b"\nendstream",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    with open(path, "wb") as f:
        f.write(out)


def huge_page_content():
    rows = [["item", "amount"]] + [[f"row {i + 1}", f"{(i + 1) * 12.5:.2f}"] for i in range(8)]
    content = text_at(60, HUGE_PAGE - 60, "A table on a page 200 inches square", 14)
    return content + ruled_table(60, HUGE_PAGE - 90, [80, 120], rows)


def main(folder):
    os.makedirs(folder, exist_ok=True)
    write_pdf(os.path.join(folder, "markup-payloads.pdf"), PAGE_W, PAGE_H, markup_payloads_content())
    write_pdf(os.path.join(folder, "huge-page.pdf"), HUGE_PAGE, HUGE_PAGE, huge_page_content())
    saves = "q\n" * UNMATCHED_SAVES + text_at(60, 790, "Under 200,000 unclosed graphics states")
    write_pdf(os.path.join(folder, "unmatched-saves.pdf"), PAGE_W, PAGE_H, saves, compress=True)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "fixtures/hostile")
