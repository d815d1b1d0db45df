"""The accessibility checker itself finds what it must, so that an empty list means something."""

from browser import axe_violations


def test_axe_reports_an_image_without_alternative(page):
    page.set_content(
        '<html lang="fr"><head><title>Essai</title></head>'
        '<body><main><img src="data:,"></main></body></html>'
    )
    assert [found.split(":")[0] for found in axe_violations(page)] == ["image-alt"]


def test_axe_can_check_one_area(page):
    page.set_content(
        '<html lang="fr"><body><main><div id="ok"><p>Bonjour</p></div>'
        '<img src="data:,"></main></body></html>'
    )
    assert axe_violations(page, include="#ok") == []
