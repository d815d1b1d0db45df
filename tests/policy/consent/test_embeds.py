"""Which frames are third-party, which video they show, and what replaces them."""

from lxml import html
from mairie.policy.consent.embeds import is_third_party
from mairie.policy.consent.embeds import neutralise
from mairie.policy.consent.embeds import video

import pytest


@pytest.mark.parametrize(
    "src,service,video_id",
    [
        ("https://www.youtube.com/embed/dQw4w9WgXcQ", "youtube", "dQw4w9WgXcQ"),
        ("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=3", "youtube", "dQw4w9WgXcQ"),
        ("//www.youtube.com/embed/dQw4w9WgXcQ", "youtube", "dQw4w9WgXcQ"),
        ("https://youtu.be/dQw4w9WgXcQ", "youtube", "dQw4w9WgXcQ"),
        ("https://www.youtube.com/watch?v=dQw4w9WgXcQ", "youtube", "dQw4w9WgXcQ"),
        ("https://www.dailymotion.com/embed/video/x8abc12", "dailymotion", "x8abc12"),
        ("https://geo.dailymotion.com/player.html?video=x8abc12", "dailymotion", "x8abc12"),
        ("https://player.vimeo.com/video/76979871?h=8272103f6e", "vimeo", "76979871"),
    ],
)
def test_known_video_services(src, service, video_id):
    found = video(src)
    assert (found.service, found.video_id) == (service, video_id)


@pytest.mark.parametrize(
    "src",
    [
        "https://www.youtube.com/embed/videoseries?list=PL123",  # a playlist
        "https://www.youtube.com/embed/bad%22id",
        "https://player.vimeo.com/video/not-a-number",
        "https://example.org/embed/123",
    ],
)
def test_other_addresses_are_no_known_video(src):
    assert video(src) is None


@pytest.mark.parametrize(
    "src,third_party",
    [
        ("https://www.youtube.com/embed/x", True),
        ("//www.youtube.com/embed/x", True),
        ("http://carte.example.org/", True),
        ("https://saint-aubin.example.fr/plan", False),
        ("https://SAINT-AUBIN.example.fr/plan", False),
        ("/plan-du-bourg", False),
        ("plan", False),
        ("about:blank", False),
        ("", False),
    ],
)
def test_third_party_is_another_host(src, third_party):
    assert is_third_party(src, "saint-aubin.example.fr") is third_party


def _neutralised(body):
    root = html.fromstring(f"<html><body>{body}</body></html>")
    count = neutralise(root, "saint-aubin.example.fr", None)
    return count, html.tostring(root, encoding="unicode")


def test_a_youtube_frame_becomes_tarteaucitron_markup_with_a_link():
    count, page = _neutralised(
        '<p>Avant</p><iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ" '
        'title="Les vœux du maire" width="560" height="315"></iframe> après'
    )
    assert count == 1
    assert "<iframe" not in page
    assert "youtube.com/embed" not in page
    element = html.fromstring(page).find(".//div")
    assert element.get("class") == "youtube_player mairie-consent-embed"
    assert element.get("data-videoid") == "dQw4w9WgXcQ"
    assert (element.get("data-width"), element.get("data-height")) == ("560", "315")
    link = element.find(".//a")
    assert link.get("href") == "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
    assert link.text == "Watch “Les vœux du maire” on YouTube"
    assert element.tail == " après"


def test_an_unknown_third_party_frame_becomes_a_link():
    count, page = _neutralised('<iframe src="https://widget.example.org/post/1"></iframe>')
    assert count == 1
    assert "<iframe" not in page
    link = html.fromstring(page).find(".//a")
    assert link.get("href") == "https://widget.example.org/post/1"
    assert link.text == "Content from widget.example.org, shown on its own site"


def test_own_frames_and_frames_in_a_template_are_left_alone():
    body = (
        '<iframe src="/plan" title="Plan"></iframe>'
        '<template><iframe src="https://newsletter.example.org/form"></iframe></template>'
    )
    count, page = _neutralised(body)
    assert count == 0
    assert page.count("<iframe") == 2
