"""A baseline survives a formatter: every fixture, baselined, then reformatted by the real black and
the real `ruff format`, reports nothing new; a real new copy of a finding is still reported."""
import json
import shutil
import sys

import pytest

from .conftest import FIXTURES
from .helpers import egress_lint, parse_lines, run

FORMATTERS = {
    "black": [sys.executable, "-m", "black", "--quiet", "src"],
    "ruff": [sys.executable, "-m", "ruff", "format", "--quiet", "--no-cache", "src"],
}


def _project(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    for fixture in sorted(FIXTURES.glob("EGR*.py")):
        if not fixture.name.endswith(".fixed.py"):
            shutil.copy(fixture, src / fixture.name)
    return src


@pytest.mark.parametrize("formatter", sorted(FORMATTERS))
def test_formatting_adds_no_new_findings(tmp_path, formatter):
    src = _project(tmp_path)
    before = {p.name: p.read_text() for p in src.iterdir()}
    written = egress_lint("check", "--no-cache", "--write-baseline", "baseline.json", "src", cwd=tmp_path)
    assert written.returncode == 0, written.stderr
    recorded = sum(item["count"] for item in json.loads((tmp_path / "baseline.json").read_text())["findings"])
    assert recorded > 300  # every fixture's findings, not a handful

    formatted = run(FORMATTERS[formatter], cwd=tmp_path)
    assert formatted.returncode == 0, formatted.stdout + formatted.stderr
    changed = [name for name, text in before.items() if (src / name).read_text() != text]
    assert len(changed) >= len(before) // 2, changed  # the formatter really rewrote the files

    after = egress_lint("check", "--no-cache", "--baseline", "baseline.json", "src", cwd=tmp_path)
    assert parse_lines(after.stdout) == [], after.stdout
    assert after.returncode == 0, after.stdout + after.stderr
    assert f"{recorded} in the baseline" in after.stdout.splitlines()[-1]

    # A real new copy of a baselined finding, written in the formatter's own style, is still new.
    target = src / "EGR101.py"
    target.write_text(target.read_text() + '\n\ndef added():\n    requests.get(API, verify=False)\n')
    new = egress_lint("check", "--no-cache", "--baseline", "baseline.json", "src", cwd=tmp_path)
    assert [(f["path"], f["code"]) for f in parse_lines(new.stdout)] == [("src/EGR101.py", "EGR101")]
    assert new.returncode == 1


# Plain string literals are read between their quotes instead of through ast.literal_eval (a
# 50,000-key dict made 100,000 compile calls): the normalised text, and so every fingerprint and
# every baseline, must stay what literal_eval gives.
@pytest.mark.parametrize("literal", [
    "'plain'", '"plain"', "''", '""', "'''triple'''", '"""triple"""', "''''''", "'it\"s'", '"it\'s"',
    "'''a\nb'''", "'tab\there'", "'caf\u00e9 \u2603'", "'\\n escaped'", "r'\\d+'", "b'bytes'", "u'u'",
    "'''a\r\nb'''", "'x' 'y'", "('a',)",
])
def test_plain_string_literals_normalise_as_literal_eval_reads_them(literal):
    import ast
    import io
    import tokenize

    from egress_lint.fingerprints import normalised

    expected = []
    for token in tokenize.generate_tokens(io.StringIO(literal).readline):
        if token.type == tokenize.STRING:
            expected.append(repr(ast.literal_eval(token.string)))
        elif token.string.strip() and token.string != ",":
            expected.append(token.string)
    assert normalised(literal) == " ".join(expected)
