"""Flat ODT (one XML file) for LibreOffice: pages of captions, paragraphs and ruled tables.

LibreOffice lays the text out, so narrow cells wrap and stack characters as Writer/WPS exports do;
this module only decides fonts, page orientation, column widths and borders.
"""

from dataclasses import dataclass
from xml.sax.saxutils import escape

NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
      'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"')


@dataclass
class Look:
    body_font: str = "Noto Serif CJK SC"
    caption_font: str = "Noto Sans CJK SC"
    body_pt: float = 10.5
    table_pt: float = 9.0
    caption_pt: float = 16.0
    rule_pt: float = 0.5
    outer_rule_pt: float = 0.5
    padding_cm: float = 0.06
    padding_v_cm: float = None      # top/bottom cell padding; None: as padding_cm (Word uses 0)
    header_fill: str = None         # background of header rows, e.g. "#d9d9d9"
    open_sides: bool = False        # no left and right outer border, as many WPS tables have
    ruling: str = "full"            # "full"; "three-line": a rule above, one under the header, one
                                    # below; "across": a rule above and under every row, none down



class OdtDocument:
    def __init__(self, look: Look):
        self.look = look
        self.body = []
        self.styles = []
        self.n_styles = 0
        self.first_block = True

    def _style(self, xml_body, family):
        self.n_styles += 1
        name = f"g{self.n_styles}"
        self.styles.append(f'<style:style style:name="{name}" style:family="{family}">{xml_body}</style:style>')
        return name

    def _page_start(self, landscape, new_page):
        """Paragraph style that starts a page (of the given orientation) when new_page."""
        master = "Landscape" if landscape else "Portrait"
        props = '<style:paragraph-properties fo:break-before="page"/>' if new_page and not self.first_block else ""
        self.first_block = False
        if new_page:
            return f' style:master-page-name="{master}"', props
        return "", props

    def paragraph(self, text, size=None, bold=False, align="justify", font=None, new_page=False, landscape=False,
                  space_after_cm=0.15):
        look = self.look
        size = size or look.body_pt
        font = font or look.body_font
        master, break_props = self._page_start(landscape, new_page)
        weight = ' fo:font-weight="bold" style:font-weight-asian="bold"' if bold else ""
        name = f"p{self.n_styles + 1}"
        self.n_styles += 1
        para_props = (f'<style:paragraph-properties fo:text-align="{align}" fo:margin-bottom="{space_after_cm}cm"'
                      + (' fo:break-before="page"' if break_props else "") + '/>')
        self.styles.append(
            f'<style:style style:name="{name}" style:family="paragraph"{master}>{para_props}'
            f'<style:text-properties style:font-name="{font}" style:font-name-asian="{font}" '
            f'fo:font-size="{size}pt" style:font-size-asian="{size}pt"{weight}/></style:style>')
        self.body.append(f'<text:p text:style-name="{name}">{escape(text)}</text:p>')

    def table(self, cells, n_rows, n_cols, widths_cm, header_rows, numeric, align_cols=None):
        """cells: objects with row, col, row_span, col_span, text. numeric(text) -> right-aligned."""
        look = self.look
        tname = self._style(f'<style:table-properties style:width="{sum(widths_cm):.3f}cm" table:align="center" '
                            f'fo:margin-top="0.1cm" fo:margin-bottom="0.3cm"/>', "table")
        col_styles = [self._style(f'<style:table-column-properties style:column-width="{w:.3f}cm"/>',
                                  "table-column") for w in widths_cm]
        inner = f"{look.rule_pt}pt solid #000000"
        outer = f"{look.outer_rule_pt}pt solid #000000"
        cell_styles = {}

        def cell_style(r, c, rs, cs):
            header = r < header_rows
            key = (r == 0, c == 0, r + rs == n_rows, c + cs == n_cols, header, header and r + rs == header_rows)
            if key not in cell_styles:
                top, left, bottom, right = [outer if k else inner for k in key[:4]]
                if look.ruling == "three-line":
                    last_header = header and r + rs == header_rows
                    top = outer if key[0] else "none"
                    bottom = outer if key[2] else (inner if last_header else "none")
                    left = right = "none"
                elif look.ruling == "across":
                    left = right = "none"
                if look.open_sides:
                    left = "none" if key[1] else left
                    right = "none" if key[3] else right
                pad_v = look.padding_cm if look.padding_v_cm is None else look.padding_v_cm
                fill = f' fo:background-color="{look.header_fill}"' if header and look.header_fill else ""
                cell_styles[key] = self._style(
                    f'<style:table-cell-properties fo:padding-left="{look.padding_cm}cm" '
                    f'fo:padding-right="{look.padding_cm}cm" fo:padding-top="{pad_v}cm" fo:padding-bottom="{pad_v}cm" '
                    f'fo:border-top="{top}" fo:border-left="{left}" fo:border-bottom="{bottom}" fo:border-right="{right}"'
                    f'{fill} style:vertical-align="middle"/>', "table-cell")
            return cell_styles[key]

        para_styles = {}

        def para_style(align, bold):
            if (align, bold) not in para_styles:
                weight = ' fo:font-weight="bold" style:font-weight-asian="bold"' if bold else ""
                para_styles[(align, bold)] = self._style(
                    f'<style:paragraph-properties fo:text-align="{align}"/>'
                    f'<style:text-properties style:font-name="{look.body_font}" style:font-name-asian="{look.body_font}" '
                    f'fo:font-size="{look.table_pt}pt" style:font-size-asian="{look.table_pt}pt"{weight}/>', "paragraph")
            return para_styles[(align, bold)]

        by_pos = {(c.row, c.col): c for c in cells}
        covered = set()
        for c in cells:
            for r in range(c.row, c.row + c.row_span):
                for k in range(c.col, c.col + c.col_span):
                    if (r, k) != (c.row, c.col):
                        covered.add((r, k))
        xml = [f'<table:table table:style-name="{tname}">']
        xml += [f'<table:table-column table:style-name="{s}"/>' for s in col_styles]
        for r in range(n_rows):
            xml.append("<table:table-row>")
            for k in range(n_cols):
                if (r, k) in covered:
                    xml.append("<table:covered-table-cell/>")
                    continue
                c = by_pos[(r, k)]
                spans = ""
                if c.row_span > 1:
                    spans += f' table:number-rows-spanned="{c.row_span}"'
                if c.col_span > 1:
                    spans += f' table:number-columns-spanned="{c.col_span}"'
                if r < header_rows:
                    align = "center"
                elif align_cols and k in align_cols:
                    align = align_cols[k]
                else:
                    align = "end" if numeric(c.text) else "start"
                style = cell_style(r, k, c.row_span, c.col_span)
                pstyle = para_style(align, r < header_rows)
                xml.append(f'<table:table-cell table:style-name="{style}"{spans} office:value-type="string">'
                           f'<text:p text:style-name="{pstyle}">{escape(c.text)}</text:p></table:table-cell>')
            xml.append("</table:table-row>")
        xml.append("</table:table>")
        self.body.append("".join(xml))

    def xml(self):
        look = self.look

        def layout(name, w, h, orient):
            return (f'<style:page-layout style:name="{name}"><style:page-layout-properties fo:page-width="{w}cm" '
                    f'fo:page-height="{h}cm" style:print-orientation="{orient}" fo:margin-top="1.8cm" '
                    f'fo:margin-bottom="1.2cm" fo:margin-left="2cm" fo:margin-right="2cm"/>'
                    f'<style:footer-style><style:header-footer-properties fo:min-height="0.6cm"/></style:footer-style>'
                    f'</style:page-layout>')

        footer = ('<style:footer><text:p text:style-name="Footer"><text:page-number text:select-page="current"/>'
                  '</text:p></style:footer>')
        fonts = sorted({look.body_font, look.caption_font})
        return ('<?xml version="1.0" encoding="UTF-8"?>\n'
                f'<office:document {NS} office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text">'
                '<office:font-face-decls>'
                + "".join(f'<style:font-face style:name="{f}" svg:font-family="&apos;{f}&apos;"/>' for f in fonts) +
                '</office:font-face-decls><office:styles>'
                '<style:default-style style:family="paragraph"><style:paragraph-properties style:text-autospace="none" '
                'style:punctuation-wrap="simple" style:line-break="normal"/>'
                f'<style:text-properties style:font-name="{look.body_font}" style:font-name-asian="{look.body_font}" '
                f'fo:font-size="{look.body_pt}pt" style:font-size-asian="{look.body_pt}pt" fo:language="zh" '
                'fo:country="CN" style:language-asian="zh" style:country-asian="CN" fo:hyphenate="false"/>'
                '</style:default-style>'
                '<style:style style:name="Footer" style:family="paragraph"><style:paragraph-properties '
                'fo:text-align="center"/><style:text-properties fo:font-size="9pt"/></style:style>'
                '</office:styles><office:automatic-styles>'
                + layout("PLportrait", 21.0, 29.7, "portrait") + layout("PLlandscape", 29.7, 21.0, "landscape")
                + "".join(self.styles) +
                '</office:automatic-styles><office:master-styles>'
                f'<style:master-page style:name="Portrait" style:page-layout-name="PLportrait">{footer}</style:master-page>'
                f'<style:master-page style:name="Landscape" style:page-layout-name="PLlandscape">{footer}</style:master-page>'
                '</office:master-styles><office:body><office:text>'
                + "".join(self.body) + '</office:text></office:body></office:document>')
