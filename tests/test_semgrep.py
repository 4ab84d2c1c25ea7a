"""The Semgrep rules in rules/: the real Semgrep runs their tests, and they agree with the catalogue and the engine.

Semgrep runs twice in the whole module (each run costs several seconds of start-up): once for
`semgrep --test` and once for the parity scan over tests/fixtures/, whose `--strict` JSON also tells
whether every rule loads.
"""
import importlib.util
import json
import re
import shutil
import sys
from pathlib import Path
from typing import Dict, List

import pytest
import yaml

from egress_lint import parity
from egress_lint.annotations import expectations
from egress_lint.catalogue import RULES

from .conftest import ROOT
from .helpers import run

RULES_DIR = ROOT / "rules"
SEMGREP = ["semgrep", "--disable-version-check", "--metrics=off"]
SEVERITY = {"error": "ERROR", "warning": "WARNING"}
METADATA_KEYS = {"egress-lint-code", "cwe", "owasp", "asvs", "references", "category", "subcategory",
                 "technology", "confidence", "likelihood", "impact"}
LEVELS = {"LOW", "MEDIUM", "HIGH"}


def _rule_files() -> List[Path]:
    return sorted(RULES_DIR.rglob("*.yaml"))


def _load(path: Path) -> List[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))["rules"]


@pytest.fixture(scope="session")
def semgrep_rules() -> Dict[str, dict]:
    """egress-lint code -> the Semgrep rule that claims it, with the file it lives in."""
    by_code: Dict[str, dict] = {}
    for path in _rule_files():
        for rule in _load(path):
            code = rule["metadata"]["egress-lint-code"]
            assert code not in by_code, f"{code} has two Semgrep rules: {by_code[code]['id']} and {rule['id']}"
            by_code[code] = dict(rule, path=path)
    return by_code


@pytest.fixture(scope="session")
def semgrep_test_report() -> dict:
    done = run([*SEMGREP, "--test", "--json", "rules/"], cwd=ROOT)
    assert done.stdout, done.stderr[-2000:]
    return dict(json.loads(done.stdout), returncode=done.returncode)


@pytest.fixture(scope="session")
def fixture_scan() -> dict:
    targets = parity.fixture_files(ROOT / "tests" / "fixtures", parity.rule_codes(RULES_DIR))
    return parity.run_semgrep(RULES_DIR, targets)


# --- the real Semgrep -----------------------------------------------------------------------------

def test_semgrep_test_passes_for_every_rule_and_fix(semgrep_test_report, semgrep_rules):
    report = semgrep_test_report
    assert not report["config_with_errors"], report["config_with_errors"]
    assert not report["config_missing_tests"], report["config_missing_tests"]
    assert not report["config_missing_fixtests"], report["config_missing_fixtests"]
    checks = {rule_id: check for config in report["results"].values() for rule_id, check in config["checks"].items()}
    assert set(checks) == {rule["id"] for rule in semgrep_rules.values()}
    failed = {rule_id: check for rule_id, check in checks.items() if not check["passed"]}
    assert not failed, failed
    fixed = {Path(path).name: result["passed"] for path, result in report["fixtest_results"].items()}
    assert fixed == {rule["path"].with_suffix(".py").name: True
                     for rule in semgrep_rules.values() if "fix" in rule or "fix-regex" in rule}
    assert report["returncode"] == 0


def test_every_rule_loads_under_strict_validation(fixture_scan):
    assert fixture_scan["errors"] == []
    assert {r["extra"]["metadata"]["egress-lint-code"] for r in fixture_scan["results"]} == \
        parity.rule_codes(RULES_DIR)


def test_semgrep_findings_carry_the_catalogue_hint_and_severity(fixture_scan):
    hints = {rule.code: rule.hint for rule in RULES}
    severities = {rule.code: SEVERITY[rule.severity.value] for rule in RULES}
    for result in fixture_scan["results"]:
        code = result["extra"]["metadata"]["egress-lint-code"]
        assert result["extra"]["message"].endswith(" \u2014 " + hints[code]), result["extra"]["message"]
        assert result["extra"]["severity"] == severities[code]


# --- parity with the engine -------------------------------------------------------------------------

def test_engine_and_semgrep_disagree_only_where_documented(fixture_scan):
    found, new, stale = parity.compare(ROOT, fixture_scan)
    assert not new, "undocumented disagreements (add them to rules/README.md or fix the rule):\n" + \
        "\n".join(f"{d.code} {d.fixture}:{d.line} {d.reporter} only: {d.statement}" for d in new)
    assert not stale, f"documented gaps that no longer occur: {stale}"
    assert found


def test_parity_notices_a_line_semgrep_stops_reporting(fixture_scan):
    dropped = next(r for r in fixture_scan["results"] if r["extra"]["metadata"]["egress-lint-code"] == "EGR104")
    report = dict(fixture_scan, results=[r for r in fixture_scan["results"] if r is not dropped])
    _, new, stale = parity.compare(ROOT, report)
    statement = Path(dropped["path"]).read_text().splitlines()[dropped["start"]["line"] - 1].strip()
    assert [(d.code, d.line, d.reporter, d.statement) for d in new] == \
        [("EGR104", dropped["start"]["line"], parity.ENGINE, statement)]
    assert not stale


