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
