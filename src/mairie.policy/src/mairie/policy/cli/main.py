"""mairie create | update | list | check: provision communes from their profile.

Exit status: 0 done, 2 bad input (nothing written), 1 the deployment failed.
"""

from .french import french
from mairie.policy import _
from mairie.policy.commune.loader import load_agency
from mairie.policy.commune.loader import load_profile
from mairie.policy.commune.loader import ProfileError
from mairie.policy.interfaces import ProvisioningError
from zc.lockfile import LockError
from zope.i18nmessageid import Message

import argparse
import logging
import os
import sys


BAD_INPUT = 2
FAILURE = 1


class CommandError(Exception):
    def __init__(self, message):
        super().__init__(message)
        self.message = message


def main(argv=None) -> int:
    args = _parser().parse_args(argv)
    # Plone's set-up logs warnings an operator can do nothing about.
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.ERROR,
        format="%(levelname)s %(name)s: %(message)s",
    )
    try:
        args.run(args)
    except ProfileError as error:
        for problem in error.problems:
            where = (
                f"{problem.source}: {problem.field} : " if problem.field else f"{problem.source} : "
            )
            print(where + french(problem.message), file=sys.stderr)
        return BAD_INPUT
    except (CommandError, ProvisioningError) as error:
        print(french(error.message), file=sys.stderr)
        return BAD_INPUT
    except LockError:
        print(
            french(
                _(
                    "error_locked",
                    default="the database is in use by a running Zope: stop it first "
                    "(Ctrl+C where it runs)",
                )
            ),
            file=sys.stderr,
        )
        return FAILURE
    return 0


def _parser():
    parser = argparse.ArgumentParser(
        prog="mairie",
        description="Créer et mettre à jour les sites des communes à partir de leur profil.",
    )
    parser.add_argument(
        "--zope-conf",
        default=os.environ.get("MAIRIE_ZOPE_CONF"),
        help="zope.conf du déploiement (par défaut : $MAIRIE_ZOPE_CONF)",
    )
    parser.add_argument(
        "--agency",
        default=os.environ.get("MAIRIE_AGENCY"),
        help="fichier de l'agence, YAML (par défaut : $MAIRIE_AGENCY)",
    )
    parser.add_argument(
        "-v", "--verbose", action="store_true", help="afficher le journal de Zope et de Plone"
    )
    commands = parser.add_subparsers(required=True, metavar="commande")
    for name, run, help_text in (
        ("create", _create, "créer le site d'une commune à partir de son profil"),
        ("update", _update, "appliquer un profil modifié au site existant"),
        ("check", _check, "vérifier un profil sans rien écrire"),
    ):
        command = commands.add_parser(name, help=help_text)
        command.add_argument("profile", help="profil de la commune, YAML")
        command.set_defaults(run=run)
        if name == "create":
            command.add_argument(
                "--if-missing",
                action="store_true",
                help="ne rien faire, sans erreur, si la commune existe déjà",
            )
            command.add_argument(
                "--demo-content",
                metavar="FICHIER",
                help="contenu de démonstration à ajouter (séances, actes), YAML",
            )
    commands.add_parser("list", help="lister les communes").set_defaults(run=_list)
    services = commands.add_parser(
        "services",
        help="importer les services publics de proximité d'un fichier de l'Annuaire de "
        "l'administration (JSON)",
    )
    services.add_argument("slug", help="identifiant de la commune")
    services.add_argument("file", help="fichier JSON de l'Annuaire de l'administration")
    services.add_argument(
        "--kind",
        action="append",
        default=[],
        metavar="TYPE",
        help="n'importer que ce type de service (type_service_local, par exemple gendarmerie) ; "
        "répétable ; par défaut tous, sauf la mairie",
    )
    services.set_defaults(run=_services)
    commands.add_parser(
        "sve",
        help="demandes en ligne, chaque jour : accusés de réception dus, demandes échues supprimées",
    ).set_defaults(run=_sve)
    return parser


def _inputs(args):
    if not args.agency:
        raise CommandError(
            _(
                "error_no_agency",
                default="the agency file is missing: give --agency or set MAIRIE_AGENCY",
            )
        )
    agency = load_agency(args.agency)
    return load_profile(args.profile, agency), agency


