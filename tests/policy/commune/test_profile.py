"""The commune profile: what is accepted, and what each mistake says."""

from mairie.policy.cli.french import french
from mairie.policy.commune.loader import load_agency
from mairie.policy.commune.loader import load_profile
from mairie.policy.commune.loader import ProfileError
from stdnum.fr import siret as stdnum_siret

import pytest


def problems(path, agency):
    with pytest.raises(ProfileError) as raised:
        load_profile(path, agency)
    return [(problem.field, french(problem.message)) for problem in raised.value.problems]


def test_demo_profile_is_valid(demo_profile):
    assert demo_profile.commune.slug == "saint-aubin-sur-loire"
    assert demo_profile.site_title == "Mairie de Saint-Aubin-sur-Loire"
    assert demo_profile.mairie.phone == "02 41 77 12 34"
    assert [deputy.rank for deputy in demo_profile.council.deputies] == [1, 2, 3, 4, 5]
    assert demo_profile.commune.modules == ["payfip", "rdv"]


def test_values_are_normalised(write_profile, agency):
    def change(data):
        data["mairie"]["phone"] = "+33 2.41.77.12.34"
        data["mairie"]["opening_hours"] = {
            "samedi": ["9h00-12h00"],
            "lundi": ["14:00-17:00", "8:30-12:00"],
        }
        data["council"]["deputies"].reverse()

    profile = load_profile(write_profile(change), agency)
    assert profile.mairie.phone == "02 41 77 12 34"
    assert profile.mairie.opening_hours == {
        "lundi": ["08:30-12:00", "14:00-17:00"],
        "samedi": ["09:00-12:00"],
    }
    assert [deputy.rank for deputy in profile.council.deputies] == [1, 2, 3, 4, 5]


@pytest.mark.parametrize(
    "name,plan,title",
    [
        ("Saint-Aubin", "ma-commune", "Mairie de Saint-Aubin"),
        ("Angers", "ma-ville", "Ville d'Angers"),
        ("Le Mans", "ma-ville", "Ville du Mans"),
        ("Les Sables-d'Olonne", "ma-commune", "Mairie des Sables-d'Olonne"),
        ("La Rochelle", "ma-ville", "Ville de La Rochelle"),
        ("Évreux", "mon-village", "Mairie d'Évreux"),
        ("Hyères", "ma-commune", "Mairie d'Hyères"),
    ],
)
def test_site_title(write_profile, agency, name, plan, title):
    def change(data):
        data["commune"].update(name=name, plan=plan)

    assert load_profile(write_profile(change), agency).site_title == title


@pytest.mark.parametrize(
    "name,section",
    [
        ("Saint-Aubin", "Vivre à Saint-Aubin"),
        ("Le Mans", "Vivre au Mans"),
        ("Les Herbiers", "Vivre aux Herbiers"),
        ("La Rochelle", "Vivre à La Rochelle"),
    ],
)
def test_living_in(write_profile, agency, name, section):
    def change(data):
        data["commune"]["name"] = name

    assert load_profile(write_profile(change), agency).living_in == section


@pytest.mark.parametrize("code", ["49277", "2A004", "2B033", "97411"])
def test_insee_codes_accepted(write_profile, agency, code):
    def change(data):
        data["commune"]["insee"] = code

    assert load_profile(write_profile(change), agency).commune.insee == code


@pytest.mark.parametrize(
    "siret",
    [
        "21499999700015",  # the demo's: SIREN 214999997 and SIRET both pass Luhn
        "214 999 997 00015",
        "35600000000048",  # La Poste's head office: Luhn
        "35600000000010",  # a La Poste establishment: digits sum to a multiple of 5
    ],
)
def test_sirets_accepted(write_profile, agency, siret):
    def change(data):
        data["commune"]["siret"] = siret

    assert load_profile(write_profile(change), agency).commune.siret == siret.replace(" ", "")
    assert stdnum_siret.is_valid(siret)  # Validata's SIRET check agrees


