"""Third-party frames in a page, made inert on the server until the visitor consents.

A frame from another site (a video in a news item's text, a social post…)
would send the visitor's address and cookies to that site as soon as the page
loads, before any choice (CNIL 2020 guidelines). Each such ``<iframe>`` is
replaced here, in the HTML the server sends, so a cached page is as safe:

- a video from a service that tarteaucitron knows becomes that service's
  markup (``<div class="youtube_player" data-videoID="…">``, the data- form
  tarteaucitron reads too, valid HTML): tarteaucitron shows
  a placeholder naming the service with an "Allow" button, then the video;
- any other third-party frame becomes a plain link to its address.

Both keep a link to watch the content on the service's own site, for
visitors without JavaScript. Frames from the site itself are left alone.
"""

from .services import VIDEO_NAMES
from dataclasses import dataclass
from lxml import etree
from mairie.policy import _
from urllib.parse import parse_qs
from urllib.parse import urlsplit
from zope.i18n import translate

import re


@dataclass(frozen=True)
class Video:
    service: str  # tarteaucitron's key
    name: str
    video_id: str
    page_url: str  # where a visitor can watch it on the service's site


_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
YOUTUBE_HOSTS = {
    "youtube.com",
    "www.youtube.com",
    "m.youtube.com",
    "youtube-nocookie.com",
    "www.youtube-nocookie.com",
    "youtu.be",
}
DAILYMOTION_HOSTS = {"dailymotion.com", "www.dailymotion.com", "geo.dailymotion.com", "dai.ly"}
VIMEO_HOSTS = {"player.vimeo.com", "vimeo.com", "www.vimeo.com"}


def _last_segment(path: str) -> str:
    return path.rstrip("/").rsplit("/", 1)[-1]


def video(src: str) -> Video | None:
    """The video an embed address shows, when its service is one tarteaucitron handles."""
    parts = urlsplit(_absolute(src))
    host = (parts.hostname or "").lower()
    video_id = ""
    if host in YOUTUBE_HOSTS:
        if parts.path.startswith(("/embed/", "/shorts/")) or host == "youtu.be":
            video_id = _last_segment(parts.path)
        elif parts.path == "/watch":
            video_id = parse_qs(parts.query).get("v", [""])[0]
        if video_id == "videoseries":
            video_id = ""
        service, page = "youtube", "https://www.youtube.com/watch?v={}"
    elif host in DAILYMOTION_HOSTS:
        if host == "geo.dailymotion.com":
            video_id = parse_qs(parts.query).get("video", [""])[0]
        elif parts.path.startswith(("/embed/video/", "/video/")) or host == "dai.ly":
            video_id = _last_segment(parts.path)
        service, page = "dailymotion", "https://www.dailymotion.com/video/{}"
    elif host in VIMEO_HOSTS:
        segment = _last_segment(parts.path)
        video_id = segment if segment.isdigit() else ""
        service, page = "vimeo", "https://vimeo.com/{}"
    else:
        return None
    if not _ID.match(video_id):
        return None
    return Video(service, VIDEO_NAMES[service], video_id, page.format(video_id))


def _absolute(src: str) -> str:
    return f"https:{src}" if src.startswith("//") else src


def is_third_party(src: str, site_host: str) -> bool:
    """True when the address loads from a host other than the site's own."""
    parts = urlsplit(_absolute(src.strip()))
    if parts.scheme not in ("http", "https") or not parts.hostname:
        # Relative addresses, about:blank, data: and the like stay on the page.
        return False
    return parts.hostname.lower() != site_host.lower()


def neutralise(root, site_host: str, request) -> int:
    """Replace every third-party ``<iframe>`` under ``root``; return how many."""
    frames = [
        frame
        for frame in root.iter("iframe")
        if is_third_party(frame.get("src") or "", site_host)
        # Inside a <template>, a frame is inert already, shown on the visitor's
        # click only (the newsletter widget, legal/newsletter.py).
        and not any(ancestor.tag == "template" for ancestor in frame.iterancestors())
    ]
    for frame in frames:
        found = video(frame.get("src"))
        replacement = (
            _video_markup(frame, found, request) if found else _link_markup(frame, request)
        )
        replacement.tail = frame.tail
        frame.getparent().replace(frame, replacement)
    return len(frames)


def _video_markup(frame, found: Video, request):
    title = frame.get("title") or ""
    element = etree.Element("div")
    element.set("class", f"{found.service}_player mairie-consent-embed")
    element.set("data-videoID", found.video_id)
    if found.service == "dailymotion":
        element.set("data-embedType", "video")
    if title:
        element.set("title", title)
    for size in ("width", "height"):
        if (frame.get(size) or "").isdigit():
            element.set(f"data-{size}", frame.get(size))
    link_text = translate(
        _(
            "consent_watch_on",
            default="Watch “${title}” on ${service}",
            mapping={"title": title, "service": found.name},
        )
        if title
        else _(
            "consent_watch_video_on",
            default="Watch the video on ${service}",
            mapping={"service": found.name},
        ),
        context=request,
    )
    element.append(_link_paragraph(found.page_url, link_text))
    return element


def _link_markup(frame, request):
    src = _absolute(frame.get("src").strip())
    host = urlsplit(src).hostname
    title = frame.get("title") or ""
    element = etree.Element("div")
    element.set("class", "mairie-consent-embed mairie-consent-link")
    text = translate(
        _(
            "consent_external_content",
            default="“${title}”: content from ${host}, shown on its own site",
            mapping={"title": title, "host": host},
        )
        if title
        else _(
            "consent_external_content_untitled",
            default="Content from ${host}, shown on its own site",
            mapping={"host": host},
        ),
        context=request,
    )
    element.append(_link_paragraph(src, text))
    return element


def _link_paragraph(href: str, text: str):
    paragraph = etree.Element("p")
    link = etree.SubElement(paragraph, "a", href=href)
    link.text = text
    return paragraph
