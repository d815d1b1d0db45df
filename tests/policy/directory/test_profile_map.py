"""The map's tile layer in the commune profile: OpenStreetMap by default, checked by `mairie check`."""

from mairie.policy.commune.loader import load_profile
from mairie.policy.commune.loader import ProfileError
from mairie.policy.directory.tiles import OSM_ATTRIBUTION
from mairie.policy.directory.tiles import OSM_TILES
from mairie.policy.provisioning.demo import load as load_demo
from zope.i18n import translate

import pytest


def test_openstreetmap_by_default(demo_profile):
    assert demo_profile.map.tiles == OSM_TILES
    assert demo_profile.map.attribution == OSM_ATTRIBUTION


def test_another_tile_layer(write_profile, agency):
    def change(data):
        data["map"] = {
            "tiles": "https://{s}.tile.example.fr/plan/{z}/{x}/{y}.png",
            "attribution": "© IGN",
        }

    profile = load_profile(write_profile(change), agency)
    assert profile.map.tiles == "https://{s}.tile.example.fr/plan/{z}/{x}/{y}.png"
    assert profile.map.attribution == "© IGN"


@pytest.mark.parametrize(
    "tiles",
    [
        "http://tile.openstreetmap.org/{z}/{x}/{y}.png",  # not HTTPS
        "https://tile.openstreetmap.org/{z}/{x}.png",  # no {y}
        "https://tile.openstreetmap.org/carte.png",
        "tile.openstreetmap.org/{z}/{x}/{y}.png",
        'https://tile.example.fr/{z}/{x}/{y}.png"><script>',
    ],
)
def test_a_bad_tile_address_is_refused_with_a_clear_message(write_profile, agency, tiles):
    with pytest.raises(ProfileError) as raised:
        load_profile(write_profile(lambda data: data.update(map={"tiles": tiles})), agency)
    [problem] = raised.value.problems
    assert problem.field == "map.tiles"
    assert problem.message == "error_tile_url"
    assert tiles in translate(problem.message)


def test_an_empty_attribution_is_refused(write_profile, agency):
    with pytest.raises(ProfileError) as raised:
        load_profile(write_profile(lambda data: data.update(map={"attribution": ""})), agency)
    assert [problem.field for problem in raised.value.problems] == ["map.attribution"]


def test_demo_entries_need_both_coordinates(tmp_path):
    path = tmp_path / "demo.yaml"
    path.write_text(
        "directory:\n"
        "  - {title: Boulangerie, category: commerces, latitude: 47.39}\n"
        "  - {title: Piscine, category: piscine}\n",
        encoding="utf-8",
    )
    with pytest.raises(ProfileError) as raised:
        load_demo(path)
    problems = {problem.field: problem.message for problem in raised.value.problems}
    assert problems["directory[1]"] == "error_coordinates_pair"
    assert problems["directory[2].category"] == "error_choice"
