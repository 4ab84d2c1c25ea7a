"""Every annotated fixture: the engine reports exactly the `# ruleid:` lines and codes."""
from pathlib import Path

import pytest

from egress_lint.annotations import expectations
from egress_lint.catalogue import RULES

from .conftest import FIXTURES
from .helpers import engine_findings

FIXTURE_FILES = sorted(p for p in FIXTURES.glob("EGR*.py") if not p.name.endswith(".fixed.py"))


def test_every_code_has_a_fixture():
    assert {p.stem for p in FIXTURE_FILES} == {rule.code for rule in RULES}


@pytest.mark.parametrize("fixture", FIXTURE_FILES, ids=lambda p: p.stem)
def test_fixture_findings_match_annotations(fixture: Path):
    expected = expectations(fixture.read_text().splitlines())
    found = engine_findings(fixture)
    missing = sorted(expected["ruleid"] - found)
    unexpected = sorted(found - expected["ruleid"] - expected["todoruleid"])
    assert not missing, f"not reported: {missing}"
    assert not unexpected, f"reported but not annotated: {unexpected}"
    assert not (found & expected["ok"]), f"fired on an ok line: {sorted(found & expected['ok'])}"


@pytest.mark.parametrize("fixture", FIXTURE_FILES, ids=lambda p: p.stem)
def test_fixture_covers_its_code_both_ways(fixture: Path):
    expected = expectations(fixture.read_text().splitlines())
    code = fixture.stem
    assert sum(1 for _, c in expected["ruleid"] if c == code) >= 5
    assert sum(1 for _, c in expected["ok"] if c == code) >= 3
