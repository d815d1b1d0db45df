"""The template gallery: one profile per template, and the page listing their communes."""

from mairie.policy.commune.loader import load_profile
from mairie.themes.catalog import templates
from mairie.themes.catalog import THEMES_DIR
from mairie.themes.gallery import write_profiles

import transaction


def test_one_valid_profile_per_template(demo_profile_file, agency, tmp_path):
    paths = write_profiles(demo_profile_file, tmp_path)
    assert len(paths) == 12
    profiles = {path.stem: load_profile(path, agency) for path in paths}
    assert profiles["demo-oceane"].commune.template == "oceane"
    assert profiles["demo-oceane"].commune.slug == "demo-oceane"
    assert {profile.commune.template for profile in profiles.values()} == set(templates())


def test_gallery_page_lists_the_communes_with_their_preview(commune):
    app = commune["app"]
    html = app.restrictedTraverse("@@galerie")()
    transaction.abort()
    assert '<html lang="fr"' in html
    assert f'href="{commune["site"].absolute_url()}"' in html
    assert "++theme++mairie-bocage/preview.png" in html
    assert "Bocage" in html


def test_each_template_has_a_small_preview():
    for template in templates().values():
        preview = THEMES_DIR / template.id / "preview.png"
        assert preview.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert preview.stat().st_size < 150_000
