"""Certificate pins written by hand (tests/fixtures/EGR102.py, the pinning functions), through the
CLI with only the TLS codes selected and through a real flake8: a pin checked in the same function
or by a helper given the socket clears the finding whatever else runs, and nothing more."""
import pytest

from egress_lint.annotations import expectations

from .conftest import FIXTURES
from .helpers import egress_lint, flake8, parse_lines

FIXTURE = FIXTURES / "EGR102.py"
CODES = ("EGR102", "EGR103")


def _annotated(kind):
    return {(line, code) for line, code in expectations(FIXTURE.read_text().splitlines())[kind] if code in CODES}


@pytest.mark.parametrize("select", [["--select", ",".join(CODES)], []], ids=["tls-codes-only", "every-code"])
def test_cli_reports_the_annotated_tls_findings(select):
    proc = egress_lint("check", "--no-cache", "--no-hints", *select, str(FIXTURE))
    assert proc.returncode == 1, proc.stderr
    found = {(int(f["line"]), f["code"]) for f in parse_lines(proc.stdout) if f["code"] in CODES}
    assert found == _annotated("ruleid")
    assert not found & _annotated("ok")


def test_flake8_agrees_on_the_helper_pins():
    proc = flake8("--select", ",".join(CODES), str(FIXTURE))
    assert "internal error" not in proc.stderr, proc.stderr
    found = {(int(f["line"]), f["code"]) for f in parse_lines(proc.stdout)}
    assert found == _annotated("ruleid")
    # the helper checks: every call pinned (ok) and a verdict ignored or a mismatch swallowed (reported)
    lines = FIXTURE.read_text().splitlines()
    every_time = lines.index("def pinned_by_a_helper_every_time(host, pins):") + 1
    assert (every_time + 5, "EGR102") not in found and (every_time + 3, "EGR102") not in found
    ignored = lines.index("def helper_verdict_ignored(host, pin):") + 1
    assert {(ignored + 2, "EGR102"), (ignored + 4, "EGR102")} <= found
