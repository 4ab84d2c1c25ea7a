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
    assert proc.returncode == 2  # a gate that could not look does not pass


def test_no_strict_lets_the_findings_decide(project: Path):
    proc = crashing_check(project, "--no-strict")
    assert proc.returncode == 1
    assert "internal error in EGR199" in proc.stderr


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


# A never-called helper whose URL holds an integer too long to turn into a string (CPython's
# int->str digit limit) made five rules raise for the whole file, hiding the real finding below it.
LONG_INT_HELPER = """import requests

def helper():
    return requests.get(f"https://example.com/{0x%s}")

requests.post("http://api.example.com/login", data={"password": "hunter2"})
""" % ("f" * 5000)


def test_an_error_in_one_expression_costs_only_that_expression(tmp_path: Path):
    (tmp_path / "a.py").write_text(LONG_INT_HELPER)
    proc = run([sys.executable, "-m", "egress_lint", "check", "--no-cache", "--no-hints", "a.py"], cwd=tmp_path)
    assert "Traceback" not in proc.stderr
    found = [(f["line"], f["code"]) for f in parse_lines(proc.stdout)]
    assert ("6", "EGR201") in found and ("6", "EGR202") in found and {line for line, _ in found} == {"6"}
    # One line for the expression, naming the first rule that raised there; every rule skips it.
    [error] = proc.stderr.splitlines()
    assert error.startswith("egress-lint: a.py:4:12: internal error in EGR201: ValueError: Exceeds the limit")
    assert error.endswith("(this expression was skipped by every rule; the rest of the file was checked)")
    assert proc.stdout.rstrip().endswith("(1 file checked, 1 internal error).")
    assert proc.returncode == 2
    relaxed = run([sys.executable, "-m", "egress_lint", "check", "--no-cache", "--no-strict", "a.py"], cwd=tmp_path)
    assert relaxed.returncode == 1


def test_flake8_reports_an_internal_error_as_egr000(tmp_path: Path):
    (tmp_path / "a.py").write_text(LONG_INT_HELPER)
    proc = run([sys.executable, "-m", "flake8", "--isolated", "--select", "EGR", "a.py"], cwd=tmp_path)
    found = [(f["line"], f["col"], f["code"]) for f in parse_lines(proc.stdout)]
    assert ("4", "12", "EGR000") in found
    assert ("6", "1", "EGR201") in found and ("6", "1", "EGR202") in found
    assert {line for line, _, code in found if code == "EGR000"} == {"4"}
    assert {line for line, _, code in found if code != "EGR000"} == {"6"}
    assert proc.returncode == 1


def test_egr000_is_declared_in_the_catalogue_and_documented(root: Path):
    from egress_lint.catalogue import BY_CODE, INTERNAL_ERROR_CODE

    assert INTERNAL_ERROR_CODE == "EGR000" and INTERNAL_ERROR_CODE not in BY_CODE  # never a rule to select
    assert "EGR000" in (root / "README.md").read_text(encoding="utf-8")
    assert "EGR000" in (root / "docs" / "robustness.md").read_text(encoding="utf-8")
    explained = run([sys.executable, "-m", "egress_lint", "explain", "egr000"])
    assert explained.returncode == 0 and explained.stdout.startswith("# EGR000: ")


# Real findings of every rule family (tls-verify, cleartext, auth), then statements the rules and the
# shared analysis walk other than call sites, each holding a value too long to turn into a string:
# an attribute store, an environment write, a client's configuration statement, a Django setting, and
# an assignment read by a later call. Each used to cost the rules that walked it the whole file.
REAL = """import os
import ssl

import requests
import urllib3

urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)
os.environ["CURL_CA_BUNDLE"] = ""
requests.get("https://a.example.com/x", verify=False)
requests.post("http://api.example.com/login", data={"password": "hunter2"})
requests.get("https://api.example.com/items?api_key=sk_live_abcdef123456")
requests.get("https://api.example.com/me", headers={"Authorization": "Bearer abcdef0123456789abcdef"})
"""
HUGE = "0x" + "f" * 5000
POISONED = f"""
ssl._create_default_https_context = f"{{{HUGE}}}"
os.environ["PYTHONHTTPSVERIFY"] = f"{{{HUGE}}}"
session = requests.Session()
session.verify = f"{{{HUGE}}}"
DATABASES = {{"default": {{"ENGINE": "django.db.backends.postgresql", "HOST": f"{{{HUGE}}}"}}}}
URL = f"https://example.com/{{{HUGE}}}"
requests.get(URL)
"""
POISONED_LINES = {"14", "15", "17", "18", "20"}  # the statements or expressions that raise
REAL_FINDINGS = [("7", "EGR105"), ("8", "EGR104"), ("9", "EGR101"), ("10", "EGR201"), ("10", "EGR202"),
                 ("10", "EGR303"), ("11", "EGR302"), ("12", "EGR303")]