def _open(args):
    """The application as a context manager, or a clear reason why it cannot be opened."""
    from .zope import zope_app

    if not args.zope_conf:
        raise CommandError(
            _(
                "error_no_zope_conf",
                default="zope.conf is missing: give --zope-conf or set MAIRIE_ZOPE_CONF",
            )
        )
    if not os.path.isfile(args.zope_conf):
        raise CommandError(
            _(
                "error_zope_conf_missing",
                default="${path}: zope.conf not found",
                mapping={"path": args.zope_conf},
            )
        )
    return zope_app(args.zope_conf)


def _provision(args, action, done):
    from mairie.policy.provisioning import site as provisioning

    profile, agency = _inputs(args)
    extra = {}
    if getattr(args, "demo_content", None):
        from mairie.policy.provisioning.demo import load as load_demo

        extra["demo"] = load_demo(args.demo_content)
    mapping = {"title": profile.site_title, "domain": profile.temporary_domain(agency)}
    with _open(args) as app:
        if getattr(args, "if_missing", False) and profile.commune.slug in app.objectIds():
            done = _("done_exists", default="${title} already exists: nothing to do")
        else:
            site = getattr(provisioning, action)(app, profile, agency, **extra)
            mapping["path"] = site.absolute_url_path()
    print(french(Message(done, mapping=mapping)))


def _create(args):
    _provision(
        args,
        "create",
        _("done_created", default="Created ${title} at ${path} (temporary address: ${domain})"),
    )


def _update(args):
    _provision(args, "update", _("done_updated", default="Updated ${title} at ${path}"))


def _check(args):
    profile, _agency = _inputs(args)
    print(
        french(
            _(
                "done_checked",
                default="${title}: the profile is valid",
                mapping={"title": profile.site_title},
            )
        )
    )


def _list(args):
    from mairie.policy.provisioning import site as provisioning

    with _open(args) as app:
        rows = [
            (
                site.getId(),
                site.title,
                settings.template,
                settings.plan,
                ", ".join(settings.modules or ()) or "-",
                settings.final_domain or settings.temporary_domain,
            )
            for site, settings in provisioning.communes(app)
        ]
    header = ("commune", "titre", "modèle", "formule", "modules", "adresse")
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        print(
            "  ".join(
                str(cell).ljust(width) for cell, width in zip(row, widths, strict=False)
            ).rstrip()
        )


def _sve(args):
    from mairie.policy.provisioning import site as provisioning
    from mairie.policy.sve import daily

    with _open(args) as app:
        sent, deleted, waiting = daily.run(site for site, _settings in provisioning.communes(app))
    print(
        french(
            _(
                "done_sve",
                default="${sent} acknowledgement(s) of receipt sent, ${deleted} request(s) "
                "past retention deleted, ${waiting} mail(s) waiting for the mail server",
                mapping={"sent": sent, "deleted": deleted, "waiting": waiting},
            )
        )
    )


def _services(args):
    from mairie.policy.offices import annuaire
    from mairie.policy.offices.importer import check_kinds
    from mairie.policy.offices.importer import import_for_commune
    from plone.base.interfaces import IPloneSiteRoot
    from zope.component.hooks import setSite

    try:
        services = annuaire.read(args.file)
        check_kinds(args.kind)
    except annuaire.AnnuaireError as error:
        raise CommandError(error.message) from None
    with _open(args) as app:
        site = app.get(args.slug)
        if site is None or not IPloneSiteRoot.providedBy(site):
            raise CommandError(
                _(
                    "error_services_no_commune",
                    default="there is no commune “${slug}”",
                    mapping={"slug": args.slug},
                )
            )
        setSite(site)
        report = import_for_commune(site, services, args.kind)
        title = site.title
    print(
        french(
            _(
                "done_services",
                default="${title}: ${created} service(s) created, ${updated} updated, "
                "${unchanged} unchanged",
                mapping={
                    "title": title,
                    "created": report.created,
                    "updated": report.updated,
                    "unchanged": report.unchanged,
                },
            )
        )
    )
