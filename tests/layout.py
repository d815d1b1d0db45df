"""A layout check in headless Chromium: pages in parallel tabs of one browser.

Each page is loaded once, then laid out at every width it is checked at (the
viewport changes, the page is not loaded again); at each width the check
measures it and writes a full-page screenshot for a person to look at:

    with Tabs() as tabs:
        problems = tabs.check([Shot("home", url, (375, 1280))], folder)
    assert problems == []

A problem reads "page @ width: what is wrong (which element)". The browser is
driven with Playwright's asyncio API from a thread of its own, so that the
tests keep their synchronous fixtures and Zope's test server its thread.
"""

from browser import CHROMIUM
from browser import CONSENT_SERVICES
from browser import FLAGS
from dataclasses import dataclass
from pathlib import Path
from playwright.async_api import async_playwright
from urllib.parse import urlsplit

import asyncio
import base64
import threading


# The pages must not reach the internet (videos, map tiles): names other than
# localhost fail at once instead of waiting for a timeout.
OFFLINE = "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost"
HEIGHTS = {375: 812, 768: 1024, 1280: 800, 1920: 1080}
# The main content's share of the layout's width on wide screens.
MIN_CONTENT_SHARE = 0.6
WIDE = 1280
TIMEOUT_MS = 120_000

MEASURE = r"""() => {
  const viewport = window.innerWidth;
  const scrolling = document.scrollingElement || document.documentElement;
  const describe = (e) => {
    let name = e.tagName.toLowerCase();
    if (e.id) name += "#" + e.id;
    const classes = [...e.classList].slice(0, 2);
    if (classes.length) name += "." + classes.join(".");
    const text = (e.innerText || "").trim().replace(/\s+/g, " ").slice(0, 40);
    return text ? `${name} « ${text} »` : name;
  };
  // Whether a scrolling or clipping ancestor hides what sticks out of e: not one
  // below e's containing block when e is absolutely positioned.
  const clipped = (e) => {
    let escaping = ["absolute", "fixed"].includes(getComputedStyle(e).position);
    for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
      const style = getComputedStyle(a);
      if (escaping && style.position === "static") continue;
      if (style.overflowX !== "visible") return true;
      escaping = ["absolute", "fixed"].includes(style.position);
    }
    return false;
  };
  // What sticks out: the outermost elements past the right edge that nothing clips.
  const overflowing = [];
  if (scrolling.scrollWidth > viewport) {
    const past = new Set();
    for (const e of document.body.querySelectorAll("*")) {
      const box = e.getBoundingClientRect();
      if (box.width === 0 || box.right <= viewport + 1 || clipped(e)) continue;
      past.add(e);
      if (past.has(e.parentElement)) continue;
      overflowing.push(`${describe(e)} (${Math.round(box.width)} px)`);
      if (overflowing.length === 3) break;
    }
  }
  // Words broken across lines: in a column a few letters wide, every word is.
  const broken = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const word = /^[\p{L}]{4,24}$/u;
  const edges = /^[«»"“”(),.;:!?]+|[«»"“”(),.;:!?]+$/gu;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || parent.closest("script, style, noscript, template, svg, [hidden]")) continue;
    let longest = "";
    for (const token of node.data.split(/\s+/)) {
      const clean = token.replace(edges, "");
      if (word.test(clean) && clean.length > longest.length) longest = clean;
    }
    if (!longest) continue;
    const box = parent.getBoundingClientRect();
    if (box.width < 2 || getComputedStyle(parent).visibility === "hidden") continue;
    const start = node.data.indexOf(longest);
    const range = document.createRange();
    range.setStart(node, start);
    range.setEnd(node, start + longest.length);
    const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
    if (lines.size > 1) {
      broken.push(`« ${longest} » on ${lines.size} lines in ${describe(parent)} (${Math.round(box.width)} px)`);
      if (broken.length === 3) break;
    }
  }
  const main = document.querySelector("#main") || document.querySelector("main");
  const content = document.querySelector("#content") || document.querySelector("#portal-column-content") || main;
  let layout = 0;
  if (main) {
    const style = getComputedStyle(main);
    layout = main.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  }
  return {
    failed: document.body.innerText.includes("error while rendering"),
    viewport,
    scrollWidth: scrolling.scrollWidth,
    overflowing,
    broken,
    layout,
    content: content ? content.getBoundingClientRect().width : 0,
  };
}"""


@dataclass(frozen=True)
class Shot:
    """A page to check: ``name`` for the screenshots, at ``widths``.

    ``agent`` loads it logged in; ``follow`` (a CSS selector) goes on to the
    address of the first link it matches, a step of a journey.
    """

    name: str
    url: str
    widths: tuple[int, ...]
    agent: bool = False
    follow: str | None = None


