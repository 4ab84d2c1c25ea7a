"""The allowed-hosts option changes the cleartext rules' result in both front ends."""
import sys
from pathlib import Path

from egress_lint.analysis.hosts import HostPolicy

from .helpers import egress_lint, flake8, parse_lines, run

SOURCE = '''import http.client
import requests

requests.get("http://billing.corp.example.com/health")
requests.get("http://10.1.2.3:8080/metrics")
requests.get("http://legacy.example.com/")
requests.get("http://corp.example.com.evil.net/")
conn = http.client.HTTPConnection("db.corp.example.com")
'''
ALLOWED = ["*.corp.example.com", "10.0.0.0/8", "legacy.example.com"]


def _write(tmp_path: Path) -> Path:
    path = tmp_path / "app.py"
    path.write_text(SOURCE)
    return path


def test_without_the_option_every_external_host_is_reported(tmp_path):
    _write(tmp_path)
    found = [(item["line"], item["code"]) for item in parse_lines(egress_lint("check", "app.py", cwd=tmp_path).stdout)]
    assert found == [("4", "EGR201"), ("5", "EGR201"), ("6", "EGR201"), ("7", "EGR201"), ("8", "EGR203")]


def test_pyproject_allowed_hosts(tmp_path):
    _write(tmp_path)
    (tmp_path / "pyproject.toml").write_text(f"[tool.egress-lint]\nallowed-hosts = {ALLOWED!r}\n")
    found = [(item["line"], item["code"]) for item in parse_lines(egress_lint("check", "app.py", cwd=tmp_path).stdout)]
    assert found == [("7", "EGR201")]


def test_flake8_option_and_config_file(tmp_path):
    path = _write(tmp_path)
    proc = flake8("--select", "EGR2", "--egress-allowed-hosts", ",".join(ALLOWED), str(path))
    assert [(item["line"], item["code"]) for item in parse_lines(proc.stdout)] == [("7", "EGR201")]
    (tmp_path / "setup.cfg").write_text("[flake8]\negress-allowed-hosts =\n    *.corp.example.com\n    10.0.0.0/8\n")
    proc = run([sys.executable, "-m", "flake8", "--select", "EGR2", "app.py"], cwd=tmp_path)  # reads setup.cfg
    assert [(item["line"], item["code"]) for item in parse_lines(proc.stdout)] == [
        ("6", "EGR201"), ("7", "EGR201")]


def test_bad_cidr_is_a_config_error_naming_the_key(tmp_path):
    _write(tmp_path)
    (tmp_path / "pyproject.toml").write_text('[tool.egress-lint]\nallowed-hosts = ["10.0.0.0/33"]\n')
    proc = egress_lint("check", "app.py", cwd=tmp_path)
    assert proc.returncode == 2
    assert "'allowed-hosts' has '10.0.0.0/33' is not a valid CIDR range" in proc.stderr


def test_policy_matches_exact_hosts_never_prefixes():
    policy = HostPolicy(["*.corp.example.com", "10.0.0.0/8"])
    assert policy.exempt("localhost") and policy.exempt("api.localhost") and policy.exempt("LOCALHOST.")
    assert policy.exempt("127.0.0.5") and policy.exempt("::1") and policy.exempt("[::1]")
    assert policy.exempt("::ffff:127.0.0.1")
    assert policy.exempt("a.b.corp.example.com") and policy.exempt("10.200.1.1")
    assert not policy.exempt("localhost.example.com")
    assert not policy.exempt("corp.example.com")
    assert not policy.exempt("evilcorp.example.com")
    assert not policy.exempt("example.com")
    assert not policy.exempt("11.0.0.1")
    assert not policy.exempt("127.0.0.1.nip.io")
