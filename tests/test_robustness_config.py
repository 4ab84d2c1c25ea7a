"""Bad configuration ends the run with exit 2 and one line that names the key."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import egress_lint

INSECURE = "import requests\nrequests.get('https://a.example.com', verify=False)\n"


@pytest.mark.parametrize("table, key, reason", [
    ("selct = ['EGR1']", "'selct'", "unknown key"),
    ("select = 5", "'select'", "must be a list of strings, got 5"),
    ("exclude = 3", "'exclude'", "must be a list of strings"),
    ("per-file-ignores = ['tests/*']", "'per-file-ignores'", "must be a table"),
    ("select = ['XYZ1']", "'select'", "not an egress-lint code"),
    ("select = ['EGR999']", "'select'", "matches no egress-lint rule"),
    ("ignore = ['EGR9']", "'ignore'", "matches no egress-lint rule"),
    ("exclude = ['tests/[abc']", "'exclude'", "unclosed '['"),
    ("exclude = ['/']", "'exclude'", "is empty"),
    ("per-file-ignores = { 'tests/[x' = ['EGR101'] }", "'per-file-ignores'", "unclosed '['"),
    ("per-file-ignores = { 'tests/*' = ['EGR777'] }", "'per-file-ignores.tests/*'", "matches no egress-lint rule"),
    ("allowed-hosts = ['10.0.0.0/33']", "'allowed-hosts'", "not a valid CIDR range"),
    ("allowed-hosts = ['fe80::/129']", "'allowed-hosts'", "not a valid CIDR range"),
    ("allowed-hosts = { a = 1 }", "'allowed-hosts'", "must be a list of strings"),
    ("select = ['EGR1'", "pyproject.toml", "cannot read configuration"),
])
def test_bad_pyproject_value(tmp_path: Path, table: str, key: str, reason: str):
    (tmp_path / "pyproject.toml").write_text(f"[tool.egress-lint]\n{table}\n")
    (tmp_path / "a.py").write_text(INSECURE)
    proc = egress_lint("check", "a.py", cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stdout == ""
    lines = proc.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("egress-lint: "), proc.stderr
    assert key in lines[0] and reason in lines[0], lines[0]


@pytest.mark.parametrize("args, reason", [
    (["--exclude", "a["], "'--exclude' glob 'a[' has an unclosed '['"),
    (["--select", "EGR999"], "'--select' has 'EGR999', which matches no egress-lint rule"),
    (["--ignore", "NOPE"], "'--ignore' has 'NOPE', which is not an egress-lint code"),
])
def test_bad_command_line_value(tmp_path: Path, args, reason: str):
    (tmp_path / "a.py").write_text(INSECURE)
    proc = egress_lint("check", *args, "a.py", cwd=tmp_path)
    assert proc.returncode == 2 and proc.stdout == ""
    assert reason in proc.stderr and "Traceback" not in proc.stderr


def test_valid_bracket_globs_are_accepted(tmp_path: Path):
    (tmp_path / "pyproject.toml").write_text("[tool.egress-lint]\nexclude = ['[!a]*.py', '[]]x.py']\n")
    (tmp_path / "a.py").write_text(INSECURE)
    (tmp_path / "b.py").write_text(INSECURE)
    proc = egress_lint("check", ".", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert proc.stdout.startswith("a.py:2:1: EGR101") and "b.py" not in proc.stdout
