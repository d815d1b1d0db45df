"""Open the Zope application of a deployment for a command, and close it."""

from AccessControl.SecurityManagement import newSecurityManager
from AccessControl.SecurityManagement import noSecurityManager
from AccessControl.users import system
from contextlib import contextmanager
from Testing.makerequest import makerequest
from zope.component.hooks import setSite
from zope.globalrequest import setRequest

import transaction


@contextmanager
def zope_app(zope_conf: str):
    """The application root, run as the system user; commits only on success."""
    from Zope2.Startup.run import make_wsgi_app

    import Zope2

    make_wsgi_app({}, zope_conf)
    app = makerequest(Zope2.app())
    app.REQUEST["PARENTS"] = [app]
    app.REQUEST["HTTP_ACCEPT_LANGUAGE"] = "fr"
    setRequest(app.REQUEST)
    newSecurityManager(None, system)
    try:
        yield app
        transaction.commit()
    except BaseException:
        # Leave the site first: the indexing queue aborts against the global registry.
        setSite(None)
        transaction.abort()
        raise
    finally:
        setSite(None)
        noSecurityManager()
        setRequest(None)
        # Closing the database spares the next start an index rebuild.
        app._p_jar.db().close()
