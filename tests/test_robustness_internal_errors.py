"""A rule that fails is reported, never swallowed; the other rules and files still run.

The real CLI runs in a subprocess whose catalogue has one extra rule that raises half-way through
its check: the product has no switch to make a rule fail, so the test adds a failing rule the way a
buggy new rule would arrive.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from tests.helpers import parse_lines, run

CRASHING_CLI = """
import sys
from egress_lint import catalogue
from egress_lint.rules.tls_verify.egr101_verification_disabled import VerificationDisabled

class CrashingRule(VerificationDisabled):
    code = "EGR199"

    def check(self, model):
        yield from super().check(model)
        raise ZeroDivisionError("rule bug")

catalogue.RULES = catalogue.RULES + (CrashingRule,)
catalogue.BY_CODE["EGR199"] = CrashingRule
from egress_lint.cli import main
sys.exit(main(sys.argv[1:]))
"""

INSECURE = "import requests\nrequests.get('https://a.example.com', verify=False)\n"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "a.py").write_text(INSECURE)
    (tmp_path / "quiet.py").write_text("x = 1\n")  # no library in scope: the pre-check skips it
    return tmp_path


def crashing_check(folder: Path, *args: str):
    return run([sys.executable, "-c", CRASHING_CLI, "check", "--no-hints", *args, "."], cwd=folder)


def test_internal_error_is_reported_and_other_rules_still_report(project: Path):
    proc = crashing_check(project)
    assert "Traceback" not in proc.stderr
    assert proc.stderr.splitlines() == [
        "egress-lint: a.py: internal error in EGR199: ZeroDivisionError: rule bug"]
    assert [(f["path"], f["line"], f["code"]) for f in parse_lines(proc.stdout)] == [("a.py", "2", "EGR101")]
    assert proc.returncode == 1  # the findings decide, unless --strict


def test_strict_makes_an_internal_error_fail_the_run(project: Path):
    proc = crashing_check(project, "--strict")
    assert proc.returncode == 2
    assert "internal error in EGR199" in proc.stderr
    assert [f["code"] for f in parse_lines(proc.stdout)] == ["EGR101"]


def test_strict_without_internal_errors_changes_nothing(project: Path):
    proc = crashing_check(project, "--strict", "--ignore", "EGR199")
    assert proc.returncode == 1 and proc.stderr == ""


def test_internal_error_is_a_sarif_tool_execution_notification(project: Path):
    proc = crashing_check(project, "--format", "sarif")
    run = json.loads(proc.stdout)["runs"][0]
    invocation = run["invocations"][0]
    assert invocation["executionSuccessful"] is False
    notes = invocation["toolExecutionNotifications"]
    assert [(n["level"], n["message"]["text"]) for n in notes] == [
        ("error", "a.py: internal error in EGR199: ZeroDivisionError: rule bug")]
    assert notes[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "a.py"
    assert [r["ruleId"] for r in run["results"]] == ["EGR101"]
