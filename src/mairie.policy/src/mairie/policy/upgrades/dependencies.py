"""The upgrade step of a mairie profile that declares a new dependency (its metadata.xml).

GenericSetup applies a profile's dependencies when it is installed, not when a
site already has it: the step applies those the site lacks. A commune has
them all (provisioning installs mairie.policy first): only the version moves.
"""

from mairie.policy import logger
from mairie.policy.operations.upgrade import missing_dependencies


def apply_missing(context):
    for change in missing_dependencies(context):
        logger.info("Upgrade: %s", change.label)
        change.run()
