"""mairie create | update | list | check: provision communes from their profile.

Exit status: 0 done, 2 bad input (nothing written), 1 the deployment failed.
"""

from . import conformite
from .french import french
from mairie.policy import _
from mairie.policy.commune.loader import load_agency
from mairie.policy.commune.loader import load_profile
from mairie.policy.commune.loader import ProfileError
from mairie.policy.interfaces import OperationError
from mairie.policy.interfaces import OperationRefused
from mairie.policy.interfaces import ProvisioningError
from mairie.policy.modules import modules
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
        status = args.run(args)
    except ProfileError as error:
        for problem in error.problems:
            where = (
                f"{problem.source}: {problem.field} : " if problem.field else f"{problem.source} : "
            )
            print(where + french(problem.message), file=sys.stderr)
        return BAD_INPUT
    except (CommandError, ProvisioningError, OperationRefused) as error:
        print(french(error.message), file=sys.stderr)
        return BAD_INPUT
    except OperationError as error:
        print(french(error.message), file=sys.stderr)
        return FAILURE
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
    return status or 0


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
    upgrade = commands.add_parser(
        "upgrade",
        help="mettre à niveau les communes après une mise à jour du code (étapes de Plone et "
        "des modules mairie), chacune en une transaction",
    )
    upgrade.add_argument(
        "slugs",
        nargs="*",
        metavar="commune",
        help="identifiant d'une commune (par défaut : toutes)",
    )
    upgrade.add_argument(
        "--dry-run",
        action="store_true",
        help="lister ce que chaque commune attend, sans rien modifier",
    )
    upgrade.set_defaults(run=_upgrade)
    domain = commands.add_parser(
        "domain",
        help="donner à une commune son propre domaine (son adresse provisoire y redirige), "
        "puis réécrire la configuration du proxy",
    )
    domain.add_argument("slug", help="identifiant de la commune")
    domain.add_argument(
        "domain", help="son domaine, par exemple www.saint-aubin.fr ; « - » pour le retirer"
    )
    domain.set_defaults(run=_domain)
    commands.add_parser(
        "proxy",
        help="écrire la configuration de nginx et de Varnish (section proxy du fichier d'agence)",
    ).set_defaults(run=_proxy)
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
    # The modules' own (mairie.policy.modules), after the core's daily ones.
    for module in modules().values():
        for command in module.commands:
            commands.add_parser(command.name, help=command.help).set_defaults(
                run=_module_command(command)
            )
    backup = commands.add_parser(
        "backup",
        help="sauvegarder la base et les fichiers (blobs) dans un dossier daté, Zope en marche",
    )
    backup.add_argument(
        "--to",
        metavar="DOSSIER",
        help="dossier des sauvegardes (par défaut : « backups » du fichier d'agence, sinon "
        "var/backups de l'instance)",
    )
    backup.add_argument(
        "--keep",
        type=_positive,
        default=7,
        metavar="N",
        help="garder les N sauvegardes les plus récentes (7 par défaut)",
    )
    backup.set_defaults(run=_backup)
    restore = commands.add_parser(
        "restore", help="remplacer la base et les fichiers par une sauvegarde, Zope arrêté"
    )
    restore.add_argument("backup", help="dossier d'une sauvegarde faite par « mairie backup »")
    restore.set_defaults(run=_restore)
    usage = commands.add_parser(
        "usage", help="espace utilisé par chaque commune, comparé au quota de sa formule"
    )
    usage.add_argument(
        "--check",
        action="store_true",
        help="sortir avec le statut 1 si une commune dépasse 90 % de son quota",
    )
    usage.set_defaults(run=_usage)
    conformite.register(commands)
    return parser


def _agency(args):
    if not args.agency:
        raise CommandError(
            _(
                "error_no_agency",
                default="the agency file is missing: give --agency or set MAIRIE_AGENCY",
            )
        )
    return load_agency(args.agency)


def _inputs(args):
    agency = _agency(args)
    return load_profile(args.profile, agency), agency


def _open(args):
    """The application as a context manager, or a clear reason why it cannot be opened."""
    from .zope import zope_app

    return zope_app(_zope_conf(args))


def _zope_conf(args):
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
    return args.zope_conf


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
        communes = _hosts(app) if agency.proxy else []
    print(french(Message(done, mapping=mapping)))
    # The commune answers at its addresses at once, with what just changed.
    _write_proxy(args, agency, communes)
    _purge(agency, profile.commune.slug)


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


def _domain(args):
    from mairie.policy.hosting import domains

    agency = _agency(args)
    with _open(args) as app:
        hosts = domains.set_final_domain(app, args.slug, "" if args.domain == "-" else args.domain)
        communes = _hosts(app)
    print(
        french(
            _(
                "done_domain",
                default="${slug}: ${address}",
                mapping={"slug": hosts.slug, "address": hosts.address},
            )
        )
    )
    _write_proxy(args, agency, communes)
    _purge(agency, hosts.slug)


