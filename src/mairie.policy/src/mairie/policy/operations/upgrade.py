"""mairie upgrade: bring each commune's site to the code's version, in place.

For one commune, in this order: Plone's own upgrade when Plone moved
(portal_migration), the pending upgrade steps of each installed mairie
profile in dependency order, then what the code requires that the site lacks
(see ``missing``). The caller gives each commune its own transaction.
"""

from dataclasses import dataclass
from dataclasses import field
from lxml import etree
from mairie.policy import _
from mairie.policy import logger
from mairie.policy import mailqueue
from mairie.policy.modules import modules
from mairie.policy.provisioning.site import is_commune
from pathlib import Path
from plone.app.registry.exportimport.handler import RegistryImporter
from plone.base.utils import get_installer
from plone.registry.interfaces import IRegistry
from Products.CMFCore.indexing import processQueue
from Products.GenericSetup.upgrade import normalize_version
from ZODB.POSException import ConflictError
from zope.component import getUtility
from zope.component.hooks import setSite
from zope.dottedname.resolve import resolve
from zope.schema import getFieldsInOrder

import logging
import time
import transaction


# A commune upgraded while the instances write to it may conflict; try again on fresh data.
ATTEMPTS = 3
UNKNOWN = "unknown"
PLONE_PROFILE = "Products.CMFPlone:plone"


@dataclass
class Change:
    """One thing the upgrade does to a commune: what the operator reads, and how."""

    label: object  # a Message, translated by the command
    run: object = field(repr=False)


@dataclass
class Downgrade:
    """A profile the database has at a newer version than the code."""

    profile: str
    stored: str
    code: str


class StepFailed(Exception):
    """A change failed: which one, and why (a Message or the error's own words)."""

    def __init__(self, change: Change, reason):
        super().__init__(str(reason))
        self.change = change
        self.reason = reason


class _NoPath(Exception):
    def __init__(self, message):
        super().__init__(message)
        self.message = message


def mairie_profiles(setup) -> list[str]:
    """The installed ``mairie.*:default`` profiles, each after those it depends on."""
    installed = {
        info["id"]
        for info in setup.listProfileInfo()
        if info["id"].startswith("mairie.")
        and info["id"].endswith(":default")
        and setup.getLastVersionForProfile(info["id"]) != UNKNOWN
    }
    ordered = []
    # The core first where dependencies say nothing, then by name: a stable order.
    for profile in sorted(installed, key=lambda id_: (id_ != "mairie.policy:default", id_)):
        for dependency in setup.getProfileDependencyChain(profile):
            dependency = dependency.removeprefix("profile-")
            if dependency in installed and dependency not in ordered:
                ordered.append(dependency)
    return ordered


def downgrades(site) -> list[Downgrade]:
    """Profiles of this site written by a newer code than this one."""
    setup = site.portal_setup
    found = []
    for profile in (PLONE_PROFILE, *mairie_profiles(setup)):
        stored = _version(setup.getLastVersionForProfile(profile))
        code = _version(setup.getVersionForProfile(profile))
        if stored != UNKNOWN and normalize_version(stored) > normalize_version(code):
            found.append(Downgrade(profile, stored, code))
    return found


def pending(site) -> list[Change]:
    """What the upgrade would do to this commune now, in order; nothing when up to date."""
    return _upgrades(site) + missing(site)


def apply(site) -> list[Change]:
    """Run every pending change; StepFailed names the one that failed (caller aborts)."""
    done = []
    for change in _upgrades(site):
        _run(change)
        done.append(change)
    # What the steps did not bring, looked for once they have run.
    for change in missing(site):
        _run(change)
        done.append(change)
    return done


def _upgrades(site) -> list[Change]:
    """Plone's upgrade when Plone moved, then each mairie profile's pending steps."""
    changes = []
    migration = site.portal_migration
    if migration.needUpgrading():
        changes.append(
            Change(
                _(
                    "upgrade_plone",
                    default="Plone ${stored} → ${code}",
                    mapping={
                        "stored": migration.getInstanceVersion(),
                        "code": migration.getFileSystemVersion(),
                    },
                ),
                lambda: migration.upgrade(swallow_errors=False),
            )
        )
    setup = site.portal_setup
    for profile in mairie_profiles(setup):
        changes.extend(_steps(setup, profile))
    return changes


def _run(change: Change) -> None:
    logger.info("Upgrade: %s", change.label)
    try:
        change.run()
    except ConflictError:
        raise
    except _NoPath as error:
        raise StepFailed(change, error.message) from None
    except Exception as error:
        logger.exception("Upgrade step failed: %s", change.label)
        raise StepFailed(change, f"{error.__class__.__name__}: {error}") from error


