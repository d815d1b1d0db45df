"""How every Zope instance of mairie is served: the WSGI server's options and one filter.

The client's address and scheme are read by the site's own policy, through the
agency's trusted proxies (mairie.policy.backoffice.access), from the proxy
headers as they arrived: waitress must keep them. With its defaults (no
``trusted_proxy``) it deletes ``X-Forwarded-For`` and ``X-Forwarded-Proto``,
and behind nginx every visitor would then be the proxy, i.e. the operator.
The demo instance (scripts/instance_config.py), buildout's instances
(buildout.cfg) and the tests' server (mairie.policy.testing) all take these.
"""

# waitress's own option names and values, as in a PasteDeploy [server:main].
SERVER_OPTIONS = {
    "clear_untrusted_proxy_headers": "false",
    # No Server header naming the software.
    "ident": "",
}
SOFTWARE_HEADERS = frozenset({"x-powered-by", "server"})


def quiet_filter(app, global_conf=None):
    """PasteDeploy filter: no header naming the server software (Zope always
    sends ``X-Powered-By: Zope (www.zope.dev), Python (www.python.org)``)."""

    def quiet(environ, start_response):
        def start(status, headers, exc_info=None):
            kept = [
                (name, value) for name, value in headers if name.lower() not in SOFTWARE_HEADERS
            ]
            return (
                start_response(status, kept, exc_info) if exc_info else start_response(status, kept)
            )

        return app(environ, start)

    return quiet
