"""No secret from a URL path reaches any output: text, JSON, SARIF, GitHub annotations, flake8 and
every inventory format (issue: `http://host/items;api_key=S` and `.../token/S` were printed)."""
import sys

import pytest

from egress_lint.analysis.urls import parse, redact_path

from .helpers import egress_lint, run

SECRETS = ("Zq8sLm2PxR7tVb", "k4Yw9NcT1eHj3u", "AAHf1qksKZ8WmR2zSjiQ7v4TMAKd", "sess9Ff2LpQ7")
SOURCE = f'''import requests

requests.get("http://api.example.com/items;api_key={SECRETS[0]}")
requests.get("http://api.example.com/token/{SECRETS[1]}/feed")
requests.post("http://api.example.com/bot123456789:{SECRETS[2]}/sendMessage", json={{"text": "hi"}})
requests.get("http://api.example.com/cart;jsessionid={SECRETS[3]}")
'''


@pytest.fixture()
def checked(tmp_path):
    (tmp_path / "client.py").write_text(SOURCE)
    return tmp_path


def _no_secret(text: str) -> None:
    for secret in SECRETS:
        assert secret not in text


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github"])
def test_check_outputs_never_show_a_path_secret(checked, fmt):
    proc = egress_lint("check", "--format", fmt, "--no-cache", "client.py", cwd=checked)
    assert proc.returncode == 1, proc.stderr
    assert "api.example.com" in proc.stdout
    _no_secret(proc.stdout + proc.stderr)


def test_semicolon_credentials_are_egr302_and_redacted(checked):
    proc = egress_lint("check", "--format", "text", "--no-cache", "client.py", cwd=checked)
    lines = [line for line in proc.stdout.splitlines() if "EGR302" in line]
    assert [line.split(":")[1] for line in lines] == ["3", "6"]
    assert "api_key path parameter" in lines[0] and "jsessionid path parameter" in lines[1]
    assert "items;api_key=…" in proc.stdout and "/token/…/feed" in proc.stdout and "/…/sendMessage" in proc.stdout


@pytest.mark.parametrize("fmt", ["table", "json", "csv", "markdown"])
def test_inventory_never_shows_a_path_secret(checked, fmt):
    proc = egress_lint("inventory", "--format", fmt, "client.py", cwd=checked)
    assert proc.returncode in (0, 1), proc.stderr
    assert "api.example.com" in proc.stdout
    _no_secret(proc.stdout + proc.stderr)


def test_flake8_never_shows_a_path_secret(checked):
    proc = run([sys.executable, "-m", "flake8", "--isolated", "--select", "EGR", "client.py"], cwd=checked)
    assert "EGR201" in proc.stdout, proc.stderr
    _no_secret(proc.stdout + proc.stderr)


@pytest.mark.parametrize("path,shown", [
    ("/items;api_key=S3cr3t", "/items;api_key=…"),
    ("/token/S3cr3t/x", "/token/…/x"),
    ("/oauth/token", "/oauth/token"),
    ("/v1/users/42;version=2", "/v1/users/42;version=2"),
    ("/hooks/aB3dE5gH7jK9mN1pQ3rS5tU7", "/hooks/…"),
    ("/docs/getting-started-with-the-api", "/docs/getting-started-with-the-api"),
])
def test_redact_path(path, shown):
    assert redact_path(path) == shown
    assert parse("https://h.example.com" + path).display == "https://h.example.com" + shown
