"""The YouTube video a page embeds, which the consent banner holds back."""

VIDEO_ID = "dQw4w9WgXcQ"


EMBED = (
    f'<p>Les vœux du maire en vidéo :</p><iframe src="https://www.youtube.com/embed/{VIDEO_ID}" '
    'title="Les vœux du maire" width="560" height="315"></iframe>'
)
