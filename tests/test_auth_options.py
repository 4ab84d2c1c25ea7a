"""sensitive-keys, sensitive-paths and auth-headers each change a result, in both front ends."""
import sys

import pytest

from .helpers import egress_lint, parse_lines, run

SOURCE = '''import os
import requests

requests.delete("https://api.example.com/members/1")
requests.get("https://api.example.com/search", params={"member_number": "42"})
requests.post("http://api.example.com/items", headers={"X-Internal-Grant": os.environ["T"]})
'''

CASES = [
    # (option, value, line whose findings change, code, present by default)
    ("sensitive-paths", ["members"], "4", "EGR301", False),
    ("sensitive-keys", ["member_number"], "5", "EGR301", False),
    ("auth-headers", ["X-Internal-Grant"], "6", "EGR202", False),  # not a credential name by its words
]


def _found(output):
    return {(item["line"], item["code"]) for item in parse_lines(output)}


@pytest.mark.parametrize("key,value,line,code,default", CASES, ids=[c[0] for c in CASES])
def test_option_changes_the_result_in_the_cli(tmp_path, key, value, line, code, default):
    (tmp_path / "app.py").write_text(SOURCE)
    before = _found(egress_lint("check", "app.py", cwd=tmp_path).stdout)
    (tmp_path / "pyproject.toml").write_text(f"[tool.egress-lint]\n{key} = {value!r}\n")
    after = _found(egress_lint("check", "app.py", cwd=tmp_path).stdout)
    assert ((line, code) in before) is default
    assert ((line, code) in after) is not default


@pytest.mark.parametrize("key,value,line,code,default", CASES, ids=[c[0] for c in CASES])
def test_option_changes_the_result_in_flake8(tmp_path, key, value, line, code, default):
    path = tmp_path / "app.py"
    path.write_text(SOURCE)
    flake8 = [sys.executable, "-m", "flake8", "--isolated", "--select", "EGR", str(path)]
    before = _found(run(flake8).stdout)
    after = _found(run(flake8 + [f"--egress-{key}", ",".join(value)]).stdout)
    assert ((line, code) in before) is default
    assert ((line, code) in after) is not default
