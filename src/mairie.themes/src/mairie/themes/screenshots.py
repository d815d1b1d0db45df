"""Screenshots of the twelve templates' home pages, from the gallery communes.

``python -m mairie.themes.screenshots [--base URL] [--out FOLDER] [--previews]``
(``make screenshots``) needs the server of ``make start GALLERY=1``: it writes
``<template>-1280.png`` and ``<template>-375.png`` (whole pages) into FOLDER and,
with ``--previews``, each theme folder's ``preview.png`` (1200×800, 256 colours).
Debian's Chromium through Playwright, as in the tests.
"""

from io import BytesIO
from mairie.themes.catalog import templates
from mairie.themes.catalog import THEMES_DIR
from mairie.themes.gallery import SLUG_PREFIX
from pathlib import Path
from PIL import Image
from playwright.sync_api import sync_playwright

import argparse


CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
WIDTHS = (1280, 375)
PREVIEW = (1200, 800)
# tarteaucitron's « Tout refuser »: the banner would hide the page.
DENY_COOKIES = "#tarteaucitronAllDenied2"


def open_home(browser, url: str, width: int, height: int = 900):
    page = browser.new_page(viewport={"width": width, "height": height}, locale="fr-FR")
    page.goto(url, wait_until="networkidle")
    deny = page.locator(DENY_COOKIES)
    if deny.count() and deny.first.is_visible():
        deny.first.click()
    return page


def shoot(base: str, out: Path, previews: bool) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        for template in templates().values():
            url = f"{base}/{SLUG_PREFIX}{template.id}"
            for width in WIDTHS:
                page = open_home(browser, url, width)
                page.screenshot(path=out / f"{template.id}-{width}.png", full_page=True)
                page.close()
            if previews:
                page = open_home(browser, url, *PREVIEW)
                image = Image.open(BytesIO(page.screenshot())).convert("RGB")
                page.close()
                image.quantize(colors=256).save(
                    THEMES_DIR / template.id / "preview.png", optimize=True
                )
            print(template.id)
        browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="http://localhost:8080")
    parser.add_argument("--out", type=Path, default=Path("var/screenshots"))
    parser.add_argument("--previews", action="store_true")
    args = parser.parse_args()
    shoot(args.base.rstrip("/"), args.out, args.previews)


if __name__ == "__main__":
    main()
