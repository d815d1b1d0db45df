"""The back-office's doors: which path names lead to it, and the secret login path.

Plone answers its login form on every folder (``news/login_form``), so a
door is a name anywhere in the path, not only under the site root.
"""

import re


# Anonymous visitors get a 404 here: they only log in at the secret path.
HIDDEN = frozenset(
    {
        "login",
        "login_form",
        "failsafe_login",
        "failsafe_login_form",
        "require_login",
        "mail_password_form",
        "mail_password",
        "overview-controlpanel",
        "acl_users",
        "manage",
        "manage_main",
        "manage_workspace",
        "@login",
    }
)
# Reachable without the secret path (the reset e-mail links to them), but
# only from the addresses allowed into the back-office.
RECOVERY = frozenset({"login-help", "passwordreset", "mail_password_response"})

LOGIN_PATH = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
LOGIN_PATH_LENGTH = (8, 60)


def bare(name: str) -> str:
    """The view or object name behind ``@@name`` and ``++view++name``."""
    for prefix in ("++view++", "@@"):
        if name.startswith(prefix):
            return name[len(prefix) :]
    return name


def is_valid_login_path(value: str) -> bool:
    low, high = LOGIN_PATH_LENGTH
    return (
        low <= len(value) <= high
        and LOGIN_PATH.fullmatch(value) is not None
        and value not in HIDDEN | RECOVERY
    )


def doors(names) -> set[str]:
    """The back-office doors among path names (``HIDDEN`` or ``RECOVERY``)."""
    return {bare(name) for name in names} & (HIDDEN | RECOVERY)