def _steps(setup, profile: str) -> list[Change]:
    stored = _version(setup.getLastVersionForProfile(profile))
    code = _version(setup.getVersionForProfile(profile))
    if normalize_version(stored) >= normalize_version(code):
        return []
    changes = [
        Change(
            _(
                "upgrade_step",
                default="${profile} ${source} → ${dest}: ${title}",
                mapping={
                    "profile": profile.partition(":")[0],
                    "source": _version(step.source or stored),
                    "dest": _version(step.dest),
                    "title": step.title,
                },
            ),
            _step_runner(setup, profile, step),
        )
        for step in setup.listUpgrades(profile, simple=True)
    ]
    reached = _version(changes and setup.listUpgrades(profile, simple=True)[-1].dest or stored)
    if normalize_version(reached) < normalize_version(code):
        label = _(
            "upgrade_no_path",
            default="${profile} ${stored} → ${code}",
            mapping={"profile": profile.partition(":")[0], "stored": reached, "code": code},
        )
        changes.append(Change(label, _no_path))
    return changes


def _step_runner(setup, profile, step):
    def run():
        step.doStep(setup)
        if step.dest is not None:
            setup.setLastVersionForProfile(profile, step.dest)

    return run


def _no_path():
    raise _NoPath(
        _("upgrade_no_path_reason", default="no upgrade step leads to the code's version")
    )


def missing(site) -> list[Change]:
    """What the code requires that this commune lacks, whatever its history.

    The modules its settings list, the dependencies of its mairie profiles,
    the settings, types and catalog indexes those profiles declare. Values
    already there are kept: a record is added with its default, a type or an
    index by importing that step of the profile again.
    """
    setup = site.portal_setup
    changes = [*_missing_modules(site), *missing_dependencies(setup), *_lost_mail_queue(site)]
    registry = getUtility(IRegistry, context=site)
    for profile in mairie_profiles(setup):
        directory = Path(setup.getProfileInfo(profile)["path"])
        changes.extend(_missing_records(registry, profile, directory))
        changes.extend(_missing_types(site, setup, profile, directory))
        changes.extend(_missing_indexes(site, setup, profile, directory))
    return changes


def _missing_modules(site) -> list[Change]:
    registry = getUtility(IRegistry, context=site)
    wanted = registry.get("mairie.commune.modules") or ()
    installer = get_installer(site)
    return [
        Change(
            _(
                "upgrade_missing_module",
                default="module “${module}” installed (${product})",
                mapping={"module": name, "product": module.product},
            ),
            lambda product=module.product: installer.install_product(product),
        )
        for name, module in modules().items()
        if name in wanted and not installer.is_product_installed(module.product)
    ]


def _lost_mail_queue(site) -> list[Change]:
    """A queue path stored by a deployment at another place (moved, restored elsewhere).

    Only a directory that is gone is replaced: mails waiting in one that exists stay theirs.
    """
    mailhost = getattr(site, "MailHost", None)
    stored = getattr(mailhost, "smtp_queue_directory", "") or ""
    wanted = mailqueue.directory(site)
    if not getattr(mailhost, "smtp_queue", False) or stored == wanted or Path(stored).exists():
        return []
    return [
        Change(
            _(
                "upgrade_mail_queue",
                default="mail queue moved from ${stored} (gone) to ${wanted}",
                mapping={"stored": stored, "wanted": wanted},
            ),
            lambda: mailqueue.use_queue(mailhost, wanted),
        )
    ]


def missing_dependencies(setup) -> list[Change]:
    """The profiles a mairie profile depends on (its metadata.xml) that the site lacks."""
    changes = []
    seen = set()
    for profile in mairie_profiles(setup):
        for dependency in setup.getDependenciesForProfile(profile):
            dependency = dependency.removeprefix("profile-")
            if dependency in seen or setup.getLastVersionForProfile(dependency) != UNKNOWN:
                continue
            seen.add(dependency)
            changes.append(
                Change(
                    _(
                        "upgrade_missing_dependency",
                        default="${profile} needs ${dependency}: installed",
                        mapping={"profile": profile.partition(":")[0], "dependency": dependency},
                    ),
                    lambda dependency=dependency: setup.runAllImportStepsFromProfile(
                        f"profile-{dependency}"
                    ),
                )
            )
    return changes


def _registry_files(directory: Path) -> list[Path]:
    return sorted((directory / "registry").glob("*.xml")) + [
        path for path in [directory / "registry.xml"] if path.exists()
    ]


