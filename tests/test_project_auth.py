"""Credentials across the project, on the fixture project tests/fixtures/projects/ledger (files on
disk), through the CLI, flake8 and the cache: EGR301's forgotten credential (a request with no
credential to a host or base URL that a project module this module imports calls with credentials),
and EGR302 for a query built by a function of another module (`params=signed_query(...)`)."""
import shutil
from pathlib import Path

import pytest


from .conftest import FIXTURES
from .helpers import cached_dependencies, check_project, flake8, parse_lines, project_expectations

LEDGER = FIXTURES / "projects" / "ledger"


def _expected(kind: str):
    return project_expectations(LEDGER, kind)


@pytest.fixture
def ledger(tmp_path) -> Path:
    target = tmp_path / "ledger"
    shutil.copytree(LEDGER, target)
    return target


def test_cli_reports_exactly_the_annotated_findings():
    proc, found = check_project(LEDGER, "--no-cache")
    assert found == _expected("ruleid")
    assert not found & _expected("ok")
    assert "billing/admin.py:9:12: EGR301 requests.delete() calls https://ledger.example.com/v2/entries/{…}, " \
           "but the request at billing/client.py:11 to the same host ledger.example.com sends credentials " \
           "(X-Ledger-Token header), and this one carries none" in proc.stdout.splitlines()
    assert "the request at billing/client.py:20 to the same base URL billing/settings.py:4 sends credentials " \
           "(auth=)" in proc.stdout


@pytest.mark.parametrize("module", ["billing/admin.py", "billing/exports.py"])
def test_flake8_on_one_module_reads_the_modules_it_imports(module):
    proc = flake8("--select", "EGR", module, cwd=LEDGER)
    assert "internal error" not in proc.stderr, proc.stderr
    found = {(int(f["line"]), f["code"]) for f in parse_lines(proc.stdout)}
    assert found == {(line, code) for rel, line, code in _expected("ruleid") if rel == module}


def test_credentials_removed_from_the_imported_module_recheck_the_importer(ledger, tmp_path):
    cache = tmp_path / "cache"
    _, first = check_project(ledger, "--cache-dir", str(cache))
    assert ("billing/admin.py", 9, "EGR301") in first
    assert any(dep.endswith("client.py") for dep in cached_dependencies(cache, "admin.py"))

    client = ledger / "billing" / "client.py"
    client.write_text(client.read_text().replace(', headers={"X-Ledger-Token": os.environ["LEDGER_TOKEN"]}', ""))
    _, second = check_project(ledger, "--cache-dir", str(cache))
    assert {f for f in first if f[0] == "billing/admin.py"} - second == {
        ("billing/admin.py", 9, "EGR301"), ("billing/admin.py", 14, "EGR301")}
    assert ("billing/admin.py", 29, "EGR301") in second  # client.py still calls PARTNER_API with auth=
