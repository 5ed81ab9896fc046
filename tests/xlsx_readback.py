#!/usr/bin/python3
"""Reads NAME.xlsx back with openpyxl and checks it against NAME.json, the result it was written
from: a sheet per table with its title, every spanning cell merged, numbers as numbers only where
the display gives back the printed text, no formula anywhere, the doubted cells and failed totals
marked with a comment, and the checks listed.
    xlsx_readback.py NAME.xlsx NAME.json"""
import json
import re
import sys

import openpyxl
from openpyxl.utils import get_column_letter

NUMBER = re.compile(r"^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?%?$")

book = openpyxl.load_workbook(sys.argv[1])
result = json.load(open(sys.argv[2], encoding="utf-8"))
failures = []


def fail(message):
    failures.append(message)


def ref(row, col):  # a table cell's place on its sheet: the grid starts on the third row
    return f"{get_column_letter(col + 1)}{row + 3}"


failed_totals = {(c["table"], tuple(c["total"])) for c in result["checks"] if not c["ok"]}
tables = [t for p in result["pages"] for t in p["tables"]]
if book.sheetnames != ["tables"] + [t["id"] for t in tables] + ["checks"]:
    fail(f"sheets {book.sheetnames}")
for sheet in book.worksheets:
    for row in sheet.iter_rows():
        for cell in row:
            if cell.data_type == "f":
                fail(f"{sheet.title}!{cell.coordinate} is a formula: {cell.value}")
listed = [r[0].value for r in book["tables"].iter_rows(min_row=2)]
if listed != [t["id"] for t in tables]:
    fail(f"tables sheet lists {listed}")
for table in tables:
    sheet = book[table["id"]]
    if (sheet["A1"].value or "") != table["title"]:
        fail(f"{table['id']}: title {sheet['A1'].value!r}, not {table['title']!r}")
    merged = {str(r) for r in sheet.merged_cells.ranges}
    for cell in table["cells"]:
        place = ref(cell["row"], cell["col"])
        where = f"{table['id']}!{place}"
        if cell["row_span"] > 1 or cell["col_span"] > 1:
            span = f"{place}:{ref(cell['row'] + cell['row_span'] - 1, cell['col'] + cell['col_span'] - 1)}"
            if span not in merged:
                fail(f"{where}: span {span} not merged")
        text = "".join(cell["text"].split())
        value = sheet[place].value
        leading_zero = re.match(r"^-?0\d", text) is not None
        if NUMBER.match(text) and not leading_zero and not re.match(r"^-0(\.0+)?%?$", text):
            expected = float(text.replace(",", "").rstrip("%")) / (100 if text.endswith("%") else 1)
            if not isinstance(value, (int, float)) or abs(value - expected) > 1e-9 * max(1, abs(expected)):
                fail(f"{where}: {value!r} for the number {text!r}")
            decimals = len(text.split(".")[1].rstrip("%")) if "." in text else 0
            if decimals and not sheet[place].number_format.split("%")[0].endswith("." + "0" * decimals):
                fail(f"{where}: format {sheet[place].number_format} loses {text!r}'s decimals")
        elif cell["text"] and value != cell["text"]:
            fail(f"{where}: {value!r} for the text {cell['text']!r}")
        comment = sheet[place].comment.text if sheet[place].comment else ""
        if cell["confidence"] < 0.8 and cell["text"] and "confidence" not in comment:
            fail(f"{where}: confidence {cell['confidence']} without a comment")
        if (table["id"], (cell["row"], cell["col"])) in failed_totals and "does not equal" not in comment:
            fail(f"{where}: a failed total without a comment")
checks = list(book["checks"].iter_rows(min_row=2, values_only=True))
if len(checks) != len(result["checks"]):
    fail(f"{len(checks)} checks listed for {len(result['checks'])}")
for row, check in zip(checks, result["checks"]):
    if row[4] != ("yes" if check["ok"] else "no"):
        fail(f"check {check['table']} {check['total']}: holds {row[4]}")

for message in failures[:20]:
    print("xlsx_readback:", message)
print(f"xlsx_readback: {len(tables)} tables, {len(result['checks'])} checks, {len(failures)} problems")
sys.exit(1 if failures else 0)
