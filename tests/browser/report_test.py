#!/usr/bin/python3
"""Opens an HTML report of gridlift in headless Chromium and uses it as a person would.

    report_test.py GRIDLIFT SOURCE_DIR WORK_DIR

Extracts a fixture with --report, then checks in the browser that every table and every cell of
the JSON is in the report (in the table and as a box on the page), that every image is embedded
and decoded, that hovering and clicking a cell highlights its box and the reverse, and that the
page logged no errors (a blocked network request would be one). Saves WORK_DIR/report.png.
Exits 77 (skipped, for CTest) where Chromium, ChromeDriver or Selenium are missing.
"""
import json
import os
import shutil
import subprocess
import sys

SKIP = 77
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"


def skip(why):
    print(f"SKIP: {why}; install the Debian packages chromium, chromium-driver and python3-selenium")
    sys.exit(SKIP)


def main():
    gridlift, source, work = sys.argv[1:4]
    for program in (CHROMIUM, CHROMEDRIVER):
        if not os.access(program, os.X_OK):
            skip(f"{program} not found")
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
        from selenium.webdriver.common.action_chains import ActionChains
        from selenium.webdriver.common.by import By
    except ImportError:
        skip("python3 cannot import selenium")

    out = os.path.join(work, "report-test")
    shutil.rmtree(out, ignore_errors=True)
    pdf = os.path.join(source, "fixtures", "digital", "jiaozuo-2023-final.pdf")
    subprocess.run([gridlift, "extract", "-q", "--report", pdf, "-o", out], check=True)
    with open(os.path.join(out, "jiaozuo-2023-final.json"), encoding="utf-8") as f:
        result = json.load(f)
    report = os.path.join(out, "jiaozuo-2023-final.report.html")

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1600,1200"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    try:
        driver.get("file://" + os.path.abspath(report))

        # Every table and cell of the JSON: its text in the table, a box on the page.
        seen = driver.execute_script(
            "const cells = {};"
            "document.querySelectorAll('td[data-cell]').forEach(td => cells[td.dataset.cell] = td.textContent);"
            "const boxes = new Set([...document.querySelectorAll('rect[data-cell]')].map(r => r.dataset.cell));"
            "const tables = [...document.querySelectorAll('table[data-table]')].map(t => t.dataset.table);"
            "return {cells: cells, boxes: [...boxes], tables: tables};")
        boxes = set(seen["boxes"])
        expected_tables = [t["id"] for p in result["pages"] for t in p["tables"]]
        assert seen["tables"] == expected_tables, (seen["tables"], expected_tables)
        n_cells = 0
        for page in result["pages"]:
            for table in page["tables"]:
                for i, cell in enumerate(table["cells"]):
                    key = f"{table['id']}/{i}"
                    assert seen["cells"].get(key) == cell["text"], (key, seen["cells"].get(key), cell["text"])
                    assert key in boxes, f"no box on the page for {key}"
                    n_cells += 1
        assert len(seen["cells"]) == n_cells and len(boxes) == n_cells, (len(seen["cells"]), len(boxes), n_cells)

        images = driver.execute_script(
            "return [...document.images].map(i => [i.src.slice(0, 23), i.complete && i.naturalWidth > 0]);")
        assert len(images) == len(result["pages"]), images
        assert all(src == "data:image/jpeg;base64," and ok for src, ok in images), images

        # A cell with text on a later page, so that finding its partner needs scrolling.
        page = next(p for p in result["pages"][1:] if p["tables"])
        table = page["tables"][0]
        index = next(i for i, c in enumerate(table["cells"]) if c["text"] and c["row_span"] == 1)
        key = f"{table['id']}/{index}"
        td = driver.find_element(By.CSS_SELECTOR, f'td[data-cell="{key}"]')
        rect = driver.find_element(By.CSS_SELECTOR, f'rect[data-cell="{key}"]')
        classes = lambda element: element.get_attribute("class").split()

        ActionChains(driver).move_to_element(td).perform()
        assert "hl" in classes(rect), "hovering a table cell does not highlight its box"
        td.click()
        assert "pin" in classes(rect) and "pin" in classes(td), "clicking a table cell does not pin its box"
        fill = driver.execute_script("return getComputedStyle(arguments[0]).fill", rect)
        assert fill not in ("transparent", "rgba(0, 0, 0, 0)", "none"), f"pinned box is not filled: {fill}"
        in_view = driver.execute_script(
            "const r = arguments[0].getBoundingClientRect();"
            "return r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth;", rect)
        assert in_view, "the pinned box was not brought into view"
        driver.save_screenshot(os.path.join(work, "report.png"))

        # The reverse: a box on the page pins its table cell and unpins the first.
        other = next(i for i, c in enumerate(table["cells"]) if c["text"] and i != index)
        other_key = f"{table['id']}/{other}"
        other_rect = driver.find_element(By.CSS_SELECTOR, f'rect[data-cell="{other_key}"]')
        other_td = driver.find_element(By.CSS_SELECTOR, f'td[data-cell="{other_key}"]')
        ActionChains(driver).move_to_element(other_rect).click().perform()
        assert "pin" in classes(other_td), "clicking a box on the page does not pin its table cell"
        assert "pin" not in classes(td), "the first pin was not released"
        background = driver.execute_script("return getComputedStyle(arguments[0]).backgroundColor", other_td)
        assert background == "rgb(255, 213, 79)", f"pinned table cell not highlighted: {background}"

        errors = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
        assert not errors, errors
    finally:
        driver.quit()
    print(f"report OK: {len(expected_tables)} tables, {n_cells} cells; screenshot {os.path.join(work, 'report.png')}")


if __name__ == "__main__":
    main()
