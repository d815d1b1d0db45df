"""The demo commune: a news item with a YouTube video, served without the player."""

from lxml import html
from mairie.policy.consent.demo import DemoVideo
from mairie.policy.provisioning import site as provisioning
from mairie.policy.provisioning.demo import load
from plone.app.testing import SITE_OWNER_NAME
from plone.testing.zope import login
from pydantic import ValidationError
from zope.component.hooks import setSite

import pytest
import requests
import transaction


DEMO_CONTENT = "examples/saint-aubin-sur-loire/demo.yaml"


def test_the_demo_news_item_shows_a_placeholder(functional, demo_profile, agency, pytestconfig):
    app = functional["app"]
    login(app.acl_users, SITE_OWNER_NAME)
    site = provisioning.create(
        app, demo_profile, agency, load(pytestconfig.rootpath / DEMO_CONTENT)
    )
    news = site["actualites"]["seance-de-cinema-pour-les-familles-le-dimanche-27-decembre"]
    assert "youtube.com/embed/aqz-KE-bpKQ" in news.text.raw  # as an editor pasted it
    url = news.absolute_url()
    setSite(None)
    transaction.commit()

    page = requests.get(url, timeout=60).text
    assert "<iframe" not in page
    placeholder = html.fromstring(page).find_class("youtube_player")
    assert [element.get("data-videoid") for element in placeholder] == ["aqz-KE-bpKQ"], page[-8000:]


def test_a_demo_video_must_be_from_a_known_service():
    with pytest.raises(ValidationError):
        DemoVideo(title="Vidéo", date="2026-11-24", video="https://example.org/video/1")