def _purge(agency, slug: str) -> None:
    """The cache forgets the commune's pages; a cache out of reach is said, not fatal."""
    from mairie.policy.hosting import caching

    try:
        caching.purge_commune(agency, slug)
    except caching.PurgeError as error:
        # "ATTENTION" starts the line in every language, for scripts that look for it.
        message = _(
            "warning_purge_failed",
            default="ATTENTION ${slug}: the cache could not be emptied (${reason}); "
            "its pages show the change within 5 minutes",
            mapping={"slug": slug, "reason": str(error)},
        )
        print(french(message), file=sys.stderr)


def _proxy(args):
    agency = _agency(args)
    if agency.proxy is None:
        raise CommandError(
            _(
                "error_no_proxy",
                default="the agency file ${file} has no “proxy” section (README, “Production”)",
                mapping={"file": args.agency},
            )
        )
    with _open(args) as app:
        communes = _hosts(app)
    _write_proxy(args, agency, communes)


def _hosts(app):
    from mairie.policy.hosting import domains

    return domains.hosts(app)


def _write_proxy(args, agency, communes) -> None:
    """The proxy's files from the communes' addresses, when the agency has a proxy."""
    from mairie.policy.hosting import proxy
    from pathlib import Path

    if agency.proxy is None:
        return
    directory = Path(args.agency).parent / agency.proxy.config_dir
    try:
        written = proxy.write(agency.proxy, directory, communes)
    except OSError as error:
        raise CommandError(
            _(
                "error_proxy_write",
                default="cannot write the proxy configuration in ${dir}: ${reason}",
                mapping={"dir": str(directory), "reason": error.strerror or str(error)},
            )
        ) from None
    except proxy.HostConflict as error:
        raise CommandError(
            _(
                "error_proxy_conflict",
                default="“${host}” is the address of both “${first}” and “${second}”: "
                "change one with “mairie domain”",
                mapping={
                    "host": error.host,
                    "first": error.communes[0],
                    "second": error.communes[1],
                },
            )
        ) from None
    except proxy.ReloadError as error:
        raise CommandError(
            _(
                "error_proxy_reload",
                default="the proxy configuration is written but “${command}” failed: ${output}",
                mapping={"command": error.command, "output": error.output},
            )
        ) from None
    print(
        french(
            _(
                "done_proxy",
                default="proxy configuration written (communes: ${count}): ${files}",
                mapping={
                    "count": len(communes),
                    "files": ", ".join(str(path) for path in written),
                },
            )
        )
    )