def test_test_files_mark_exactly_the_documented_gaps_of_their_fixture():
    marked = set()
    for test_file in RULES_DIR.rglob("egr*.py"):
        if test_file.name.endswith(".fixed.py"):
            continue
        lines = test_file.read_text(encoding="utf-8").splitlines()
        found = expectations(lines)
        code = test_file.name[:6].upper()
        marked |= {(code, parity.ENGINE, lines[n - 1].strip()) for n, _ in found["todoruleid"]}
        marked |= {(code, parity.SEMGREP, lines[n - 1].strip()) for n, _ in found["todook"]}
    documented = {(g.code, g.reporter, g.statement) for g in parity.documented_gaps(RULES_DIR / "README.md")
                  if g.fixture == f"{g.code}.py"}
    assert marked == documented


# --- the test files are written from the fixtures ---------------------------------------------------

def _generator():
    spec = importlib.util.spec_from_file_location("semgrep_tests", ROOT / "tools" / "semgrep_tests.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_semgrep_test_files_are_up_to_date_with_the_fixtures():
    done = run([sys.executable, "tools/semgrep_tests.py", "--check"], cwd=ROOT)
    assert done.returncode == 0, done.stdout + done.stderr


def test_a_fixture_change_makes_exactly_its_test_file_stale(tmp_path):
    shutil.copytree(RULES_DIR, tmp_path / "rules")
    shutil.copytree(ROOT / "tests" / "fixtures", tmp_path / "tests" / "fixtures")
    generator = _generator()
    assert generator.stale(tmp_path) == []
    fixture = tmp_path / "tests" / "fixtures" / "EGR104.py"
    fixture.write_text(fixture.read_text(encoding="utf-8") + "# ok: EGR104\nimport os\n", encoding="utf-8")
    assert generator.stale(tmp_path) == [tmp_path / "rules" / "tls-verify" / "egr104-process-wide-bypass.py"]


def test_annotations_follow_the_fixture_and_the_gap_table(tmp_path):
    fixture = tmp_path / "EGR101.py"
    fixture.write_text(
        "# Fixture: `# ruleid: CODE` marks a finding.\n"
        "import requests\n"
        "# ruleid: EGR101, EGR301\n"
        "requests.post(API, verify=False)\n"
        "# ruleid: EGR101\n"
        "made.get(API, verify=False)\n"
        "# ok: EGR101\n"
        "local.verify = False\n"
        "# ruleid: EGR301\n"
        "    other.verify = False\n"
        "# ok: EGR101\n"
        "requests.get(API)\n", encoding="utf-8")
    gaps = [parity.Disagreement("EGR101", "EGR101.py", "made.get(API, verify=False)", parity.ENGINE),
            parity.Disagreement("EGR101", "EGR101.py", "local.verify = False", parity.SEMGREP),
            parity.Disagreement("EGR101", "EGR101.py", "other.verify = False", parity.SEMGREP)]
    text = _generator().render("EGR101", "egr101-x", fixture, gaps)
    assert text.splitlines()[2:] == [
        "import requests",
        "# ruleid: egr101-x",
        "requests.post(API, verify=False)",
        "# todoruleid: egr101-x",
        "made.get(API, verify=False)",
        "# todook: egr101-x",
        "local.verify = False",
        "    # todook: egr101-x",
        "    other.verify = False",
        "# ok: egr101-x",
        "requests.get(API)",
    ]


# --- consistency with the catalogue -------------------------------------------------------------------

def test_every_catalogue_code_has_exactly_one_semgrep_rule(semgrep_rules):
    assert sorted(semgrep_rules) == [rule.code for rule in RULES]


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_semgrep_rule_matches_the_catalogue(rule, semgrep_rules):
    semgrep_rule = semgrep_rules.get(rule.code)
    assert semgrep_rule is not None, f"{rule.code} has no Semgrep rule in rules/"
    rule_id = f"{rule.code.lower()}-{rule.slug}"
    assert semgrep_rule["id"] == rule_id
    assert semgrep_rule["path"] == RULES_DIR / rule.family / f"{rule_id}.yaml"
    assert semgrep_rule["severity"] == SEVERITY[rule.severity.value]
    assert semgrep_rule["languages"] == ["python"]
    assert semgrep_rule["message"].endswith(" \u2014 " + rule.hint)
    metadata = semgrep_rule["metadata"]
    assert METADATA_KEYS <= set(metadata), METADATA_KEYS - set(metadata)
    assert [int(re.match(r"CWE-(\d+): \S", cwe).group(1)) for cwe in metadata["cwe"]] == list(rule.cwe)
    assert metadata["asvs"] == list(rule.asvs)
    assert metadata["references"] == [f"docs/rules/{rule.code}.md", *rule.references]
    assert (ROOT / metadata["references"][0]).is_file()
    assert metadata["category"] == "security"
    assert "python" in metadata["technology"]
    assert {metadata[key] for key in ("confidence", "likelihood", "impact")} <= LEVELS


def test_every_test_file_has_its_rule_and_every_rule_its_test_file():
    rules = {p.with_suffix("") for p in _rule_files()}
    tests = {p.with_suffix("") for p in RULES_DIR.rglob("*.py") if not p.name.endswith(".fixed.py")}
    fixed = {p.with_suffix("").with_suffix("") for p in RULES_DIR.rglob("*.fixed.py")}
    with_fix = {p.with_suffix("") for p in _rule_files()
                if any("fix" in rule or "fix-regex" in rule for rule in _load(p))}
    assert rules == tests
    assert fixed == with_fix
    assert all(len(_load(p)) == 1 for p in _rule_files()), "one rule per file"
