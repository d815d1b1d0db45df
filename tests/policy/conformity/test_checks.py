"""« Conformité de la commune »: each check fails and passes on a real commune."""

from freezegun import freeze_time
from mairie.policy.conformity import checks
from mairie.policy.conformity.checks import COMMUNE
from mairie.policy.conformity.checks import MET
from mairie.policy.conformity.checks import NOT_MET
from mairie.policy.conformity.checks import record_crawl
from mairie.policy.legal.plans import ensure_plan_pages
from mairie.policy.legal.plans import PLAN_PAGES
from mairie.policy.provisioning import demo
from mairie.policy.provisioning import site as provisioning
from mairie.policy.sve.agents import sve_action
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.textfield.value import RichTextValue
from plone.app.viewletmanager.interfaces import IViewletSettingsStorage
from plone.testing.zope import login
from zope.component import getUtility
from zope.component.hooks import setSite
from zope.i18n import translate

import pytest
import re


TODAY = "2026-12-04 10:00:00"  # UTC; the demo's audit is of 5 October 2026


@pytest.fixture
def commune(app, demo_profile, agency, demo_profile_file):
    """The demo commune with its demo content, as `make start` makes it."""
    login(app.acl_users, SITE_OWNER_NAME)
    with freeze_time(TODAY):
        site = provisioning.create(
            app, demo_profile, agency, demo=demo.load(demo_profile_file.parent / "demo.yaml")
        )
    yield site
    setSite(None)


def status(site, check):
    with freeze_time(TODAY):
        result = check(site)
    return result.status, translate(result.message, target_language="fr")


def test_the_demo_commune_meets_all_but_what_it_must_do_itself(commune):
    record_crawl(commune, ["http://localhost/saint-aubin-sur-loire"], [])
    with freeze_time(TODAY):
        results = {result.id: result for result in checks.run(commune)}
    assert {id: result.status for id, result in results.items()} == {
        "legal_notice": MET,
        "accessibility_statement": MET,
        "accessibility_mention": MET,
        "accessibility_plans": MET,
        "dpo": MET,
        "consent": MET,
        "online_requests": MET,
        "acts": MET,
        "council": MET,
        "open_data": MET,
        # The demo's domain (example.fr) points nowhere: pointing it is the commune's part.
        "https": COMMUNE,
    }
    for result in results.values():
        assert result.reference
        assert translate(result.message, target_language="fr") != result.message.default


def test_legal_notice(commune):
    page = commune["mentions-legales"]
    page.text = RichTextValue(page.text.raw.replace("Agence numérique", "Agence"), "text/html")
    state, message = status(commune, checks.legal_notice)
    assert state == NOT_MET and "le nom de l'hébergeur" in message
    api.content.transition(obj=page, transition="retract")
    assert status(commune, checks.legal_notice)[0] == NOT_MET


def test_accessibility_statement(commune):
    registry = commune.portal_registry
    with freeze_time("2027-10-06"):
        assert checks.accessibility_statement(commune).status == COMMUNE  # a year old
    registry["mairie.commune.accessibility_audit_date"] = None
    state, message = status(commune, checks.accessibility_statement)
    assert state == COMMUNE and "audit" in message
    api.content.transition(obj=commune["accessibilite"], transition="retract")
    assert status(commune, checks.accessibility_statement)[0] == NOT_MET


def test_accessibility_mention(commune):
    storage = getUtility(IViewletSettingsStorage)
    skin = commune.portal_skins.getDefaultSkin()
    hidden = storage.getHidden("plone.portalfooter", skin)
    storage.setHidden("plone.portalfooter", skin, (*hidden, "mairie.footer"))
    state, message = status(commune, checks.accessibility_mention)
    assert state == NOT_MET and "Accessibilité : partiellement conforme" in message


def test_accessibility_plans(commune):
    commune.manage_delObjects([PLAN_PAGES[1].id])
    ensure_plan_pages(commune)  # back with its waiting text, as a commune of 1.0 has it
    state, message = status(commune, checks.accessibility_plans)
    assert state == COMMUNE and "Plan d'actions d'accessibilité de l'année" in message
    api.content.transition(obj=commune[PLAN_PAGES[0].id], transition="retract")
    assert status(commune, checks.accessibility_plans)[0] == NOT_MET


