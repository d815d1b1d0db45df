"""Page weight and request count of each template's home page, first load, in Chromium.

Run: .venv/bin/python bench/themes.py [BASE]   (default http://localhost:8080)
against the server of `make start GALLERY=1` (one demo commune per template,
demo-alpage …). Each load is a fresh browser context (empty cache); the weight
is what went over the wire (headers and bodies), at 375 px and 1280 px.
The budget is 500 KB at phone width.
"""

from mairie.themes.catalog import templates
from mairie.themes.gallery import SLUG_PREFIX
from playwright.sync_api import sync_playwright

import sys


CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
WIDTHS = (375, 1280)
BUDGET_KB = 500


def weigh(browser, url: str, width: int) -> tuple[int, int, list[str]]:
    """Bytes and requests of a first load; the third-party hosts contacted."""
    context = browser.new_context(viewport={"width": width, "height": 800}, locale="fr-FR")
    page = context.new_page()
    finished = []
    page.on("requestfinished", lambda request: finished.append(request))
    page.goto(url, wait_until="networkidle")
    total = 0
    for request in finished:
        sizes = request.sizes()
        total += sizes["responseBodySize"] + sizes["responseHeadersSize"]
    origin = url.split("/")[2]
    foreign = sorted({r.url.split("/")[2] for r in finished if r.url.split("/")[2] != origin})
    context.close()
    return total, len(finished), foreign


def main(base: str) -> None:
    print(f"{'template':<10} {'375 px':>16} {'1280 px':>16}  third parties")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        for template in templates().values():
            url = f"{base}/{SLUG_PREFIX}{template.id}"
            cells, foreign = [], set()
            for width in WIDTHS:
                size, count, hosts = weigh(browser, url, width)
                foreign.update(hosts)
                flag = " !" if width == 375 and size / 1000 > BUDGET_KB else ""
                cells.append(f"{size / 1000:7.0f} KB {count:3d} req{flag}")
            print(f"{template.id:<10} {cells[0]:>16} {cells[1]:>16}  {', '.join(foreign) or '-'}")
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1].rstrip("/") if len(sys.argv) > 1 else "http://localhost:8080")