def judge(name: str, width: int, measure: dict) -> list[str]:
    """What is wrong with a page at one width, from MEASURE's figures."""
    where = f"{name} @ {width}"
    problems = []
    if measure["failed"]:
        problems.append(f"{where}: « error while rendering » a part of the page")
    if measure["scrollWidth"] > measure["viewport"]:
        problems.append(
            f"{where}: {measure['scrollWidth']} px wide for a {measure['viewport']} px window"
            f" ({'; '.join(measure['overflowing']) or 'no single element found'})"
        )
    if width >= WIDE and measure["content"] < MIN_CONTENT_SHARE * measure["layout"]:
        problems.append(
            f"{where}: the content is {measure['content']:.0f} px of a"
            f" {measure['layout']:.0f} px layout"
        )
    problems += [f"{where}: {broken}" for broken in measure["broken"]]
    return problems


class Tabs:
    """One headless Chromium, its pages checked ``tabs`` at a time.

    ``agent`` is the (user, password) the agents' pages log in with (HTTP Basic).
    """

    def __init__(self, agent: tuple[str, str] | None = None, tabs: int = 4):
        self.agent = agent
        self.tabs = tabs
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        self._run(self._start())
        return self

    def __exit__(self, *exc):
        self._run(self._stop())
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join()
        self.loop.close()

    def _run(self, coroutine):
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop).result()

    async def _start(self):
        self.playwright = await async_playwright().start()
        self.browser = await self.playwright.chromium.launch(
            executable_path=CHROMIUM, args=[*FLAGS, OFFLINE]
        )
        self.contexts = {False: await self._context(None), True: await self._context(self.agent)}
        # One page loads at a time, the others are measured and photographed
        # meanwhile: Zope renders a page on one core anyway, and Python 3.11.7
        # fails now and then to compile two page templates in two threads at
        # once (SystemError: AST constructor recursion depth mismatch).
        self.loading = asyncio.Lock()

    async def _context(self, credentials):
        headers = {}
        if credentials:
            token = base64.b64encode(":".join(credentials).encode()).decode()
            headers["Authorization"] = f"Basic {token}"
        context = await self.browser.new_context(
            locale="fr-FR", timezone_id="Europe/Paris", extra_http_headers=headers
        )
        context.set_default_timeout(TIMEOUT_MS)
        return context

    async def _stop(self):
        await self.browser.close()
        await self.playwright.stop()

    def check(self, shots: list[Shot], folder: Path) -> list[str]:
        """Check every shot, screenshots in ``folder``; the problems found."""
        folder.mkdir(parents=True, exist_ok=True)
        return self._run(self._check_all(shots, folder))

    async def _check_all(self, shots, folder):
        for context in self.contexts.values():
            await context.clear_cookies()
        # The visitor has answered the consent banner, allowing every service:
        # embedded videos and the map are shown as they will be.
        consent = "".join(f"!{name}=true" for name in CONSENT_SERVICES)
        host = urlsplit(shots[0].url).hostname
        cookie = {"name": "tarteaucitron", "value": consent, "domain": host, "path": "/"}
        for context in self.contexts.values():
            await context.add_cookies([cookie])
        queue = asyncio.Queue()
        for shot in shots:
            queue.put_nowait(shot)
        problems = []

        async def work():
            while not queue.empty():
                shot = queue.get_nowait()
                problems.extend(await self._check_one(shot, folder))

        await asyncio.gather(*(work() for _ in range(self.tabs)))
        return sorted(problems)

    async def _check_one(self, shot, folder):
        page = await self.contexts[shot.agent].new_page()
        try:
            first = shot.widths[0]
            await page.set_viewport_size({"width": first, "height": HEIGHTS.get(first, 900)})
            async with self.loading:
                response = await page.goto(shot.url)
                if shot.follow and response.ok:
                    href = await page.get_attribute(shot.follow, "href")
                    response = await page.goto(href)
            if not response.ok:
                return [f"{shot.name}: HTTP {response.status} at {page.url}"]
            problems = []
            for width in shot.widths:
                await page.set_viewport_size({"width": width, "height": HEIGHTS.get(width, 900)})
                # From the top (a field with autofocus scrolls the page), once laid out.
                await page.evaluate(
                    "() => new Promise((done) => { window.scrollTo(0, 0);"
                    " requestAnimationFrame(() => requestAnimationFrame(done)); })"
                )
                problems += judge(shot.name, width, await page.evaluate(MEASURE))
                await page.screenshot(path=folder / f"{shot.name}-{width}.png", full_page=True)
            return problems
        finally:
            await page.close()