def _list(args):
    from mairie.policy.hosting.proxy import Hosts
    from mairie.policy.provisioning import site as provisioning

    with _open(args) as app:
        rows = [
            (
                site.getId(),
                site.title,
                settings.template,
                settings.plan,
                ", ".join(settings.modules or ()) or "-",
                Hosts.of(site.getId(), settings).address,
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


def _upgrade(args):
    from mairie.policy.operations import upgrade

    import time

    agency = load_agency(args.agency) if args.agency else None
    results = []
    with _open(args) as app:
        # From here: Zope's start-up is not the upgrade's time.
        started = time.monotonic()
        try:
            slugs = upgrade.communes(app, args.slugs)
        except upgrade.UnknownCommune as error:
            raise CommandError(
                _(
                    "error_upgrade_no_commune",
                    default="there is no commune “${slug}”",
                    mapping={"slug": error.slug},
                )
            ) from None
        # A database written by a newer code: refuse before touching any commune.
        refused = [(slug, found) for slug in slugs for found in upgrade.downgrades(app[slug])]
        if refused:
            for slug, found in refused:
                print(french(_downgrade_line(slug, found)), file=sys.stderr)
            return BAD_INPUT
        for index, slug in enumerate(slugs, 1):
            result = upgrade.run(app, slug, dry_run=args.dry_run)
            results.append(result)
            _print_upgrade(index, len(slugs), result, args.dry_run)
            if result.changes and not args.dry_run and agency is not None:
                _purge(agency, slug)
    failed = [result.slug for result in results if result.failure]
    print(french(_upgrade_summary(results, failed, time.monotonic() - started, args.dry_run)))
    return FAILURE if failed else 0


def _downgrade_line(slug, found):
    return _(
        "error_upgrade_downgrade",
        default="${slug}: ${profile} is at version ${stored} in the database but ${code} in "
        "this code, which is older; nothing was changed (install the version that wrote it, "
        "or restore a backup made with this one)",
        mapping={
            "slug": slug,
            "profile": found.profile,
            "stored": found.stored,
            "code": found.code,
        },
    )


def _seconds(seconds: float) -> str:
    return f"{seconds:.1f}".replace(".", ",")


def _print_upgrade(index, total, result, dry_run) -> None:
    mapping = {
        "n": index,
        "total": total,
        "slug": result.slug,
        "count": len(result.changes),
        "seconds": _seconds(result.seconds),
    }
    if result.failure:
        mapping["step"] = french(result.failure.change.label)
        mapping["reason"] = french(result.failure.reason)
        line = _(
            "upgrade_line_failed",
            default="[${n}/${total}] ${slug}: FAILED at “${step}”: ${reason}; "
            "the commune is left as it was (${seconds} s)",
            mapping=mapping,
        )
    elif not result.changes:
        line = _(
            "upgrade_line_uptodate",
            default="[${n}/${total}] ${slug}: up to date (${seconds} s)",
            mapping=mapping,
        )
    elif dry_run:
        line = _(
            "upgrade_line_pending",
            default="[${n}/${total}] ${slug}: to upgrade (changes: ${count})",
            mapping=mapping,
        )
    else:
        line = _(
            "upgrade_line_done",
            default="[${n}/${total}] ${slug}: upgraded (changes: ${count}, in ${seconds} s)",
            mapping=mapping,
        )
    print(french(line), file=sys.stderr if result.failure else sys.stdout)
    for label in result.changes:
        print(f"  - {french(label)}")


def _upgrade_summary(results, failed, seconds, dry_run):
    changed = sum(1 for result in results if result.changes)
    mapping = {
        "total": len(results),
        "changed": changed,
        "failed": len(failed),
        "names": ", ".join(failed),
        "seconds": _seconds(seconds),
    }
    if failed:
        return _(
            "upgrade_summary_failed",
            default="communes: ${total}; upgraded: ${changed}; failed: ${failed} (${names}); "
            "in ${seconds} s",
            mapping=mapping,
        )
    if not changed:
        return _(
            "upgrade_summary_nothing",
            default="nothing to do: every commune is up to date (communes: ${total}, ${seconds} s)",
            mapping=mapping,
        )
    if dry_run:
        return _(
            "upgrade_summary_dry_run",
            default="communes: ${total}; to upgrade: ${changed}; nothing was changed (--dry-run)",
            mapping=mapping,
        )
    return _(
        "upgrade_summary_done",
        default="communes: ${total}; upgraded: ${changed}, the others up to date; in ${seconds} s",
        mapping=mapping,
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
                default="acknowledgements of receipt sent: ${sent}; requests past retention "
                "deleted: ${deleted}; mails waiting for the mail server: ${waiting}",
                mapping={"sent": sent, "deleted": deleted, "waiting": waiting},
            )
        )
    )


def _module_command(command):
    def run(args):
        with _open(args) as app:
            print(command.run(app))

    return run


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
                default="${title}: services created: ${created}, updated: ${updated}, "
                "unchanged: ${unchanged}",
                mapping={
                    "title": title,
                    "created": report.created,
                    "updated": report.updated,
                    "unchanged": report.unchanged,
                },
            )
        )
    )


def _positive(value):
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(
            french(
                _(
                    "error_not_positive",
                    default="a whole number of at least 1 is expected, got “${value}”",
                    mapping={"value": value},
                )
            )
        )
    return int(value)


def _deployment(args):
    from mairie.policy.operations import deployment

    return deployment.read(_zope_conf(args))


def _backup(args):
    from mairie.policy.operations.backup import backup
    from pathlib import Path

    deployment = _deployment(args)
    agency = load_agency(args.agency) if args.agency else None
    if args.to:
        root = Path(args.to)
    elif agency and agency.backups:
        root = Path(args.agency).parent / agency.backups
    else:
        root = deployment.clienthome / "backups"
    folder, removed = backup(deployment, root.absolute(), args.keep)
    print(french(_("done_backup", default="Backup: ${folder}", mapping={"folder": str(folder)})))
    for path in removed:
        print(
            french(
                _(
                    "done_backup_removed",
                    default="Removed: ${folder}",
                    mapping={"folder": str(path)},
                )
            )
        )


def _restore(args):
    from mairie.policy.operations.restore import restore
    from pathlib import Path

    folder = Path(args.backup).absolute()
    restore(_deployment(args), folder)
    print(french(_("done_restore", default="Restored: ${folder}", mapping={"folder": str(folder)})))


def _usage(args):
    from mairie.policy.operations import usage
    from mairie.policy.provisioning import site as provisioning

    agency = _agency(args)
    with _open(args) as app:
        usages = usage.report(provisioning.communes(app), agency)
    for item in usages:
        print(french(usage.line(item)))
        if item.warning:
            print(french(usage.warning_line(item)))
    return FAILURE if args.check and any(item.warning for item in usages) else 0
