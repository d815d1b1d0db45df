"""The vote in French words: 0 and 1 take the singular (« 1 abstention », « 1 voix »)."""

from mairie.policy.acts.act import vote_result
from types import SimpleNamespace
from zope.i18n import translate

import pytest


@pytest.mark.parametrize(
    "votes,french",
    [
        ((15, 4, 1), "Adoptée : 15 pour, 4 contre, 1 abstention"),
        ((15, 4, 0), "Adoptée : 15 pour, 4 contre, 0 abstention"),
        ((15, 4, 2), "Adoptée : 15 pour, 4 contre, 2 abstentions"),
        ((3, 12, 1), "Rejetée : 3 pour, 12 contre, 1 abstention"),
        ((20, 0, 0), "Adoptée à l'unanimité (20 voix)"),
    ],
)
def test_vote_result_in_french(integration, votes, french):
    cast_for, against, abstention = votes
    act = SimpleNamespace(vote_for=cast_for, vote_against=against, vote_abstention=abstention)
    assert translate(vote_result(act), target_language="fr") == french
