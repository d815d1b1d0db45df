"""Demo news items with a video, to show the consent banner and the placeholder at work."""

from .embeds import video
from datetime import date
from mairie.policy.commune.schema import Model
from mairie.policy.provisioning.content import NEWS
from mairie.policy.provisioning.content import normalize_id
from mairie.policy.provisioning.content import paragraphs
from mairie.policy.provisioning.content import publish
from plone import api
from plone.app.textfield.value import RichTextValue
from pydantic import Field
from pydantic import field_validator
from pydantic_core import PydanticCustomError

import html


class DemoVideo(Model):
    title: str = Field(min_length=1)
    description: str = ""
    date: date
    text: str = ""
    # The address of a YouTube, Dailymotion or Vimeo video.
    video: str

    @field_validator("video")
    @classmethod
    def _known_service(cls, value):
        if video(value) is None:
            raise PydanticCustomError("url", "url", {"value": value})
        return value


def add_videos(site, videos: list[DemoVideo]) -> None:
    """Each one a news item whose text embeds the video, as an editor pastes it."""
    folder = site.unrestrictedTraverse(NEWS)
    for item in videos:
        found = video(item.video)
        embed = {
            "youtube": "https://www.youtube.com/embed/{}",
            "dailymotion": "https://www.dailymotion.com/embed/video/{}",
            "vimeo": "https://player.vimeo.com/video/{}",
        }[found.service].format(found.video_id)
        text = paragraphs(item.text) + (
            f'<iframe src="{embed}" title="{html.escape(item.title)}" width="560" height="315"'
            ' allowfullscreen="allowfullscreen"></iframe>'
        )
        news = api.content.create(
            container=folder,
            type="News Item",
            id=normalize_id(item.title),
            title=item.title,
            description=item.description,
            text=RichTextValue(text, "text/html", "text/x-html-safe"),
        )
        news.setEffectiveDate(f"{item.date:%Y-%m-%d}T12:00:00")
        publish(news)