def test_data_protection_officer(commune):
    registry = commune.portal_registry
    registry["mairie.commune.dpo_email"] = "autre@example.fr"
    assert status(commune, checks.data_protection_officer)[0] == NOT_MET
    registry["mairie.commune.dpo_name"] = ""
    state, message = status(commune, checks.data_protection_officer)
    assert state == NOT_MET and "dpo:" in message


def test_consent_reads_the_last_crawl(commune):
    state, message = status(commune, checks.consent)
    assert state == NOT_MET and "mairie conformite --crawl" in message
    record_crawl(commune, ["http://localhost/"], ["https://www.youtube.com/embed/x"])
    state, message = status(commune, checks.consent)
    assert state == NOT_MET and "youtube" in message
    # The day of the visit in French words, not « 2026-12-04 11:00 ».
    assert message.startswith("Le 4 décembre 2026, ")
    record_crawl(commune, ["http://localhost/"], [])
    state, message = status(commune, checks.consent)
    assert state == MET and message.startswith("Le 4 décembre 2026, ")


def test_online_requests(commune):
    form = commune["demarches"]["nous-contacter"]
    form.actions_model = re.sub(
        r"<service_phone>.*?</service_phone>", "", form.actions_model, flags=re.S
    )
    assert not sve_action(form).service_phone
    state, message = status(commune, checks.online_requests)
    assert state == NOT_MET and "Nous contacter" in message
    # The action switched off (EasyForm's « enabled »): no form takes requests.
    form.actions_model = form.actions_model.replace(
        "<title>", "<required>False</required><title>", 1
    )
    state, message = status(commune, checks.online_requests)
    assert state == NOT_MET and "formulaire général" in message


def test_published_acts(commune):
    act = api.content.find(context=commune, portal_type="mairie.Act")[0].getObject()
    act.sha256 = "0" * 64  # the file no longer matches its published fingerprint
    state, message = status(commune, checks.published_acts)
    assert state == NOT_MET and act.number in message


def test_council_publicity(commune):
    # Sessions held once the register was online: the demo's acts were all put online
    # when the site was made, weeks after their sessions.
    register = commune.unrestrictedTraverse("vie-municipale/actes")
    register.creation_date = register.creation_date - 365
    state, message = status(commune, checks.council_publicity)
    assert state == NOT_MET and "2026-10-15" in message


def test_open_data(commune):
    acts = [
        brain.getObject() for brain in api.content.find(context=commune, portal_type="mairie.Act")
    ]
    deliberation = next(act for act in acts if act.nature == "deliberation")
    deliberation.subject_subcode = ""  # « 7 » alone is no ACTES code of the schema
    state, message = status(commune, checks.open_data)
    assert state == NOT_MET and f"{deliberation.number}: DELIB_MATIERE_CODE" in message
    commune.portal_registry["mairie.commune.siret"] = "21490277000004"
    assert "COLL_SIRET" in status(commune, checks.open_data)[1]


@pytest.fixture
def tls_server(tmp_path):
    """An HTTPS server on localhost with a certificate of its own (not a public one)."""
    from pytest_httpserver import HTTPServer

    import ssl
    import subprocess

    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2"]
        + ["-keyout", str(key), "-out", str(cert), "-subj", "/CN=localhost"]
        + ["-addext", "subjectAltName=DNS:localhost"],
        check=True,
        capture_output=True,
    )
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server = HTTPServer(host="localhost", ssl_context=context)
    server.expect_request("/").respond_with_data("ok")
    server.start()
    yield server, cert
    server.clear()
    server.stop()


def test_https(commune, tls_server, monkeypatch):
    registry = commune.portal_registry
    registry["mairie.commune.final_domain"] = ""
    state, message = status(commune, checks.https)
    assert state == NOT_MET and "mairie domain" in message
    server, cert = tls_server
    registry["mairie.commune.final_domain"] = f"localhost:{server.port}"
    state, message = status(commune, checks.https)
    assert state == NOT_MET and "sans certificat valide" in message
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(cert))  # as if a public authority signed it
    state, message = status(commune, checks.https)
    assert state == MET and f"https://localhost:{server.port}/" in message
