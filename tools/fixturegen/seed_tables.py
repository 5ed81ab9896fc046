"""Tables, captions and narrative text read from the seed transcriptions.

A seed table is a run of TAB-separated lines. Its header structure is not written down in the seeds,
so it is inferred the way the published tables are laid out: in the header rows a label followed by
empty cells spans them (收入 over 项目/行次/决算数), and a label with nothing below it spans down.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

DECIMAL = re.compile(r"^-?[\d,]*\d\.\d+%?$")
CODE = re.compile(r"^\d{3,7}$")


@dataclass
class Cell:
    row: int
    col: int
    text: str
    row_span: int = 1
    col_span: int = 1


@dataclass
class SeedTable:
    title: str
    meta: list            # lines between caption and grid: 公开01表, 部门：…, 单位：万元
    rows: list            # list of rows, each a list of cell strings, rectangular
    header_rows: int
    cells: list = field(default_factory=list)
    body_merge_cols: int = 0  # leading body columns whose empty cells continue the cell above

    @property
    def n_rows(self):
        return len(self.rows)

    @property
    def n_cols(self):
        return len(self.rows[0]) if self.rows else 0


def _clean(text):
    return re.sub(r"\s+", " ", text).strip()


def _is_caption(line):
    line = line.strip()
    return line.endswith("表") and not re.match(r"^(公开|预算)\s*\d+\s*表$", line) and len(line) <= 40


def _header_row_count(rows):
    for i, row in enumerate(rows):
        if any(DECIMAL.match(c) for c in row):
            return max(1, min(i, 4))
    return 1


def merge_layout(table):
    """Cells with spans from the rectangular text rows (see module docstring)."""
    covered = set()
    cells = []
    rows, h = table.rows, table.header_rows
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if (r, c) in covered:
                continue
            cs = rs = 1
            if r < h and text:
                while c + cs < table.n_cols and not row[c + cs] and (r, c + cs) not in covered:
                    cs += 1
                while r + rs < h and all(not rows[r + rs][k] and (r + rs, k) not in covered for k in range(c, c + cs)):
                    rs += 1
            elif r >= h and c < table.body_merge_cols and text:
                while r + rs < table.n_rows and not rows[r + rs][c] and (r + rs, c) not in covered \
                        and any(rows[r + rs][k] for k in range(c + 1, table.n_cols)):
                    rs += 1
            for rr in range(r, r + rs):
                for cc in range(c, c + cs):
                    covered.add((rr, cc))
            cells.append(Cell(r, c, text, rs, cs))
    table.cells = cells
    return table


def read_seed(path: Path):
    """(tables, paragraphs) of one seed file."""
    lines = path.read_text(encoding="utf-8").split("\n")
    tables, paragraphs = [], []
    i = 0
    while i < len(lines):
        if "\t" not in lines[i]:
            text = lines[i].strip()
            if len(text) >= 40 and "\t" not in text:
                paragraphs.append(text)
            i += 1
            continue
        start = i
        block = []
        while i < len(lines) and ("\t" in lines[i] or (not lines[i].strip() and i + 1 < len(lines) and "\t" in lines[i + 1])):
            if "\t" in lines[i]:
                block.append([_clean(c) for c in lines[i].split("\t")])
            i += 1
        context = [l.strip() for l in lines[max(0, start - 12):start] if l.strip() and "\t" not in l]
        captions = [k for k, l in enumerate(context) if _is_caption(l)]
        if not captions:
            continue
        title = context[captions[-1]]
        meta = [l for l in context[captions[-1] + 1:] if len(l) < 60]
        width = max(len(r) for r in block)
        rows = [r + [""] * (width - len(r)) for r in block]
        while rows and all(not r[-1] for r in rows):  # trailing empty columns are TAB noise
            rows = [r[:-1] for r in rows]
        rows = [r for r in rows if any(r)]
        if len(rows) < 3 or len(rows[0]) < 2:
            continue
        table = SeedTable(title=title, meta=meta, rows=rows, header_rows=_header_row_count(rows))
        if "绩效" in title or "自评" in title:
            table.body_merge_cols = 2
        tables.append(merge_layout(table))
    return tables, paragraphs


def sub_table(table, body_from, body_to):
    """The header rows plus body rows [body_from, body_to) as a table of its own."""
    h = table.header_rows
    part = SeedTable(title=table.title, meta=table.meta,
                     rows=table.rows[:h] + table.rows[h + body_from:h + body_to], header_rows=h,
                     body_merge_cols=table.body_merge_cols)
    return merge_layout(part)


def with_group_header(table, anchor, label):
    """A third header level, as the published 财政拨款收入支出决算总表 has it: the header cells from
    `anchor` (e.g. 合计) to the last filled one are grouped under `label` (e.g. 决算数) in a new row
    above them; the other cells of that row move up into the new row and span both."""
    for r in range(table.header_rows):
        row = table.rows[r]
        if anchor in row:
            start = row.index(anchor)
            end = max(k for k, t in enumerate(row) if t) + 1
            break
    else:
        return table
    top = [t if not (start <= k < end) else "" for k, t in enumerate(row)]
    top[start] = label
    grouped = [t if start <= k < end else "" for k, t in enumerate(row)]
    rows = table.rows[:r] + [top, grouped] + table.rows[r + 1:]
    part = SeedTable(title=table.title, meta=table.meta, rows=rows, header_rows=table.header_rows + 1,
                     body_merge_cols=table.body_merge_cols)
    return merge_layout(part)


def is_numeric(text):
    return bool(DECIMAL.match(text)) or bool(re.match(r"^-?[\d,]+%?$", text))
