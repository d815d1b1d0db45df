"""A citizen's online form: EasyForm's, with the errors shown as on every citizen's form.

The summary at the top and the message under each field come from
mairie.policy.forms (the booking and payment forms use them too), in place
of Plone's « Il y a des erreurs. » and its feedback boxes; each field in
error says so (``aria-invalid``) and points to its message.
"""

from .agents import sve_action
from collective.easyform.browser.view import EasyFormForm
from collective.easyform.browser.view import EasyFormFormWrapper
from mairie.policy.forms.errors import FormErrors
from mairie.policy.pdf import MB
from mairie.policy.uploads.widget import size_check
from plone.formwidget.namedfile.interfaces import INamedFileWidget
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from z3c.form.error import ErrorViewTemplateFactory
from z3c.form.interfaces import IErrorViewSnippet
from z3c.form.interfaces import ISelectWidget
from zope.interface import alsoProvides

import os


class ICitizenFieldError(IErrorViewSnippet):
    """The message of a field of a citizen's form."""


class CitizenForm(EasyFormForm):
    form_template = ViewPageTemplateFile("templates/form.pt")
    # The summary takes the focus, not Plone's script its first field.
    enable_autofocus = False
    errors = FormErrors()

    def update(self):
        super().update()
        self.prompt_choices()
        self.limit_files()
        self.show_errors()

    def all_widgets(self):
        return [
            *self.widgets.values(),
            *(w for group in self.groups for w in group.widgets.values()),
        ]

    def prompt_choices(self):
        """A required list starts with « Choisissez une valeur… », empty (valid HTML):
        the citizen chooses, rather than sending the first choice unawares."""
        for widget in self.all_widgets():
            if ISelectWidget.providedBy(widget) and widget.required and not widget.multiple:
                widget.prompt = True
                widget.noValueToken = ""

    def limit_files(self):
        """The SVE's file size limit checked before sending too (uploads.js): a file too
        large is refused at once, not after a long upload."""
        action = sve_action(self.context)
        if action is None:
            return
        check = size_check(self.request, action.max_file_mb * MB)
        for widget in self.all_widgets():
            if INamedFileWidget.providedBy(widget):
                widget.size_check = check

    def show_errors(self):
        snippets = [
            *self.widgets.errors,
            *(error for group in self.groups for error in group.widgets.errors),
        ]
        problems = [(s.widget.id if s.widget else None, s.message) for s in snippets]
        # A message about the whole form (EasyForm's FORM_ERROR_MARKER, the SVE's refusals).
        if "formErrorsMessage" in self.__dict__:
            problems.append((None, self.formErrorsMessage))
        labels = {s.widget.id: s.widget.label for s in snippets if s.widget}
        self.errors = FormErrors(problems, labels)
        if not self.errors:
            return
        self.status = ""  # the summary says it
        for snippet in snippets:
            if snippet.widget is None:
                continue
            alsoProvides(snippet, ICitizenFieldError)
            # The dict the widget's template writes (z3c.form keeps it on the widget).
            snippet.widget.attributes.update(
                {
                    "aria-invalid": "true",
                    "aria-describedby": self.errors.described_by(snippet.widget.id),
                }
            )


class CitizenFormView(EasyFormFormWrapper):
    form = CitizenForm


FieldErrorTemplate = ErrorViewTemplateFactory(
    os.path.join(os.path.dirname(__file__), "templates", "field_error.pt"), "text/html"
)
