"""The WCAG 2.1 contrast rule, and the commune profile refusing an unreadable palette."""

from mairie.policy.commune.loader import load_profile
from mairie.policy.commune.loader import ProfileError
from mairie.themes.contrast import contrast_error
from mairie.themes.contrast import contrast_ratio
from mairie.themes.contrast import french_ratio

import pytest


def test_ratio_follows_wcag_21():
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21)
    assert contrast_ratio("#ffffff", "#ffffff") == pytest.approx(1)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)
    assert contrast_ratio("#fff", "#000") == pytest.approx(21)


def test_ratio_in_french_never_rounds_up_to_the_minimum():
    assert french_ratio(4.48) == "4,4:1"
    assert french_ratio(4.5) == "4,5:1"
    assert french_ratio(2.93) == "2,9:1"


def test_error_message_gives_the_ratio():
    assert contrast_error("#1f4e79") is None
    assert contrast_error("#767676") is None
    error = contrast_error("#7fa7d0")
    assert error.mapping == {"ratio": "2,5:1", "minimum": "4,5:1"}
    assert error.default == "Insufficient contrast: ${ratio}, at least ${minimum} is needed"


@pytest.mark.parametrize("field", ["primary", "secondary", "footer_background"])
def test_profile_with_an_unreadable_colour_is_refused(write_profile, agency, field):
    def pale(data):
        data["identity"]["palette"][field] = "#7fa7d0"

    with pytest.raises(ProfileError) as raised:
        load_profile(write_profile(pale), agency)
    [problem] = raised.value.problems
    assert problem.field == f"identity.palette.{field}"
    assert problem.message.mapping["ratio"] == "2,5:1"
    assert problem.message.mapping["minimum"] == "4,5:1"
    assert "${ratio}" in problem.message.default


def test_demo_palette_passes(demo_profile):
    palette = demo_profile.identity.palette
    for colour in (palette.primary, palette.secondary, palette.footer_background):
        assert contrast_error(colour) is None
