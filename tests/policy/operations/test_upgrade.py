"""mairie upgrade on communes of one application: steps, rollback, reconciliation.

Two communes carry the test-only add-on mairie.upgradetesting set back to its
baseline (1000, code at 1002): a re-import step, then a data migration.
"""

from AccessControl.SecurityManagement import newSecurityManager
from AccessControl.users import system
from contextlib import contextmanager
from mairie.policy.cli import main as cli
from mairie.policy.operations import upgrade
from mairie.upgradetesting import install_at_baseline
from mairie.upgradetesting import PROFILE
from mairie.upgradetesting import RECORD
from plone import api
from plone.base.utils import get_installer
from plone.registry.interfaces import IRegistry
from zope.component import getUtility
from zope.component.hooks import setSite

import pytest
import shutil
import transaction


@pytest.fixture
def app(upgrade_functional):
    """The application with two communes at the baseline, each with a news item to migrate."""
    app = upgrade_functional["app"]
    # As the command runs.
    newSecurityManager(None, system)
    app.manage_pasteObjects(app.manage_copyObjects(["plone"]))
    app.manage_renameObject("copy_of_plone", "commune-b")
    for slug in ("plone", "commune-b"):
        site = app[slug]
        setSite(site)
        install_at_baseline(site)
        item = api.content.create(site, "News Item", id="fete", title="Fête")
        item.legacy_subtitle = "Place de la mairie"
    setSite(None)
    transaction.commit()
    return app


def _version(app, slug, profile=PROFILE):
    return app[slug].portal_setup.getLastVersionForProfile(profile)


def _record(app, slug):
    return getUtility(IRegistry, context=app[slug]).records.get(RECORD)


def test_a_fresh_commune_has_nothing_pending(upgrade_functional):
    """What the code declares, a site installed by it has: nothing is taken for missing."""
    portal = upgrade_functional["portal"]
    newSecurityManager(None, system)
    for product in ("mairie.themes", "mairie.rdv", "mairie.payfip"):
        get_installer(portal).install_product(product)
    assert upgrade.mairie_profiles(portal.portal_setup) == [
        "mairie.policy:default",
        "mairie.payfip:default",
        "mairie.rdv:default",
        "mairie.themes:default",
    ]
    assert [cli.french(change.label) for change in upgrade.pending(portal)] == []
    assert upgrade.downgrades(portal) == []


def test_steps_run_in_order_and_migrate_the_data(app):
    result = upgrade.run(app, "plone")
    assert result.failure is None
    labels = [cli.french(label) for label in result.changes]
    assert labels == [
        "mairie.upgradetesting 1000 → 1001 : Salutation ajoutée aux réglages",
        "mairie.upgradetesting 1001 → 1002 : Sous-titre des actualités déplacé dans la description",
    ]
    assert _version(app, "plone") == ("1002",)
    # The re-import added the record; the migration moved the value, and indexed it.
    assert _record(app, "plone").value == "Bonjour"
    item = app["plone"]["fete"]
    assert item.description == "Place de la mairie"
    assert "legacy_subtitle" not in item.__dict__
    brain = app["plone"].portal_catalog.unrestrictedSearchResults(UID=item.UID())[0]
    assert brain.Description == "Place de la mairie"


def test_second_run_does_nothing(app):
    assert upgrade.run(app, "plone").changes
    again = upgrade.run(app, "plone")
    assert again.changes == [] and again.failure is None


def test_failing_step_rolls_back_its_commune_only(app):
    app["commune-b"].upgrade_breaks = True
    transaction.commit()
    broken = upgrade.run(app, "commune-b")
    fine = upgrade.run(app, "plone")
    assert broken.changes == []
    assert cli.french(broken.failure.change.label).startswith("mairie.upgradetesting 1001 → 1002")
    assert broken.failure.reason == "ValueError: sous-titre illisible"
    # Nothing of commune-b's upgrade stayed, not even the steps before the failing one.
    transaction.abort()
    assert _version(app, "commune-b") == ("1000",)
    assert _record(app, "commune-b") is None
    assert app["commune-b"]["fete"].legacy_subtitle == "Place de la mairie"
    assert app["commune-b"]["fete"].description == ""
    assert fine.failure is None and _version(app, "plone") == ("1002",)


def test_dry_run_lists_and_changes_nothing(app):
    result = upgrade.run(app, "plone", dry_run=True)
    labels = [cli.french(label) for label in result.changes]
    assert labels[0].startswith("mairie.upgradetesting 1000 → 1001")
    assert labels[-1] == f"réglages ajoutés : {RECORD}"
    transaction.abort()
    assert _version(app, "plone") == ("1000",)
    assert _record(app, "plone") is None


