"""The accessibility documents only the commune can write, linked from its statement."""

from mairie.policy.legal.demo import add_accessibility_documents
from mairie.policy.legal.plans import fill
from mairie.policy.legal.plans import PLAN_PAGES
from mairie.policy.legal.plans import written_by_the_commune
from mairie.policy.provisioning import demo
from mairie.policy.provisioning import site as provisioning
from plone import api


def test_provisioning_leaves_them_to_the_commune(commune, app, demo_profile, agency):
    pages = [commune[page.id] for page in PLAN_PAGES]
    assert not any(written_by_the_commune(page) for page in pages)
    assert all(api.content.get_state(page) == "published" for page in pages)
    fill(pages[0], "<p>Schéma 2026-2028 adopté le 24 septembre 2026.</p>")
    assert written_by_the_commune(pages[0])
    provisioning.update(app, demo_profile, agency)
    assert "Schéma 2026-2028" in commune[PLAN_PAGES[0].id].text.raw  # never written again
    assert not written_by_the_commune(commune[PLAN_PAGES[1].id])


def test_an_emptied_page_is_not_written(commune):
    page = commune[PLAN_PAGES[1].id]
    fill(page, "")
    assert not written_by_the_commune(page)


def test_the_demo_writes_them(commune, demo_profile_file):
    content = demo.load(demo_profile_file.parent / "demo.yaml")
    add_accessibility_documents(commune, content.accessibility)
    for page in PLAN_PAGES:
        assert written_by_the_commune(commune[page.id])
    assert "2026-2028" in commune[PLAN_PAGES[0].id].text.raw
