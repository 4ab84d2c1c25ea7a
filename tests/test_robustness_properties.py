"""Property-based tests on generated valid programs (hypothesmith).

In CI a few derandomised examples run, so the suite stays fast and never flakes. A longer, random
campaign runs on demand:

    EGRESS_LINT_FUZZ_EXAMPLES=500 python3 -m pytest tests/test_robustness_properties.py
"""
from __future__ import annotations

import ast
import os

import hypothesmith
import pytest
from hypothesis import HealthCheck, assume, given, settings, strategies as st

from egress_lint.annotations import expectations
from egress_lint.catalogue import RULES
from egress_lint.config import Settings
from egress_lint.engine import analyse, check_source, parse, source_lines

CAMPAIGN = int(os.environ.get("EGRESS_LINT_FUZZ_EXAMPLES", "0"))
PROPERTY = settings(max_examples=CAMPAIGN or 6, deadline=None, derandomize=not CAMPAIGN, database=None,
                    suppress_health_check=list(HealthCheck))
MUTATION = settings(PROPERTY, max_examples=CAMPAIGN or 3)  # per INVALID example
INSECURE = [pytest.param(rule, example, id=f"{rule.code}-{i}")
            for rule in RULES for i, example in enumerate(rule.INVALID)]


def _encoded(source: str) -> bytes:
    try:
        return source.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: no file on disk can hold it as UTF-8
        assume(False)
        raise


@PROPERTY
@given(source=hypothesmith.from_grammar())
def test_engine_never_raises_and_answers_the_same_in_any_rule_order(source):
    data = _encoded(source)
    first = check_source(data, "generated.py", Settings(), use_precheck=False)
    assert first.internal_errors == []
    again = check_source(data, "generated.py", Settings(), use_precheck=False)
    assert (again.diagnostics, again.error) == (first.diagnostics, first.error)
    if first.error is None:
        text = data.decode("utf-8")
        tree, lines = parse(text, "generated.py"), source_lines(text)
        forwards = analyse(tree, lines, "generated.py", Settings(), rules=RULES)
        backwards = analyse(tree, lines, "generated.py", Settings(), rules=tuple(reversed(RULES)))
        assert backwards.internal_errors == []
        assert backwards.diagnostics == forwards.diagnostics


def _boundaries(tree: ast.Module, line_count: int):
    """Lines after which a whole top-level statement has ended and the next has not begun."""
    starts = [stmt.lineno for stmt in tree.body] + [line_count + 1]
    ends = [0] + [stmt.end_lineno for stmt in tree.body]
    return [end for end, start in zip(ends, starts) if end < start]


@pytest.mark.parametrize("rule, example", INSECURE)
@MUTATION
@given(source=hypothesmith.from_grammar(), data=st.data())
def test_insecure_code_inserted_into_a_generated_program_is_found(rule, example, source, data):
    _encoded(source)
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError, RecursionError):
        assume(False)
    lines = source_lines(source)
    if lines and not lines[-1].endswith(("\n", "\r")):
        lines[-1] += "\n"
    after = data.draw(st.sampled_from(_boundaries(tree, len(lines))), label="insert after line")
    inserted = source_lines(example.source)
    mutated = "".join(lines[:after] + inserted + lines[after:])
    expected = {(line + after, code) for line, code in expectations(inserted)["ruleid"] if code == rule.code}
    result = check_source(mutated.encode("utf-8"), "mutated.py", Settings())
    if result.error is not None:  # e.g. the example landed before a `from __future__` import
        assume(False)
    assert result.internal_errors == []
    found = {(d.line, d.code) for d in result.diagnostics
             if d.code == rule.code and after < d.line <= after + len(inserted)}
    assert found == expected
