"""Password rules, the date of each change, the maximum age and the change notice.

zxcvbn estimates how many guesses a password needs, with the commune's name and
the person's names as words an attacker would try first; its score 3 means about
10^8 guesses, out of reach of an online attack slowed down by the lockout.
"""

from .mails import mail_owner
from .settings import ADMIN_ROLES
from .settings import settings
from datetime import datetime
from datetime import timedelta
from datetime import UTC
from mairie.policy import _
from mairie.policy.acts.dates import long_date
from mairie.policy.acts.dates import now as paris_now
from mairie.policy.hours.schedule import french_time
from plone import api
from zxcvbn import zxcvbn

import json
import re


MAX_LENGTH = 1000  # a passphrase, not a file: bounds the hashing work of one login
ESTIMATED_PREFIX = 72  # zxcvbn refuses longer input; what follows only adds strength
FORM_LOGINS = ("form.widgets.username", "form.widgets.email", "userid", "login", "__ac_name")
FORM_INPUTS = ("form.widgets.fullname",)
REST_LOGINS = ("username", "email")  # plone.restapi's POST @users
REST_INPUTS = ("fullname",)
JSON = "application/json"
WORD = re.compile(r"[^\W\d_]{3,}")
OWN_CHARACTERS = 8  # what must be left once the names are taken out


def problem(password, logins=(), inputs=()):
    """Why ``password`` is refused (a message to translate), or None."""
    rules = settings()
    if len(password) < rules.password_min_length:
        return _(
            "password_too_short",
            default="Your password has ${length} characters: it needs at least ${minimum}. "
            "A sentence of several unrelated words is long, easy to remember and hard to guess.",
            mapping={"length": len(password), "minimum": rules.password_min_length},
        )
    if len(password) > MAX_LENGTH:
        return _(
            "password_too_long",
            default="Your password has ${length} characters: ${maximum} at most.",
            mapping={"length": len(password), "maximum": MAX_LENGTH},
        )
    lowered = password.casefold()
    if any(lowered == login.casefold() for login in logins if login):
        return _(
            "password_is_login",
            default="Your password must not be your login. Choose a sentence of several "
            "unrelated words instead.",
        )
    words = _words(list(logins) + list(inputs) + [_commune_name()])
    rest = lowered
    for word in sorted(words, key=len, reverse=True):
        rest = rest.replace(word, "")
    if len(rest) < OWN_CHARACTERS:
        return _(
            "password_personal",
            default="Your password rests on your name, your login or the commune's name, "
            "which are tried first. Add unrelated words of your own.",
        )
    score = zxcvbn(password[:ESTIMATED_PREFIX], user_inputs=sorted(words))["score"]
    if score < rules.password_min_score:
        return _(
            "password_guessable",
            default="This password is too easy to guess (common words, dates, keyboard "
            "sequences or repetitions). Make it longer with unrelated words, for example "
            "a short sentence only you would write.",
        )
    return None


def rules_summary():
    """What the forms show before anyone types (Plone asks with an empty password)."""
    return _(
        "password_rules",
        default="At least ${minimum} characters; not your login, name or the commune's name; "
        "a sentence of several unrelated words is best.",
        mapping={"minimum": settings().password_min_length},
    )


def request_context(request, user=None):
    """The logins and names a password must not rest on.

    Those the request gives (a web form's fields, or plone.restapi's JSON body
    when it creates an account), the logged-in member's, and the account's own
    when PAS names it (``user``: every change of a password, events.py).
    """
    form = getattr(request, "form", {}) or {}
    body = _json_object(request)
    logins = _strings(form, FORM_LOGINS) + _strings(body, REST_LOGINS)
    inputs = _strings(form, FORM_INPUTS) + _strings(body, REST_INPUTS)
    member = None if api.user.is_anonymous() else api.user.get_current()
    userid = form.get("userid")
    if member is None and isinstance(userid, str) and userid:
        member = api.user.get(userid=userid)
    for account in (member, user):
        if account is not None:
            logins += [account.getUserName(), account.getId()]
            inputs += [account.getProperty("fullname", ""), account.getProperty("email", "")]
    return logins, inputs


def _strings(mapping, keys):
    return [mapping[key] for key in keys if isinstance(mapping.get(key), str)]


def _json_object(request) -> dict:
    """A JSON object sent as the request's body (plone.restapi's), else nothing."""
    if request is None or not request.getHeader("Content-Type", "").startswith(JSON):
        return {}
    try:
        body = json.loads(request.get("BODY") or "{}")
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}


def _words(values):
    words = set()
    for value in values:
        if value:
            words.update(word.casefold() for word in WORD.findall(value))
    return words


def _commune_name():
    return (
        api.portal.get_registry_record("mairie.commune.name", default="")
        or api.portal.get().Title()
    )


def max_age(user) -> int:
    """The maximum age, in days, of ``user``'s password (0: it does not expire)."""
    rules = settings()
    if set(user.getRoles()) & set(ADMIN_ROLES):
        return rules.password_max_age_admins
    return rules.password_max_age_others


def expired(store, user, now=None) -> bool:
    days = max_age(user)
    if not days:
        return False
    changed = store.password_changed(user.getId())
    now = now or datetime.now(UTC)
    return now - changed >= timedelta(days=days)


def notify_change(user) -> None:
    """Tell the account's owner, once the change is committed, that the password changed."""
    now = paris_now()
    mail_owner(
        user,
        _("mail_password_changed_subject", default="Your password was changed"),
        _(
            "mail_password_changed_body",
            default="The password of your account “${login}” on ${site} was changed on "
            "${date} at ${time}.\n\nIf you did not change it, tell the town hall's "
            "administrator at once: someone else may know your password.",
        ),
        date=long_date(now),
        time=french_time(now.time()),
    )
