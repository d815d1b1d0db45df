"""The summary above a refused payment form counts its errors in French (no « erreur(s) »)."""

from .fake import pay

import html
import pytest
import re


@pytest.mark.parametrize(
    "answers,title",
    [
        ({"email": "jeanne@"}, "Le formulaire comporte 1 erreur :"),
        ({"reference": "", "amount": "", "email": ""}, "Le formulaire comporte 3 erreurs :"),
    ],
)
def test_the_error_summary_counts_in_french(form, payfip, answers, title):
    page = html.unescape(pay(form.absolute_url(), **answers).text)
    summary = re.search(r'id="erreurs".*?<h2[^>]*>(.*?)</h2>', page, re.S).group(1)
    assert " ".join(summary.split()) == title
