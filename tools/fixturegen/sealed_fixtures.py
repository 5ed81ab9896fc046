#!/usr/bin/python3
"""Born-digital reports with a red seal (公章) stamped over the lower-right figures of each table page.

    /usr/bin/python3 tools/fixturegen/sealed_fixtures.py

Published reports carry a department's seal over the totals of their tables, drawn as a picture
over the text. The text under it is still what the PDF prints, so the truth is the digital
fixture's own, every page read from its text layer (mode "text"). The seal is drawn here, with
PIL: a ring, a five-pointed star and an arc of characters in red ink of uneven strength, 42 mm
across as official seals are, on a transparent ground (a soft mask), centred on the lowest-right
number that pdftotext finds on the page. Each page's seal is turned by a different angle (fixed
seed), as hands stamp. Needs what tools/fixturegen/setup installs.
"""

import io
import json
import math
import random
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import generate_fixtures as fixtures  # noqa: E402

FIXTURES = HERE.parent.parent / "fixtures"
SEAL_MM = 42
SEAL_TEXT = "某某市某某局预算专用章"
NUMBER = re.compile(r"^-?[\d,]+\.\d+$")


def seal_image(rng, size=560):
    """The seal as RGBA: red ink whose alpha varies as a stamp's does, transparent elsewhere."""
    import numpy as np
    from PIL import Image, ImageDraw, ImageFont
    ink = Image.new("L", (size, size), 0)
    draw = ImageDraw.Draw(ink)
    c, r = size / 2, size / 2 - 6
    ring = size * 0.045
    draw.ellipse([c - r, c - r, c + r, c + r], outline=255, width=int(ring))
    # The star: five outer and five inner points.
    points = []
    for k in range(10):
        angle = -math.pi / 2 + k * math.pi / 5
        radius = r * (0.30 if k % 2 == 0 else 0.12)
        points.append((c + radius * math.cos(angle), c + radius * math.sin(angle)))
    draw.polygon(points, fill=255)
    font = ImageFont.truetype(fixtures_cjk_font(), int(size * 0.11))
    chars = list(SEAL_TEXT)
    span = math.radians(220)
    for k, ch in enumerate(chars):
        angle = -math.pi / 2 - span / 2 + span * (k + 0.5) / len(chars)
        glyph = Image.new("L", (int(size * 0.14), int(size * 0.14)), 0)
        ImageDraw.Draw(glyph).text((glyph.width / 2, glyph.height / 2), ch, fill=255, font=font, anchor="mm")
        glyph = glyph.rotate(-math.degrees(angle) - 90, resample=Image.BICUBIC)
        x = c + (r - ring - size * 0.085) * math.cos(angle) - glyph.width / 2
        y = c + (r - ring - size * 0.085) * math.sin(angle) - glyph.height / 2
        ink.paste(255, (int(x), int(y)), glyph)
    alpha = np.asarray(ink).astype(np.float32) / 255
    strength = np.random.default_rng(rng.randrange(1 << 30)).uniform(0.55, 0.95, alpha.shape)
    alpha = (alpha * strength * 255).astype(np.uint8)
    rgba = np.zeros((size, size, 4), np.uint8)
    rgba[..., 0], rgba[..., 1], rgba[..., 2], rgba[..., 3] = 214, 32, 40, alpha
    image = Image.fromarray(rgba, "RGBA")
    return image.rotate(rng.uniform(-30, 30), resample=Image.BICUBIC)


def fixtures_cjk_font():
    for candidate in ("/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc",
                      "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
                      "/usr/share/fonts/truetype/arphic/uming.ttc"):
        if Path(candidate).exists():
            return candidate
    sys.exit("no CJK font: run tools/fixturegen/setup")


def lowest_right_numbers(pdf):
    """Per page (1-based), the centre (points, from the top left) of its lowest-right number."""
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True,
                          text=True).stdout
    centres, page = {}, 0
    for line in html.splitlines():
        if "<page " in line:
            page += 1
        m = re.search(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<', line)
        if m and NUMBER.match(m.group(5)):
            x0, y0, x1, y1 = map(float, m.group(1, 2, 3, 4))
            score = y1 + x1
            if page not in centres or score > centres[page][0]:
                centres[page] = (score, ((x0 + x1) / 2, (y0 + y1) / 2))
    return {p: v[1] for p, v in centres.items()}


def stamp(src, dst, rng):
    import pikepdf
    from PIL import Image
    centres = lowest_right_numbers(src)
    with pikepdf.open(src) as pdf:
        for number, page in enumerate(pdf.pages, 1):
            if number not in centres:
                continue
            seal = seal_image(rng)
            rgb = Image.new("RGB", seal.size, (214, 32, 40))
            mask = pikepdf.Stream(pdf, seal.getchannel("A").tobytes())
            mask.Type, mask.Subtype = pikepdf.Name.XObject, pikepdf.Name.Image
            mask.Width, mask.Height = seal.size
            mask.ColorSpace, mask.BitsPerComponent = pikepdf.Name.DeviceGray, 8
            image = pikepdf.Stream(pdf, rgb.tobytes())
            image.Type, image.Subtype = pikepdf.Name.XObject, pikepdf.Name.Image
            image.Width, image.Height = seal.size
            image.ColorSpace, image.BitsPerComponent = pikepdf.Name.DeviceRGB, 8
            image.SMask = mask
            name = pikepdf.Name("/GridliftSeal")
            if "/Resources" not in page.obj:
                page.obj.Resources = pikepdf.Dictionary()
            if "/XObject" not in page.obj.Resources:
                page.obj.Resources.XObject = pikepdf.Dictionary()
            page.obj.Resources.XObject[name] = image
            side = SEAL_MM / 25.4 * 72
            x, y = centres[number]
            box = page.mediabox
            top = float(box[3])
            op = f"q {side:.2f} 0 0 {side:.2f} {x - side / 2:.2f} {top - y - side / 2:.2f} cm /GridliftSeal Do Q"
            page.contents_add(pikepdf.Stream(pdf, op.encode()), prepend=False)
        raw = dst.with_suffix(".raw.pdf")
        pdf.save(raw)
    fixtures.normalize_pdf(raw, dst)
    raw.unlink()


def main():
    out = FIXTURES / "sealed"
    out.mkdir(exist_ok=True)
    for i, source in enumerate(["sanmenxia-2023-final", "jiaozuo-2023-final"]):
        src = FIXTURES / "digital" / f"{source}.pdf"
        pdf = out / f"{source}-sealed.pdf"
        stamp(src, pdf, random.Random(907 + i))
        pages = len(json.loads((FIXTURES / "digital" / f"{source}.truth.json").read_text(encoding="utf-8"))["pages"])
        fixtures.write_variant_truth(FIXTURES / "digital" / f"{source}.truth.json", pdf, ["text"] * pages)
        print(pdf)


if __name__ == "__main__":
    main()