@pytest.mark.parametrize(
    "siret",
    [
        "21490277000004",  # the 14 digits pass Luhn, the SIREN 214902770 does not
        "21499999700016",  # the SIREN passes, the 14 digits do not
        "35600000000011",  # La Poste: neither Luhn nor a digit sum multiple of 5
    ],
)
def test_sirets_refused(write_profile, agency, siret):
    def change(data):
        data["commune"]["siret"] = siret

    [(field, message)] = problems(write_profile(change), agency)
    assert field == "commune.siret"
    assert "SIREN" in message and siret in message
    assert not stdnum_siret.is_valid(siret)


def test_agency_host_siret_checked_too(tmp_path, agency_file):
    text = agency_file.read_text(encoding="utf-8").replace("42312345400013", "42312345600000")
    path = tmp_path / "agency.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ProfileError) as raised:
        load_agency(path)
    [problem] = raised.value.problems
    assert problem.field == "host.siret"


@pytest.mark.parametrize("code", ["4927", "492777", "2C123", "AB123", "49 27"])
def test_insee_codes_refused(write_profile, agency, code):
    def change(data):
        data["commune"]["insee"] = code

    [(field, message)] = problems(write_profile(change), agency)
    assert field == "commune.insee"
    assert "code INSEE" in message and "5 caractères" in message and code in message


@pytest.mark.parametrize(
    "change,field,words",
    [
        (
            lambda d: d["commune"].update(template="rose"),
            "commune.template",
            ["modèles", "bocage", "rose"],
        ),
        (lambda d: d["commune"].update(plan="or"), "commune.plan", ["ma-commune", "or"]),
        (lambda d: d["commune"].update(modules=["chat"]), "commune.modules", ["rdv", "chat"]),
        (lambda d: d["commune"].update(siret="21490277000005"), "commune.siret", ["SIRET"]),
        (
            lambda d: d["commune"].update(population="beaucoup"),
            "commune.population",
            ["nombre entier"],
        ),
        (lambda d: d["commune"].pop("name"), "commune.name", ["obligatoire"]),
        (lambda d: d["commune"].update(slug="Saint Aubin"), "commune.slug", ["minuscules"]),
        (
            lambda d: d["emails"].update(noreply="mairie-at-example.fr"),
            "emails.noreply",
            ["adresse électronique"],
        ),
        (
            lambda d: d["links"].update(buyer_profile="marches.example.fr"),
            "links.buyer_profile",
            ["https://"],
        ),
        (lambda d: d["social"].update(facebook="ftp://x.fr"), "social.facebook", ["https://"]),
        (
            lambda d: d["social"].update(myspace="https://myspace.com/x"),
            "social.myspace",
            ["facebook"],
        ),
        (
            lambda d: d["identity"]["palette"].update(primary="bleu"),
            "identity.palette.primary",
            ["#rrggbb"],
        ),
        (lambda d: d["mairie"].update(phone="12 34"), "mairie.phone", ["téléphone"]),
        (
            lambda d: d["mairie"]["opening_hours"].update(lundi=["12:00-08:00"]),
            "mairie.opening_hours.lundi[1]",
            ["12:00-08:00"],
        ),
        (
            lambda d: d["mairie"]["opening_hours"].update(mardi=["08:00-12:00", "11:00-14:00"]),
            "mairie.opening_hours",
            ["mardi"],
        ),
        (lambda d: d["council"]["deputies"][0].update(rank=9), "council", ["1, 2, 3"]),
        (
            lambda d: d["security"].update(admin_ip_allowlist=["300.1.2.3"]),
            "security.admin_ip_allowlist[1]",
            ["IP"],
        ),
        (
            lambda d: d["domains"].update(final="pas un domaine"),
            "domains.final",
            ["nom de domaine"],
        ),
        (lambda d: d.update(typo=1), "typo", ["inconnu"]),
    ],
)
def test_each_mistake_is_named_in_french(write_profile, agency, change, field, words):
    [(found_field, message)] = problems(write_profile(change), agency)
    assert found_field == field
    for word in words:
        assert word in message


