"""The consent check's crawl: pages of the site in headless Chromium, before any choice.

Run by ``mairie conformite --crawl``, never in a web request. Every request a page makes
to another host than the site's is a third-party request made before the visitor's
consent (the consent banner itself is served by the site). Chromium is Debian's,
driven by Playwright (Apache-2.0), both run as separate programs from this module:
``python -m mairie.policy.conformity.crawl BASE PATH…`` prints what it saw as JSON, so
that the Zope process never imports them.
"""

from urllib.parse import urlsplit

import json
import subprocess
import sys


# Debian's Chromium and its flags here, as the tests drive it too (tests/browser.py).
CHROMIUM = "/usr/bin/chromium"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# The pages where third-party content waits: home (videos, map), news, agenda,
# directory (map tiles), procedures (forms), the legal pages.
PATHS = ("", "actualites", "agenda", "vivre-a/annuaire", "demarches", "contact")


def third_party_requests(
    base: str, exempt: tuple = (), paths=PATHS, timeout: int = 300
) -> tuple[list, list]:
    """(pages visited, third-party URLs they asked), from a separate process.

    ``exempt``: hosts allowed before consent besides the site's own (the commune's
    Matomo in the CNIL's exempt mode).
    """
    done = subprocess.run(
        [sys.executable, "-m", __name__, base, ",".join(exempt), *paths],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=True,
    )
    seen = json.loads(done.stdout)
    return seen["pages"], seen["third_party"]


def _crawl(base: str, exempt: set, paths) -> dict:
    from playwright.sync_api import sync_playwright

    exempt = {"", urlsplit(base).netloc, *exempt}
    pages, third_party = [], set()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        context = browser.new_context(locale="fr-FR", timezone_id="Europe/Paris")
        page = context.new_page()

        def note(request):
            if request.url.startswith("http") and urlsplit(request.url).netloc not in exempt:
                third_party.add(request.url)

        page.on("request", note)
        for path in paths:
            url = f"{base.rstrip('/')}/{path}"
            page.goto(url, wait_until="networkidle")
            pages.append(url)
        browser.close()
    return {"pages": pages, "third_party": sorted(third_party)}


if __name__ == "__main__":
    print(json.dumps(_crawl(sys.argv[1], set(filter(None, sys.argv[2].split(","))), sys.argv[3:])))
