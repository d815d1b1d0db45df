"""The errors of a citizen's form, shown one way on every form (RGAA 11.10 and 11.11).

A view lists what is wrong as (field id, message) pairs, in the order of the
form, the id None for what concerns no one field. Its template shows, with
the macros of templates/errors.pt:

- ``summary`` at the top: « Le formulaire comporte 2 erreurs : » and a link to
  each field; it takes the focus (``autofocus``, no script needed);
- ``message`` under each field, which the field points to:

    <input id="courriel" tal:attributes="aria-invalid python:errors.invalid('courriel');
        aria-describedby python:errors.described_by('courriel', 'courriel-aide')" />
    <metal:message use-macro="errors/macros/message" tal:define="field string:courriel" />
"""

from mairie.policy import _
from mairie.policy.french import plural
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile


MACROS = ViewPageTemplateFile("templates/errors.pt")


class FormErrors:
    """``labels`` name the fields in the summary when their messages do not
    (« Votre nom : Champ obligatoire »)."""

    def __init__(self, problems=(), labels=None):
        self.labels = labels or {}
        self.problems = [(field, message) for field, message in problems if message]
        self.by_field = {}
        for field, message in self.problems:
            if field:
                self.by_field.setdefault(field, message)

    @classmethod
    def general(cls, *messages):
        """Errors about the form as a whole, no one field."""
        return cls((None, message) for message in messages)

    def __bool__(self):
        return bool(self.problems)

    def __len__(self):
        return len(self.problems)

    @property
    def macros(self):
        return MACROS.macros

    def title(self):
        count = len(self.problems)
        return plural(
            count,
            _("form_errors_one", default="The form has ${count} error:", mapping={"count": count}),
            _(
                "form_errors_many",
                default="The form has ${count} errors:",
                mapping={"count": count},
            ),
        )

    def items(self) -> list[dict]:
        return [
            {
                "message": message,
                "href": f"#{field}" if field else None,
                "label": self.labels.get(field),
            }
            for field, message in self.problems
        ]

    def message(self, field: str):
        return self.by_field.get(field)

    @staticmethod
    def message_id(field: str) -> str:
        return f"{field}-erreur"

    def invalid(self, field: str) -> str | None:
        return "true" if field in self.by_field else None

    def described_by(self, field: str, *hints: str) -> str | None:
        """The ids that describe the field: its hints, then its error message if any."""
        ids = [*hints, *([self.message_id(field)] if field in self.by_field else [])]
        return " ".join(ids) or None
