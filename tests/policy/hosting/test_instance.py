"""The demo instance as `make start` configures and serves it (runwsgi, its own zope.ini),
not the tests' server: behind a proxy on the loopback, the visitor's address and scheme
reach the site's rules, and no header names the server software."""

from deployment import mairie
from deployment import serve
from deployment import write_zope_conf
from paths import AGENCY_FILE
from paths import DEMO_PROFILE

import pytest
import requests
import socket
import time


pytestmark = pytest.mark.deployment


SITE = "saint-aubin-sur-loire"
LOGIN = "espace-agents"  # the demo profile's security.login_path
ALLOWED = "203.0.113.5"  # in the demo profile's admin_ip_allowlist
FRENCH_ELSEWHERE = "90.0.0.1"  # French, outside the allowlist
FOREIGN = "8.8.8.8"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def instance(tmp_path_factory):
    port = free_port()
    zope_conf = write_zope_conf(tmp_path_factory.mktemp("deployed"), port)
    created = mairie(zope_conf, AGENCY_FILE, "create", str(DEMO_PROFILE))
    assert created.returncode == 0, created.stderr
    server = serve(zope_conf)
    url = f"http://localhost:{port}/{SITE}"
    try:
        for _ in range(180):
            try:
                # The first page compiles templates: slow on a busy machine.
                if requests.get(url, timeout=60).status_code == 200:
                    break
            except requests.RequestException:
                pass
            if server.poll() is not None:
                pytest.fail("the demo instance stopped at its start")
            time.sleep(0.5)
        else:
            pytest.fail("the demo instance did not answer")
        yield url
    finally:
        server.terminate()
        server.wait(timeout=30)


def get(url, forwarded_for=None, **headers):
    if forwarded_for:
        headers["X-Forwarded-For"] = forwarded_for
    return requests.get(url, headers=headers, timeout=30, allow_redirects=False)


def test_the_visitor_behind_the_proxy_is_not_the_operator(instance):
    assert get(f"{instance}/{LOGIN}").status_code == 200  # the operator, on the machine
    assert get(f"{instance}/{LOGIN}", ALLOWED).status_code == 200
    assert get(f"{instance}/{LOGIN}", FRENCH_ELSEWHERE).status_code == 403
    assert get(f"{instance}/{LOGIN}", f"{FOREIGN}, 127.0.0.1").status_code == 403


def test_https_behind_the_proxy(instance):
    plain = get(instance, ALLOWED)
    assert "Strict-Transport-Security" not in plain.headers
    secure = get(instance, ALLOWED, **{"X-Forwarded-Proto": "https"})
    assert secure.headers["Strict-Transport-Security"].startswith("max-age=")


def test_no_header_names_the_software(instance):
    for response in (get(instance), get(f"{instance}/no-such-page")):
        assert "Server" not in response.headers
        assert "X-Powered-By" not in response.headers