def test_image_that_is_not_an_image(write_profile, agency, agency_file, tmp_path):
    fake = tmp_path / "logo.png"
    fake.write_bytes(b"GIF89a? not really")

    def change(data):
        data["identity"]["logo"] = str(fake)
        data["identity"]["header_images"].append(str(agency_file))

    found = problems(write_profile(change), agency)
    assert [field for field, _message in found] == ["identity.logo", "identity.header_images[3]"]
    assert all("n'est pas une image" in message for _field, message in found)


def test_svg_must_be_svg(write_profile, agency, tmp_path):
    fake = tmp_path / "blason.svg"
    fake.write_text("<html><body>not svg</body></html>")

    def change(data):
        data["identity"]["coat_of_arms"] = str(fake)

    assert [field for field, _m in problems(write_profile(change), agency)] == [
        "identity.coat_of_arms"
    ]


def test_documents_must_be_pdf_and_exist(write_profile, agency, agency_file):
    def change(data):
        data["documents"]["bulletins"][0]["file"] = str(agency_file)
        data["documents"]["council"][1]["file"] = "/nowhere/compte-rendu.pdf"

    found = dict(problems(write_profile(change), agency))
    assert "PDF" in found["documents.bulletins[1].file"]
    assert "introuvable" in found["documents.council[2].file"]


def test_every_problem_is_reported_at_once(write_profile, agency):
    def change(data):
        data["commune"].update(insee="1", template="rose")
        data["emails"]["contact"] = "nope"

    fields = [field for field, _message in problems(write_profile(change), agency)]
    assert fields == ["commune.insee", "commune.template", "emails.contact"]


@pytest.mark.parametrize(
    "content,words",
    [
        (None, ["introuvable"]),
        ("commune: [unclosed\n", ["YAML", "ligne 2"]),
        ("- a list\n- not fields\n", ["champs"]),
        ("", ["champs"]),
        (b"\xff\xfe\x00bad", ["UTF-8"]),
    ],
)
def test_unreadable_files(tmp_path, agency, content, words):
    path = tmp_path / "commune.yaml"
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif content is not None:
        path.write_text(content)
    [(field, message)] = problems(path, agency)
    assert field == ""
    for word in words:
        assert word in message


def test_agency_file_is_validated(tmp_path, agency_file):
    path = tmp_path / "agency.yaml"
    path.write_text(
        agency_file.read_text(encoding="utf-8").replace(
            "communes.agence.example.fr", "pas_un_domaine"
        )
    )
    with pytest.raises(ProfileError) as raised:
        load_agency(path)
    [problem] = raised.value.problems
    assert problem.field == "domain"


def test_mairie_coordinates_stored(demo_profile, agency):
    from mairie.policy.provisioning.settings import commune_values

    values = commune_values(demo_profile, agency)
    assert (values["address_latitude"], values["address_longitude"]) == (47.3925, -0.742)


def test_mairie_coordinates_come_in_pairs(write_profile, agency):
    def change(data):
        del data["mairie"]["address"]["longitude"]

    [(field, message)] = problems(write_profile(change), agency)
    assert field == "mairie.address"
    assert "latitude" in message and "longitude" in message


def test_appointments_need_the_mairies_coordinates(write_profile, agency):
    """The ANTS's search engine drops a meeting point without coordinates."""

    def change(data):
        del data["mairie"]["address"]["latitude"]
        del data["mairie"]["address"]["longitude"]

    [(field, message)] = problems(write_profile(change), agency)
    assert field == "mairie"
    assert "module rdv" in message and "ANTS" in message

    def without_rdv(data):
        change(data)
        data["commune"]["modules"] = ["payfip"]

    assert load_profile(write_profile(without_rdv), agency).mairie.address.latitude is None
