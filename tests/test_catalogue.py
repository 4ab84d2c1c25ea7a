"""The catalogue, the docs and the fixtures agree."""
from egress_lint.catalogue import BY_CODE, RULES
from egress_lint.docs import pages

from .conftest import ROOT


def test_codes_are_unique_and_in_order():
    codes = [rule.code for rule in RULES]
    assert codes == sorted(codes) and len(set(codes)) == len(codes) == len(BY_CODE)


def test_each_rule_lives_in_a_module_named_by_its_code_and_slug():
    for rule in RULES:
        module = rule.__module__.rsplit(".", 1)[1]
        assert module == f"{rule.code.lower()}_{rule.slug.replace('-', '_')}", rule.code


def test_every_rule_is_documented():
    for rule in RULES:
        for field in ("summary", "hint", "what", "why", "cwe"):
            assert getattr(rule, field), (rule.code, field)


def test_docs_pages_are_current():
    folder = ROOT / "docs" / "rules"
    for name, text in pages().items():
        assert (folder / name).read_text(encoding="utf-8") == text, f"run `python -m egress_lint.docs` ({name})"
