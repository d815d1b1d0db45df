"""mairie conformite, as the agency runs it on a real deployment (FileStorage with blobs)."""

from deployment import closed_port
from deployment import mairie
from deployment import write_zope_conf


def test_the_fleet_one_commune_and_check(tmp_path, agency_file, demo_profile_file):
    zope_conf = write_zope_conf(tmp_path)
    created = mairie(
        zope_conf,
        agency_file,
        "create",
        str(demo_profile_file),
        "--demo-content",
        str(demo_profile_file.parent / "demo.yaml"),
    )
    assert created.returncode == 0, created.stderr

    fleet = mairie(zope_conf, agency_file, "conformite")
    assert fleet.returncode == 0, fleet.stderr
    header, line = fleet.stdout.strip().splitlines()
    assert header == "commune | Rempli | Non rempli | À faire par la commune"
    slug, met, not_met, commune = line.split(" | ")
    assert slug == "saint-aubin-sur-loire"
    assert int(met) + int(not_met) + int(commune) == 11 and int(met) >= 8

    one = mairie(zope_conf, agency_file, "conformite", "saint-aubin-sur-loire", "--check")
    # Never crawled yet: the consent check is not met, so --check fails for supervision.
    assert one.returncode == 1, one.stderr
    lines = one.stdout.strip().splitlines()
    assert len(lines) == 11
    assert lines[0].startswith("Rempli – Mentions légales : Publiées")
    assert lines[0].endswith("(LCEN (loi 2004-575), art. 6 III)")
    assert any(
        line.startswith("Non rempli – Aucune requête tierce avant le consentement : Pas encore")
        for line in lines
    )
    assert any(line.startswith("À faire par la commune – HTTPS") for line in lines)
    # Read outside any web request too: the footer as the home page renders it.
    assert any(
        line.startswith("Rempli – Mention d'accessibilité sur chaque page") for line in lines
    )

    # The crawl: the command serves its own Zope to Chromium (the demo's FileStorage is
    # its own), and the consent check is then met; --check passes.
    crawled = mairie(
        zope_conf, agency_file, "conformite", "saint-aubin-sur-loire", "--crawl", "--check"
    )
    assert crawled.returncode == 0, crawled.stdout + crawled.stderr
    assert "Rempli – Aucune requête tierce avant le consentement : Le " in crawled.stdout, (
        crawled.stdout
    )

    # A site the browser cannot reach: said in French, nothing recorded.
    closed = f"http://localhost:{closed_port()}"
    crawl = mairie(
        zope_conf,
        agency_file,
        "conformite",
        "saint-aubin-sur-loire",
        "--crawl",
        "--base-url",
        closed,
    )
    assert crawl.returncode == 1
    assert f"la visite de {closed} dans Chromium a échoué" in crawl.stderr
    assert "Traceback" not in crawl.stderr

    unknown = mairie(zope_conf, agency_file, "conformite", "nulle-part")
    assert unknown.returncode == 2
    assert "il n'y a pas de commune « nulle-part »" in unknown.stderr
