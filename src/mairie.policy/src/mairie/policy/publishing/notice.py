"""Whether residents can see an item, and what this editor can do about it.

The site's workflows (simple_publication_workflow for every type) keep a new
item « Privé »; the notice says so in plain words and offers the transition
the person may run, or names who may publish it.
"""

from AccessControl.PermissionRole import rolesForPermissionOn
from dataclasses import dataclass
from mairie.policy import _
from mairie.policy.accounts.groups import GROUPS
from plone import api


PRIVATE = "private"
PENDING = "pending"
# The transitions offered, best first: publishing if allowed, else asking for it.
OFFERED = ("publish", "submit")
REVIEW_PERMISSION = "Review portal content"
MODIFY_PERMISSION = "Modify portal content"


@dataclass(frozen=True)
class Notice:
    message: object
    transition: str | None  # the transition's id, when this person may run it
    button: object | None
    ask: object | None  # who publishes, when this person may not


MESSAGES = {
    PRIVATE: _(
        "notice_private",
        default="This page is private: residents do not see it.",
    ),
    PENDING: _(
        "notice_pending",
        default="This page is waiting to be published: residents do not see it yet.",
    ),
}
BUTTONS = {
    "publish": _("notice_button_publish", default="Publish"),
    "submit": _("notice_button_submit", default="Ask for publication"),
}


def notice(context) -> Notice | None:
    """The notice for the current user on ``context``, or None.

    None when residents see it, and for whoever can neither change it nor move it
    along the workflow (a visitor, a reader). Its author keeps the notice once she
    asked for publication, though she may no longer change the page.
    """
    workflow = api.portal.get_tool("portal_workflow")
    if not workflow.getChainFor(context):
        return None
    state = api.content.get_state(context, default=None)
    if state not in MESSAGES:
        return None
    available = {transition["id"] for transition in workflow.getTransitionsFor(context)}
    if not available and not api.user.has_permission(MODIFY_PERMISSION, obj=context):
        return None  # a reader or a visitor: nothing to do about it
    transition = next((name for name in OFFERED if name in available), None)
    ask = None
    if transition != "publish":
        ask = _(
            "notice_ask",
            default="To publish it, ask a member of: ${groups}.",
            mapping={"groups": ", ".join(f"« {title} »" for title in reviewers(context))},
        )
    return Notice(
        message=MESSAGES[state],
        transition=transition,
        button=BUTTONS.get(transition),
        ask=ask,
    )


def reviewers(context) -> list[str]:
    """Titles of the commune's groups whose members may publish ``context``."""
    roles = set(rolesForPermissionOn(REVIEW_PERMISSION, context))
    return [group.title for group in GROUPS if roles & set(group.roles)]
