"""The proxy configuration written from the communes' addresses (mairie.policy.hosting.proxy)."""

from mairie.policy.commune.schema import Proxy
from mairie.policy.hosting.proxy import HostConflict
from mairie.policy.hosting.proxy import Hosts
from mairie.policy.hosting.proxy import render
from mairie.policy.hosting.proxy import write

import pytest
import shutil
import subprocess


COMMUNES = [
    Hosts("saint-aubin", "saint-aubin.communes.example.fr", "www.saint-aubin.fr"),
    Hosts("brissac", "brissac.communes.example.fr"),
]


@pytest.fixture
def proxy():
    return Proxy(listen=8095, instances=["127.0.0.1:8081", "10.0.0.2:8080"])


def test_every_address_leads_to_its_commune(proxy, tmp_path):
    sites = render(proxy, tmp_path, COMMUNES)["mairie-sites.conf"]
    assert "    saint-aubin.communes.example.fr saint-aubin;" in sites
    assert "    www.saint-aubin.fr saint-aubin;" in sites
    assert "    brissac.communes.example.fr brissac;" in sites
    # The temporary address of a commune with its own domain redirects there.
    assert "    saint-aubin.communes.example.fr www.saint-aubin.fr;" in sites
    assert "brissac.communes.example.fr www" not in sites
    # VirtualHostMonster: the domain as the visitor typed it, the commune as root.
    assert "/VirtualHostBase/$scheme/$host:$server_port/$mairie_site/VirtualHostRoot$1" in sites
    assert "server 127.0.0.1:8081 " in sites and "server 10.0.0.2:8080 " in sites
    assert "listen 8095 default_server;" in sites


def test_only_the_instances_may_purge(proxy, tmp_path):
    vcl = render(proxy, tmp_path, COMMUNES)["varnish.vcl"]
    assert '    "10.0.0.2";\n    "127.0.0.1";' in vcl
    assert '.host = "127.0.0.1";' in vcl and '.port = "6080";' in vcl


def test_one_address_for_two_communes_is_refused(proxy, tmp_path):
    clash = [*COMMUNES, Hosts("autre", "autre.communes.example.fr", "www.saint-aubin.fr")]
    with pytest.raises(HostConflict) as error:
        render(proxy, tmp_path, clash)
    assert error.value.host == "www.saint-aubin.fr"
    assert set(error.value.communes) == {"saint-aubin", "autre"}
    assert not (tmp_path / "mairie-sites.conf").exists()


@pytest.mark.proxy
@pytest.mark.skipif(not shutil.which("nginx"), reason="nginx (Debian) is installed by make test")
def test_nginx_accepts_the_configuration(proxy, tmp_path):
    write(proxy, tmp_path, COMMUNES)
    checked = subprocess.run(
        ["nginx", "-t", "-c", str(tmp_path / "nginx.conf"), "-p", str(tmp_path)],
        capture_output=True,
        text=True,
    )
    assert checked.returncode == 0, checked.stderr


@pytest.mark.proxy
@pytest.mark.skipif(
    not shutil.which("varnishd"), reason="Varnish (Debian) is installed by make test"
)
def test_varnish_compiles_the_rules(proxy, tmp_path):
    write(proxy, tmp_path, COMMUNES)
    compiled = subprocess.run(
        [
            "varnishd",
            "-C",
            "-j",
            "none",
            "-f",
            str(tmp_path / "varnish.vcl"),
            "-n",
            str(tmp_path / "varnish"),
        ],
        capture_output=True,
        text=True,
    )
    assert compiled.returncode == 0, compiled.stderr


def test_a_failing_reload_is_reported(tmp_path):
    proxy = Proxy(reload="false")
    from mairie.policy.hosting.proxy import ReloadError

    with pytest.raises(ReloadError) as error:
        write(proxy, tmp_path, COMMUNES)
    assert error.value.command == "false"
    # The files are written all the same: the operator reloads by hand.
    assert (tmp_path / "varnish.vcl").exists()
