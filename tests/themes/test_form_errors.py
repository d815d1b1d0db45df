"""The three citizens' forms show their errors one way, in Chromium.

The contact form (EasyForm), the booking form and the payment form, sent
empty: a summary at the top that has the focus, « Le formulaire comporte
N erreurs : », a link to each field in error; under the field its message,
the field marked invalid and pointing to it (RGAA 11.10, 11.11); a link moves
the focus to its field. Screenshots at 375 and 1280 px in
var/screenshots/form-errors/ for a person to look at.
"""

from .pages import PUBLIC
from browser import choose_cookies
from lxml import html

import pytest
import re


pytestmark = pytest.mark.browser

SCREENSHOTS = "var/screenshots/form-errors"
# How each form is reached and sent: its page, the link to follow there, its form.
FORMS = {
    "contact": (PUBLIC["contact-form"], None, "#form"),
    "booking": (PUBLIC["booking-slots"], ".mairie-rdv-slots a", "#content form[method=post]"),
    "payment": (PUBLIC["payment-form"], None, "#content form"),
}
# What the page shows, read in the browser.
SHOWN = r"""() => {
  const summary = document.getElementById("erreurs");
  if (!summary) return null;
  const links = [...summary.querySelectorAll("li a")].map((link) => {
    const field = document.getElementById(link.getAttribute("href").slice(1));
    const described = (field && field.getAttribute("aria-describedby") || "").split(" ");
    const message = described.map((id) => document.getElementById(id))
      .find((e) => e && e.classList.contains("mairie-field-error"));
    return {
      target: link.getAttribute("href"),
      field: field ? field.tagName.toLowerCase() : null,
      invalid: field ? field.getAttribute("aria-invalid") : null,
      message: message ? message.textContent.trim() : null,
    };
  });
  return {
    classes: summary.className,
    role: summary.getAttribute("role"),
    focused: document.activeElement === summary,
    title: summary.querySelector("h2").textContent.trim(),
    items: summary.querySelectorAll("li").length,
    links,
  };
}"""


def _send_empty(page, url, follow, form):
    assert page.goto(url).ok
    if follow:
        href = html.fromstring(page.content()).cssselect(follow)[0].get("href")
        assert page.goto(href).ok
    # Past the browser's own checks (required fields): the server's answer is tested.
    page.eval_on_selector(form, "form => { form.noValidate = true; }")
    with page.expect_navigation():
        page.locator(f"{form} [type=submit]").first.click()
    page.wait_for_load_state("load")


@pytest.mark.parametrize("name", FORMS)
def test_a_form_sent_wrong_shows_its_errors_as_the_others_do(
    demo_commune, page, pytestconfig, name
):
    path, follow, form = FORMS[name]
    url = f"{demo_commune['url']}/{path}"
    choose_cookies(page, url)
    page.set_viewport_size({"width": 1280, "height": 800})
    _send_empty(page, url, follow, form)
    shown = page.evaluate(SHOWN)
    assert shown is not None, f"{name}: no error summary (#erreurs)"
    assert shown["classes"] == "mairie-form-errors"
    assert shown["role"] == "alert"
    assert shown["focused"], f"{name}: the summary does not have the focus"
    count = shown["items"]
    assert count >= 2
    assert shown["title"] == f"Le formulaire comporte {count} erreurs :"
    assert len(shown["links"]) == count, f"{name}: an error without a link to its field"
    for link in shown["links"]:
        assert link["field"] in ("input", "textarea", "select"), link
        assert link["invalid"] == "true", link
        assert link["message"], f"{name}: {link['target']} has no message pointed to"

    folder = pytestconfig.rootpath / SCREENSHOTS
    folder.mkdir(parents=True, exist_ok=True)
    for width in (375, 1280):
        page.set_viewport_size({"width": width, "height": 812 if width == 375 else 800})
        page.evaluate("() => window.scrollTo(0, 0)")
        page.screenshot(path=folder / f"{name}-{width}.png", full_page=True)

    for link in shown["links"]:
        page.click(f"#erreurs a[href='{link['target']}']")
        focused = page.evaluate("() => '#' + document.activeElement.id")
        assert focused == link["target"], f"{name}: the link did not move the focus to its field"


def test_one_error_is_counted_in_the_singular(demo_commune, page):
    url = f"{demo_commune['url']}/{PUBLIC['payment-form']}"
    choose_cookies(page, url)
    assert page.goto(url).ok
    page.fill("#payfip-reference", "CANT2026000123")
    page.fill("#payfip-amount", "12,50")
    page.fill("#payfip-email", "jeanne@")
    page.eval_on_selector("#content form", "form => { form.noValidate = true; }")
    with page.expect_navigation():
        page.click("#content form [type=submit]")
    title = page.locator("#erreurs h2").inner_text()
    assert re.sub(r"\s+", " ", title) == "Le formulaire comporte 1 erreur :"
    assert page.get_attribute("#payfip-email", "aria-describedby") == (
        "payfip-email-help payfip-email-erreur"
    )