# More call sites than the old per-call retry would take on (it gave up past 5,000).
MANY_CALLS = "sizes = [" + ", ".join(["len('')"] * 5001) + "]\n"


def _findings(stdout: str):
    return [(f["line"], f["col"], f["code"], f["message"]) for f in parse_lines(stdout)]


@pytest.mark.parametrize("extra", ["", MANY_CALLS], ids=["poisoned", "poisoned-with-5001-calls"])
def test_an_error_in_a_walked_statement_costs_only_that_statement(tmp_path: Path, extra: str):
    from egress_lint.catalogue import BY_CODE

    (tmp_path / "clean.py").write_text(REAL)
    (tmp_path / "a.py").write_text(REAL + POISONED + extra)
    clean = run([sys.executable, "-m", "egress_lint", "check", "--no-cache", "--no-hints", "clean.py"], cwd=tmp_path)
    assert [(line, code) for line, _, code, _ in _findings(clean.stdout)] == REAL_FINDINGS
    assert {BY_CODE[code].family for _, code in REAL_FINDINGS} == {"tls-verify", "cleartext", "auth"}

    proc = run([sys.executable, "-m", "egress_lint", "check", "--no-cache", "--no-hints", "a.py"], cwd=tmp_path)
    assert "Traceback" not in proc.stderr
    assert _findings(proc.stdout) == _findings(clean.stdout)  # every real finding, message for message
    errors = proc.stderr.splitlines()
    assert {line.split(":")[2] for line in errors} == POISONED_LINES
    assert all(line.startswith("egress-lint: a.py:") and " internal error in EGR" in line
               and line.endswith("(this expression was skipped by every rule; the rest of the file was checked)")
               for line in errors), errors
    assert proc.returncode == 2  # the gate could not look at everything: it does not pass


def test_flake8_reports_each_walked_statement_that_raised_as_egr000(tmp_path: Path):
    (tmp_path / "a.py").write_text(REAL + POISONED)
    proc = run([sys.executable, "-m", "flake8", "--isolated", "--select", "EGR", "a.py"], cwd=tmp_path)
    found = [(f["line"], f["code"]) for f in parse_lines(proc.stdout)]
    assert sorted(line for line, code in found if code == "EGR000") == sorted(POISONED_LINES)
    assert [item for item in found if item[1] != "EGR000"] == REAL_FINDINGS
    assert proc.returncode == 1


def test_the_skipped_statements_do_not_depend_on_the_order_of_the_rules(tmp_path: Path):
    from egress_lint.catalogue import RULES
    from egress_lint.config import Resolver
    from egress_lint.engine import analyse, enabled_rules, parse, source_lines

    text = REAL + POISONED
    settings = Resolver().settings_for(str(tmp_path / "a.py"))
    rules = enabled_rules(settings, RULES)
    outcomes = []
    for order in (rules, tuple(reversed(rules))):
        result = analyse(parse(text, "a.py"), source_lines(text), "a.py", settings, rules=order)
        outcomes.append(([(d.line, d.code, d.message) for d in result.diagnostics],
                         sorted(error.split(":")[1] for error in result.internal_errors)))
    assert outcomes[0] == outcomes[1]
    assert [(str(line), code) for line, code, _ in outcomes[0][0]] == REAL_FINDINGS
    assert outcomes[0][1] == sorted(POISONED_LINES)
