"""mairie conformite [SLUG] [--check] [--crawl]: each commune's legal obligations, checked.

With a commune: each check, its status, what to do and the legal reference. Without:
the fleet, one line per commune. ``--crawl`` first visits each commune's site in
headless Chromium (the consent check) and records what it saw; ``--check`` exits 1
when an obligation is not met (what the commune must do itself is listed, and does
not fail it), for cron or supervision.
"""

from .french import french
from contextlib import contextmanager
from mairie.policy import _

import subprocess
import threading


def register(commands) -> None:
    command = commands.add_parser(
        "conformite",
        help="vérifier les obligations légales de chaque commune (ou d'une seule)",
    )
    command.add_argument("slug", nargs="?", help="identifiant d'une commune (par défaut : toutes)")
    command.add_argument(
        "--check",
        action="store_true",
        help="sortir avec le statut 1 si une obligation n'est pas remplie",
    )
    command.add_argument(
        "--crawl",
        action="store_true",
        help="visiter d'abord chaque site dans Chromium (aucune requête tierce avant le "
        "consentement), servi par la commande elle-même",
    )
    command.add_argument(
        "--base-url",
        metavar="ADRESSE",
        help="avec --crawl et une commune : la visiter plutôt à cette adresse (son "
        "adresse publique, par exemple)",
    )
    command.set_defaults(run=run)


def run(args) -> int:
    from .main import _open
    from .main import CommandError
    from .main import FAILURE
    from mairie.policy.conformity.checks import LABELS
    from mairie.policy.conformity.checks import NOT_MET
    from mairie.policy.conformity.checks import run as check

    with _open(args) as app:
        reports = []
        for site, settings in _communes(app, args.slug):
            if args.crawl:
                _crawl(site, settings, args.base_url if args.slug else None)
            reports.append((site.getId(), check(site)))
        if args.slug and not reports:
            raise CommandError(
                _(
                    "error_conformity_no_commune",
                    default="there is no commune “${slug}”",
                    mapping={"slug": args.slug},
                )
            )
    if args.slug:
        for result in reports[0][1]:
            print(
                f"{french(LABELS[result.status])} – {french(result.title)} : "
                f"{french(result.message)} ({result.reference})"
            )
    else:
        print(
            " | ".join(
                [french(_("conformity_commune", default="commune"))]
                + [french(label) for label in LABELS.values()]
            )
        )
        for slug, results in reports:
            counts = [str(sum(result.status == status for result in results)) for status in LABELS]
            print(" | ".join([slug, *counts]))
    falls_short = any(result.status == NOT_MET for _slug, results in reports for result in results)
    return FAILURE if args.check and falls_short else 0


def _communes(app, slug):
    """Each commune (or the one named) as the current site, in turn."""
    from mairie.policy.provisioning import site as provisioning

    for site, settings in provisioning.communes(app):
        if slug in (None, site.getId()):
            yield site, settings


def _crawl(site, settings, base_url) -> None:
    from mairie.policy.conformity.checks import record_crawl
    from mairie.policy.conformity.crawl import third_party_requests
    from urllib.parse import urlsplit

    exempt = (urlsplit(settings.matomo_url).netloc,) if settings.matomo_url else ()
    with _served(base_url) as server:
        base = base_url or f"{server}/{site.getId()}"
        try:
            pages, third_party = third_party_requests(base, exempt)
        except (OSError, subprocess.SubprocessError) as error:
            from mairie.policy.interfaces import OperationError

            detail = getattr(error, "stderr", None) or str(error)
            raise OperationError(
                _(
                    "error_conformity_crawl",
                    default="the visit of ${address} in Chromium failed (Playwright and "
                    "Debian's chromium are needed): ${detail}",
                    mapping={
                        "address": base,
                        "detail": (detail.strip().splitlines() or ["?"])[-1],
                    },
                )
            ) from None
    record_crawl(site, pages, third_party)


@contextmanager
def _served(base_url):
    """This process's own Zope served on localhost while Chromium visits it (unless the
    crawl goes to ``base_url``): the command holds the database, a demo's FileStorage
    too, and the pages are the ones the instances serve."""
    if base_url:
        yield None
        return
    from waitress.server import create_server
    from ZPublisher.WSGIPublisher import publish_module

    server = create_server(publish_module, host="127.0.0.1", port=0, ident="")
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        # localhost, not 127.0.0.1: plone.app.theming never themes 127.0.0.1.
        yield f"http://localhost:{server.effective_port}"
    finally:
        server.task_dispatcher.shutdown()
        server.close()
