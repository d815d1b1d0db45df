"""Legal electronic publication of acts (CGCT L2131-1, décret 2021-1311).

The one place that knows the rules: publishing records the date and time
(once, never changed afterwards) and the SHA-256 fingerprint of the PDF;
after that the PDF is frozen, and a correction is a new act that replaces
the old one. Views, forms and event subscribers only call these functions.
"""

from mairie.policy import _
from mairie.policy.acts.dates import now
from mairie.policy.acts.dates import site_language
from zExceptions import Forbidden
from zope.i18n import translate

import hashlib


PUBLISHED = "published"
CHUNK = 1 << 16

FROZEN_MESSAGE = _(
    "error_act_frozen",
    default="A published act cannot be changed: publish a corrective act that replaces it.",
)

NO_FILE_MESSAGE = _(
    "error_publish_without_file",
    default="An act cannot be published without the PDF of its full text.",
)


def frozen_error():
    """The refusal, in the site's language, as a plain Forbidden.

    Not a subclass: ZPublisher and plone.rest pick the HTTP status from the
    exception class's name, and « Forbidden » gives the 403 REST clients expect.
    """
    return Forbidden(translate(FROZEN_MESSAGE, target_language=site_language()))


def file_sha256(namedfile):
    """Hex SHA-256 of a NamedFile or NamedBlobFile, read in chunks."""
    digest = hashlib.sha256()
    if hasattr(namedfile, "open"):
        with namedfile.open() as stream:
            for chunk in iter(lambda: stream.read(CHUNK), b""):
                digest.update(chunk)
    else:
        digest.update(namedfile.data or b"")
    return digest.hexdigest()


def is_frozen(act):
    """Once published (even if retracted since), the act's PDF may not change."""
    return act.publication_datetime is not None


def accepts_file(act, new_file):
    """Whether the act may hold new_file: always before publication, afterwards
    only the very same bytes (an edit form that keeps the file sends it back)."""
    if not is_frozen(act):
        return True
    if new_file is None:
        return False
    if new_file is act.file:
        return True
    return file_sha256(new_file) == act.sha256


def publish(act):
    """Record publication: date and time the first time only, and the fingerprint.

    Called on every transition to the published state; a republication
    after a retraction keeps the first date, and refuses a file that changed
    behind the rules' back.
    """
    if act.file is None:
        raise Forbidden(translate(NO_FILE_MESSAGE, target_language=site_language()))
    digest = file_sha256(act.file)
    if act.sha256 and digest != act.sha256:
        raise frozen_error()
    if act.publication_datetime is None:
        act.publication_datetime = now()
    act.sha256 = digest


def check_unchanged(act):
    """Raise Forbidden if the PDF of a published act is not the one published."""
    if is_frozen(act) and (act.file is None or file_sha256(act.file) != act.sha256):
        raise frozen_error()


def forget_publication(act):
    """A copy of a published act is a new, unpublished act."""
    act.publication_datetime = None
    act.sha256 = None


# Event subscribers (registered in configure.zcml)


def on_transition(act, event):
    if event.new_state is not None and event.new_state.id == PUBLISHED:
        publish(act)


def on_modified(act, event):
    check_unchanged(act)


def on_copied(act, event):
    forget_publication(act)