def test_newer_database_is_a_downgrade(app):
    app["plone"].portal_setup.setLastVersionForProfile(PROFILE, "1003")
    assert upgrade.downgrades(app["plone"]) == [
        upgrade.Downgrade("mairie.upgradetesting:default", "1003", "1002")
    ]
    assert upgrade.downgrades(app["commune-b"]) == []


def test_a_site_lacking_what_the_code_declares_gets_it(app):
    """A baseline site lacks records, indexes and types added since: the upgrade adds them."""
    site = app["plone"]
    registry = getUtility(IRegistry, context=site)
    registry["mairie.commune.name"] = "Saint-Aubin"
    del registry.records["mairie.commune.slogan"]
    site.portal_catalog.delIndex("act_year")
    site.portal_types.manage_delObjects(["mairie.Bulletin"])
    transaction.commit()
    labels = [cli.french(label) for label in upgrade.run(app, "plone").changes]
    assert "réglages ajoutés : mairie.commune.slogan" in labels
    assert "index du catalogue ajoutés : act_year" in labels
    assert "types de contenu ajoutés : mairie.Bulletin" in labels
    assert registry["mairie.commune.name"] == "Saint-Aubin"
    assert registry["mairie.commune.slogan"] == ""
    assert "act_year" in site.portal_catalog.indexes()
    assert "mairie.Bulletin" in site.portal_types.objectIds()
    assert upgrade.run(app, "plone").changes == []


def test_a_mail_queue_left_at_another_place_is_moved(app, tmp_path):
    """A database restored or moved elsewhere keeps the old queue path: mails would fail."""
    from mairie.policy import mailqueue

    mailhost = app["plone"].MailHost
    mailqueue.use_queue(mailhost, str(tmp_path / "gone"))
    shutil.rmtree(tmp_path / "gone")
    transaction.commit()
    labels = [cli.french(label) for label in upgrade.run(app, "plone").changes]
    wanted = mailqueue.directory(app["plone"])
    assert f"file de courriels déplacée de {tmp_path / 'gone'} (disparu) vers {wanted}" in labels
    assert mailhost.smtp_queue_directory == wanted
    # One that still exists may hold mails: left alone.
    mailqueue.use_queue(mailhost, str(tmp_path / "other"))
    transaction.commit()
    assert upgrade.run(app, "plone").changes == []


@pytest.fixture
def command(app, monkeypatch, capsys):
    """`mairie upgrade …` on that application, with its output."""

    @contextmanager
    def opened(args):
        yield app

    monkeypatch.setattr(cli, "_open", opened)

    def run(*argv):
        status = cli.main(["upgrade", *argv])
        out, err = capsys.readouterr()
        return status, out, err

    return run


def test_command_goes_on_after_a_failure_and_exits_1(app, command):
    app["commune-b"].upgrade_breaks = True
    transaction.commit()
    status, out, err = command()
    assert status == 1
    assert "[1/2] plone : mise à niveau faite (changements : 2, en " in out
    assert "  - mairie.upgradetesting 1001 → 1002 : Sous-titre" in out
    assert (
        "[2/2] commune-b : ÉCHEC à l'étape « mairie.upgradetesting 1001 → 1002 : Sous-titre des "
        "actualités déplacé dans la description » : ValueError: sous-titre illisible ; la commune "
        "reste telle qu'elle était"
    ) in err
    assert "communes : 2 ; mises à niveau : 1 ; en échec : 1 (commune-b)" in out
    status, out, err = command("commune-b")
    assert status == 1 and "ÉCHEC" in err


def test_command_second_run_says_nothing_to_do(app, command):
    assert command()[0] == 0
    status, out, _err = command()
    assert status == 0
    assert "[1/2] plone : à jour" in out
    assert "rien à faire : toutes les communes sont à jour (communes : 2," in out


def test_command_dry_run(app, command):
    status, out, _err = command("--dry-run", "plone")
    assert status == 0
    assert "[1/1] plone : à mettre à niveau (changements : 3)" in out
    assert "rien n'a été modifié (--dry-run)" in out
    transaction.abort()
    assert _version(app, "plone") == ("1000",)


def test_command_refuses_a_downgrade_and_touches_nothing(app, command):
    app["commune-b"].portal_setup.setLastVersionForProfile(PROFILE, "1003")
    transaction.commit()
    status, out, err = command()
    assert status == 2
    assert err.strip() == (
        "commune-b : mairie.upgradetesting:default est à la version 1003 dans la base mais 1002 "
        "dans ce code, plus ancien ; rien n'a été modifié (installez la version qui l'a écrite, "
        "ou restaurez une sauvegarde faite avec celle-ci)"
    )
    transaction.abort()
    assert _version(app, "plone") == ("1000",)


def test_command_unknown_commune(app, command):
    status, _out, err = command("nulle-part")
    assert status == 2
    assert "la commune « nulle-part » n'existe pas" in err
