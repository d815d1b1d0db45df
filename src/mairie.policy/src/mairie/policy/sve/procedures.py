"""The editors' and agents' ways in: « Nouvelle démarche en ligne », « Demandes reçues »,
and the warning above a form whose settings cannot work.

Registered in ZCML (views, viewlets, an item of Plone's toolbar), but for the
« Demandes reçues » entry of the personal menu (profile actions.xml): Plone's
toolbar shows its content menu only to those who may edit, not to the
reception agents.
"""

from .agents import sve_action
from .health import problems
from .newform import create_procedure
from .records import all_requests
from .records import IN_PROGRESS
from .records import RECEIVED
from .records import requests_of
from Acquisition import aq_chain
from Acquisition import aq_inner
from collective.easyform.interfaces import IEasyForm
from mairie.policy import _
from mairie.policy.provisioning.content import PROCEDURES
from plone import api
from plone.app.layout.viewlets.common import ViewletBase
from plone.protect import CheckAuthenticator
from Products.CMFCore.interfaces import IFolderish
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from Products.statusmessages.interfaces import IStatusMessage
from zope.browsermenu.menu import BrowserMenuItem


ADD_FORM = "collective.easyform: Add Content"
MANAGE_REQUESTS = "mairie.policy: Manage online requests"
NEW_PROCEDURE = "nouvelle-demarche"
RECEIVED_VIEW = "demandes-recues"


def procedures_folder():
    """The « Démarches » folder of the commune, where new procedures go, or None."""
    return api.portal.get().get(PROCEDURES)


def can_add_procedure(folder) -> bool:
    return (
        folder is not None
        and IFolderish.providedBy(folder)
        and api.user.has_permission(ADD_FORM, obj=folder)
        and "EasyForm" in [fti.getId() for fti in folder.allowedContentTypes()]
    )


def form_of(context):
    """The EasyForm a page belongs to: the form, or its fields and actions screens."""
    for item in aq_chain(aq_inner(context)):
        if IEasyForm.providedBy(item):
            return item
    return None


class NewProcedureView(BrowserView):
    """One page, one title: the form is made with everything a request needs."""

    index = ViewPageTemplateFile("templates/new_procedure.pt")
    error = None

    def __call__(self):
        form = self.request.form
        if self.request.method == "POST" and "creer" in form:
            CheckAuthenticator(self.request)
            title = str(form.get("title", "")).strip()[:200]
            if not title:
                self.error = _(
                    "error_sve_new_title", default="Give the procedure a title, e.g. « Room hire »."
                )
            else:
                created = create_procedure(
                    aq_inner(self.context), title, str(form.get("description", "")).strip()[:1000]
                )
                action = sve_action(created)
                IStatusMessage(self.request).add(
                    _(
                        "msg_sve_procedure_created",
                        default="The online procedure « ${title} » is created. Its requests are "
                        "numbered ${prefix}-YEAR-000001 and following. Add the fields of the "
                        "procedure (« Define form fields »), check its settings, then publish it.",
                        mapping={"title": title, "prefix": action.prefix},
                    ),
                    "info",
                )
                self.request.response.redirect(created.absolute_url())
                return ""
        return self.index()


class ReceivedView(BrowserView):
    """Every form of the site that takes or took requests, with its new ones."""

    index = ViewPageTemplateFile("templates/received.pt")

    def __call__(self):
        return self.index()

    def forms(self) -> list[dict]:
        rows = []
        catalog = api.portal.get_tool("portal_catalog")
        for brain in catalog.unrestrictedSearchResults(
            portal_type="EasyForm", sort_on="sortable_title"
        ):
            form = brain._unrestrictedGetObject()
            action = sve_action(form, enabled=False)
            if action is None and requests_of(form) is None:
                continue
            if not api.user.has_permission(MANAGE_REQUESTS, obj=form):
                continue
            statuses = [record.status for record in all_requests(form)]
            url = form.absolute_url()
            rows.append(
                {
                    "title": form.Title(),
                    "url": url,
                    "requests": f"{url}/@@demandes",
                    "new_url": f"{url}/@@demandes?statut={RECEIVED}",
                    "new": statuses.count(RECEIVED),
                    "in_progress": statuses.count(IN_PROGRESS),
                    "total": len(statuses),
                    "open": action is not None and action.required,
                    "problems": len(problems(form))
                    if api.user.has_permission("Modify portal content", obj=form)
                    else 0,
                }
            )
        return rows

    def new_procedure_url(self):
        folder = procedures_folder()
        return f"{folder.absolute_url()}/@@{NEW_PROCEDURE}" if can_add_procedure(folder) else None


class SettingsWarningViewlet(ViewletBase):
    """Above a form, its edit form and its fields and actions screens, for its editors."""

    index = ViewPageTemplateFile("templates/settings_warning.pt")
    found = ()

    def update(self):
        super().update()
        if api.user.is_anonymous():
            return
        self.form = form_of(self.context)
        if self.form is None or not api.user.has_permission("Modify portal content", obj=self.form):
            return
        self.found = problems(self.form)
        action = sve_action(self.form, enabled=False)
        base = f"{self.form.absolute_url()}/actions"
        self.settings_url = f"{base}/{action.__name__}" if action is not None else base

    def render(self):
        return self.index() if self.found else ""


class EditorsViewlet(ViewletBase):
    """On the « Démarches » page: the two ways in, as buttons, for those who may use them."""

    index = ViewPageTemplateFile("templates/editors_buttons.pt")

    def update(self):
        super().update()
        folder = aq_inner(self.context)
        self.new_url = self.received_url = None
        if api.user.is_anonymous() or folder != procedures_folder():
            return
        if can_add_procedure(folder):
            self.new_url = f"{folder.absolute_url()}/@@{NEW_PROCEDURE}"
        portal = api.portal.get()
        if api.user.has_permission(MANAGE_REQUESTS, obj=portal):
            self.received_url = f"{portal.absolute_url()}/@@{RECEIVED_VIEW}"

    def render(self):
        return self.index() if (self.new_url or self.received_url) else ""


class _ToolbarItem(BrowserMenuItem):
    """An entry of Plone's toolbar (the content menu) that is a plain link."""

    icon = None
    permission = None

    def __init__(self, context, request):
        super().__init__(context, request)
        self.context = context

    def selected(self):
        return False


class NewProcedureMenuItem(_ToolbarItem):
    """« Nouvelle démarche en ligne » in the toolbar of the « Démarches » folder."""

    title = _("sve_new_procedure", default="New online procedure")
    description = _(
        "sve_new_procedure_help",
        default="A form taking online requests, numbered and acknowledged, ready in one step",
    )
    order = 15  # just after « Ajouter »
    extra = {"id": "mairie-nouvelle-demarche", "li_class": "plonetoolbar-mairie-sve"}

    @property
    def action(self):
        return f"{self.context.absolute_url()}/@@{NEW_PROCEDURE}"

    def available(self):
        folder = procedures_folder()
        return folder is not None and aq_inner(self.context) == folder and can_add_procedure(folder)
