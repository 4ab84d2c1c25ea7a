"""Each rule's VALID and INVALID examples (the ones its docs show) run as tests."""
import pytest

from egress_lint.annotations import expectations
from egress_lint.catalogue import RULES
from egress_lint.config import Settings
from egress_lint.engine import analyse, parse, source_lines

CASES = [pytest.param(rule, kind, example, id=f"{rule.code}-{kind}-{i}")
         for rule in RULES for kind, examples in (("valid", rule.VALID), ("invalid", rule.INVALID))
         for i, example in enumerate(examples)]


def _findings(rule, source):
    result = analyse(parse(source, "example.py"), source_lines(source), "example.py", Settings(), rules=[rule])
    assert not result.internal_errors
    return {(d.line, d.code) for d in result.diagnostics}


@pytest.mark.parametrize("rule,kind,example", CASES)
def test_example(rule, kind, example):
    found = _findings(rule, example.source)
    if kind == "valid":
        assert found == set()
    else:
        expected = {item for item in expectations(example.source.splitlines())["ruleid"] if item[1] == rule.code}
        assert expected, "an INVALID example must mark its finding with # ruleid:"
        assert found == expected


def test_every_rule_has_examples_both_ways():
    for rule in RULES:
        assert rule.VALID and rule.INVALID, rule.code
