"""The legal and required pages of a new commune, as an anonymous visitor reads them."""

from mairie.policy.legal.accessibility import state_label


def test_legal_notice_names_the_mayor_and_the_host(served, fetch, text_of, agency):
    base = served()
    page = text_of(fetch(f"{base}/mentions-legales"))
    assert "Catherine Morvan" in page  # the mayor, director of publication
    host = agency.host
    assert (host.name, host.address, host.phone) == (
        "Agence numérique des territoires (démonstration)",
        "12 rue des Tanneurs, 49000 Angers",
        "02 41 00 00 00",
    )
    for fact in (host.name, host.address, host.phone, host.email):
        assert fact in page
    for fact in ("1 place de la Mairie, 49170 Saint-Aubin-sur-Loire", "02 41 77 12 34"):
        assert fact in page  # the commune's seat and phone
    assert "21499999700015" in page  # its SIRET


def test_accessibility_statement(served, fetch, text_of, fr):
    base = served()
    tree = fetch(f"{base}/accessibilite")
    page = text_of(tree)
    assert fr(state_label("partiellement")) in page
    assert "74 %" in page
    assert "5 octobre 2026" in page
    assert "Cabinet Accès pour tous" in page
    assert "article 47" in page and "2005-102" in page
    assert "(critère 13.3)" in page  # a known non-conformity
    assert "Firefox 128 et NVDA 2024.4 (Windows 11)" in page  # the test environment
    assert "Ma mairie – Horaires et coordonnées" in page  # a page tested
    assert "accessibilite@saint-aubin-sur-loire.example.fr" in page  # the feedback contact
    assert "Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07" in page
    links = [a.get("href") for a in tree.cssselect("#content-core a")]
    assert "https://formulaire.defenseurdesdroits.fr/" in links
    assert f"{base}/demarches/nous-contacter" in links  # resolved from its resolveuid link
    # Real headings, in order: the page title, then sections.
    headings = [h.tag for h in tree.cssselect("#content h1, #content h2, #content h3")]
    assert headings[0] == "h1" and headings[1] == "h2"


def test_accessibility_statement_after_the_dinum_model(served, fetch, text_of):
    """Issue 20: the title, the strategy's three documents, the test results in detail
    with the audit's report and grid, each non-conformity's alternative, the pages
    audited with their addresses."""
    base = served()
    tree = fetch(f"{base}/accessibilite")
    assert text_of(tree, "#content h1") == "Déclaration d'accessibilité"
    page = text_of(tree)
    links = {
        " ".join(a.text_content().split()): a.get("href") for a in tree.cssselect("#content-core a")
    }
    for text, path, title in (
        (
            "schéma pluriannuel de mise en accessibilité",
            "schema-pluriannuel-accessibilite",
            "Schéma pluriannuel de mise en accessibilité",
        ),
        (
            "plan d'actions de l'année",
            "plan-actions-accessibilite",
            "Plan d'actions d'accessibilité de l'année",
        ),
        (
            "bilan des actions de l'année passée",
            "bilan-actions-accessibilite",
            "Bilan des actions d'accessibilité de l'année passée",
        ),
    ):
        assert links[text] == f"{base}/{path}"
        linked = fetch(links[text])  # published, for every visitor
        assert text_of(linked, "#content h1") == title
    assert "critères respectés : 37 ; critères non respectés : 13 ;" in page
    assert "critères non applicables au site : 56." in page
    assert (
        links["Rapport d'audit"]
        == "https://audits.example.fr/saint-aubin-sur-loire/rapport-2026.pdf"
    )
    assert links["Grille d'audit (critère par critère)"].endswith("/grille-2026.ods")
    assert (
        "La carte de l'annuaire n'est pas utilisable au clavier (critère 7.3). Alternative "
        "accessible : La liste des fiches de l'annuaire" in page
    )
    home = "https://www.saint-aubin-sur-loire.example.fr/"
    assert f"Accueil : {home}" in page
    assert links[f"{home}ma-mairie/horaires-et-contact"]


def test_personal_data_page(served, fetch, text_of):
    base = served()
    tree = fetch(f"{base}/donnees-personnelles")
    page = text_of(tree)
    assert "Saint-Aubin-sur-Loire" in page and "Catherine Morvan" in page  # the controller
    assert "1 place de la Mairie, 49170 Saint-Aubin-sur-Loire" in page
    assert "Syndicat mixte Anjou Données" in page  # the DPO
    assert "dpo@anjou-donnees.example.fr" in page
    assert "CNIL, 3 place de Fontenoy, TSA 80715, 75334 Paris CEDEX 07" in page
    links = [a.get("href") for a in tree.cssselect("#content-core a")]
    assert f"{base}/demarches/donnees-personnelles" in links  # the form to exercise one's rights
    assert "https://www.cnil.fr/fr/plaintes" in links


def test_contact_procurement_and_navigation(served, fetch, text_of):
    base = served()
    tree = fetch(f"{base}/contact")
    page = text_of(tree)
    assert "02 41 77 12 34" in page and "mairie@saint-aubin-sur-loire.example.fr" in page
    assert f"{base}/ma-mairie/horaires-et-contact" in [
        a.get("href") for a in tree.cssselect("#content-core a")
    ]
    sections = [a.get("href") for a in fetch(base).cssselect("#portal-globalnav > li > a")]
    assert sections[-1] == f"{base}/contact"
    assert f"{base}/mentions-legales" not in sections
    procurement = fetch(f"{base}/ma-mairie/marches-publics")
    assert "https://marches.example.fr/saint-aubin-sur-loire" in [
        a.get("href") for a in procurement.cssselect("#content-core a")
    ]