def _missing_records(registry, profile: str, directory: Path) -> list[Change]:
    changes = []
    lone = []
    for path in _registry_files(directory):
        for node in etree.parse(str(path)).getroot():
            if node.tag == "records" and node.get("interface"):
                interface = resolve(node.get("interface"))
                prefix = node.get("prefix") or interface.__identifier__
                absent = [
                    f"{prefix}.{name}"
                    for name, field_ in getFieldsInOrder(interface)
                    if not field_.readonly and f"{prefix}.{name}" not in registry.records
                ]
                if absent:
                    changes.append(
                        Change(
                            _(
                                "upgrade_missing_records",
                                default="settings added: ${records}",
                                mapping={"records": ", ".join(absent)},
                            ),
                            lambda i=interface, p=prefix: registry.registerInterface(i, prefix=p),
                        )
                    )
            elif (
                node.tag == "record"
                and node.get("name") not in registry.records
                # A record without its field only gives a value to another profile's record.
                and (node.find("field") is not None or node.get("interface"))
            ):
                lone.append(node)
    if lone:
        document = etree.Element("registry")
        document.extend(lone)
        changes.append(
            Change(
                _(
                    "upgrade_missing_records",
                    default="settings added: ${records}",
                    mapping={"records": ", ".join(node.get("name") for node in lone)},
                ),
                lambda: RegistryImporter(registry, _Environ()).importDocument(
                    etree.tostring(document)
                ),
            )
        )
    return changes


class _Environ:
    """What plone.app.registry's importer asks of a GenericSetup import context."""

    def shouldPurge(self):
        return False

    def getLogger(self, name):
        return logging.getLogger(name)


def _missing_types(site, setup, profile: str, directory: Path) -> list[Change]:
    path = directory / "types.xml"
    if not path.exists():
        return []
    names = [node.get("name") for node in etree.parse(str(path)).getroot().findall("object")]
    absent = [name for name in names if name not in site.portal_types.objectIds()]
    if not absent:
        return []
    return [
        Change(
            _(
                "upgrade_missing_types",
                default="content types added: ${types}",
                mapping={"types": ", ".join(absent)},
            ),
            lambda: setup.runImportStepFromProfile(
                f"profile-{profile}", "typeinfo", run_dependencies=False
            ),
        )
    ]


def _missing_indexes(site, setup, profile: str, directory: Path) -> list[Change]:
    path = directory / "catalog.xml"
    if not path.exists():
        return []
    catalog = site.portal_catalog
    names = [node.get("name") for node in etree.parse(str(path)).getroot().iter("index")]
    absent = [name for name in names if name not in catalog.indexes()]
    if not absent:
        return []

    def run():
        setup.runImportStepFromProfile(f"profile-{profile}", "catalog", run_dependencies=False)
        # GenericSetup adds an index empty: fill it from the content already there.
        catalog.manage_reindexIndex(ids=absent)

    return [
        Change(
            _(
                "upgrade_missing_indexes",
                default="catalog indexes added: ${indexes}",
                mapping={"indexes": ", ".join(absent)},
            ),
            run,
        )
    ]


def _version(version) -> str:
    if isinstance(version, tuple):
        return ".".join(version)
    return version or UNKNOWN


@dataclass
class Result:
    """What became of one commune."""

    slug: str
    changes: list = field(default_factory=list)
    seconds: float = 0.0
    failure: StepFailed | None = None


def communes(app, slugs=()) -> list[str]:
    """The communes asked for (all by default), by id; UnknownCommune names one that is not."""
    sites = [site.getId() for site in app.objectValues() if is_commune(site)]
    for slug in slugs:
        if slug not in sites:
            raise UnknownCommune(slug)
    return list(dict.fromkeys(slugs)) if slugs else sites


class UnknownCommune(Exception):
    def __init__(self, slug):
        super().__init__(slug)
        self.slug = slug


def run(app, slug: str, dry_run: bool = False) -> Result:
    """Upgrade one commune in its own transaction, committed whole or not at all.

    A ConflictError (another instance wrote meanwhile) starts it again on fresh
    data, up to ATTEMPTS times; a failed step leaves the commune as it was.
    """
    started = time.monotonic()
    for attempt in range(1, ATTEMPTS + 1):
        site = app[slug]
        setSite(site)
        try:
            if dry_run:
                changes = pending(site)
                _abort()
            else:
                changes = apply(site)
                processQueue()
                transaction.commit()
        except ConflictError:
            _abort()
            if attempt == ATTEMPTS:
                raise
            logger.info("Upgrade of %s: conflict, attempt %s", slug, attempt + 1)
            continue
        except StepFailed as failure:
            _abort()
            return Result(slug, seconds=time.monotonic() - started, failure=failure)
        except BaseException:
            _abort()
            raise
        finally:
            setSite(None)
        return Result(slug, [change.label for change in changes], time.monotonic() - started)


def _abort():
    # Leave the site first: the indexing queue aborts against the global registry.
    setSite(None)
    transaction.abort()
