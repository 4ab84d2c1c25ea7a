"""`egress-lint fix` end to end: the real CLI as a subprocess on copies of the fixtures and examples."""
import ast
import difflib
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from egress_lint.catalogue import RULES
from egress_lint.config import Settings
from egress_lint.engine import analyse, check_source, parse, source_lines
from egress_lint.fixes import KINDS, fix_source

from .conftest import EXAMPLES, FIXTURES
from .helpers import egress_lint, parse_lines

FIXED_FILES = sorted(FIXTURES.glob("EGR*.fixed.py"))
_IMPORT = re.compile(r"^\s*(import|from)\s")


def diagnostics(path: Path):
    result = check_source(path.read_bytes(), str(path), Settings())
    assert result.error is None and not result.internal_errors
    return result.diagnostics


def fixable_codes():
    """Codes whose own fixture has a finding with a fix."""
    return {p.stem for p in FIXTURES.glob("EGR???.py") if any(d.fix for d in diagnostics(p) if d.code == p.stem)}


def test_every_fixture_with_a_fix_has_its_expected_output():
    assert fixable_codes() == {p.name.split(".")[0] for p in FIXED_FILES}
    assert {d.fix.kind for p in FIXTURES.glob("EGR???.py") for d in diagnostics(p) if d.fix} <= set(KINDS)


@pytest.fixture(scope="module")
def fixed_copies(tmp_path_factory):
    """Every fixture fixed once and then a second time, by one CLI run each."""
    folder = tmp_path_factory.mktemp("fixed")
    for fixed in FIXED_FILES:
        shutil.copy(FIXTURES / fixed.name.replace(".fixed", ""), folder)
    first = egress_lint("fix", "--unsafe-fixes", str(folder))
    after_first = {p.name: p.read_bytes() for p in folder.iterdir()}
    second = egress_lint("fix", "--unsafe-fixes", str(folder))
    return folder, first, after_first, second


@pytest.mark.parametrize("expected", FIXED_FILES, ids=lambda p: p.name.split(".")[0])
def test_fix_output_matches_the_expected_file_exactly(fixed_copies, expected):
    folder, first, after_first, _ = fixed_copies
    assert first.returncode == 1, first.stderr  # findings without a fix remain in every fixture
    name = expected.name.replace(".fixed", "")
    assert after_first[name] == expected.read_bytes()
    assert f"{folder / name}:" in first.stdout


@pytest.mark.parametrize("expected", FIXED_FILES, ids=lambda p: p.name.split(".")[0])
def test_fixing_twice_changes_nothing(fixed_copies, expected):
    folder, _, after_first, second = fixed_copies
    name = expected.name.replace(".fixed", "")
    assert (folder / name).read_bytes() == after_first[name]
    assert second.stdout.startswith("Fixed 0 findings in 0 files.")


@pytest.mark.parametrize("expected", FIXED_FILES, ids=lambda p: p.name.split(".")[0])
def test_fixed_file_parses_and_keeps_only_findings_without_a_fix(expected):
    ast.parse(expected.read_bytes())
    before = diagnostics(FIXTURES / expected.name.replace(".fixed", ""))
    after = diagnostics(expected)
    # What remains has no fix (a value that travels, or what a fix reveals, e.g. a JWT decode that
    # still lacks algorithms=).
    assert [d for d in after if d.fix is not None] == []
    assert any(d.fix is not None for d in before)


@pytest.mark.parametrize("expected", FIXED_FILES, ids=lambda p: p.name.split(".")[0])
def test_fix_touches_only_lines_with_a_fixed_finding(expected):
    original = FIXTURES / expected.name.replace(".fixed", "")
    fixed_lines = set()
    for d in diagnostics(original):
        if d.fix is not None:
            fixed_lines.update(range(d.line, d.end_line + 1))
    old = original.read_text().splitlines()
    new = expected.read_text().splitlines()
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        for number in range(i1 + 1, i2 + 1):
            text = old[number - 1]
            # An import only the fixed code used goes with it; blank lines around a removed statement fold.
            assert number in fixed_lines or _IMPORT.match(text) or not text.strip(), (number, text)
        if i1 == i2:
            for text in new[j1:j2]:
                assert _IMPORT.match(text) or text.strip() == "pass", text


def fixable_in_examples() -> int:
    return sum(1 for item in parse_lines(egress_lint("check", str(EXAMPLES)).stdout)
               if item["message"].startswith(("[*]", "[~]")))


def test_diff_is_a_patch_that_gives_the_fixed_files(tmp_path):
    diffed, fixed = tmp_path / "diffed", tmp_path / "fixed"
    shutil.copytree(EXAMPLES, diffed)
    shutil.copytree(EXAMPLES, fixed)
    proc = egress_lint("fix", "--diff", "--unsafe-fixes", ".", cwd=diffed)
    assert proc.returncode == 1, proc.stderr
    assert proc.stdout.startswith("--- ")
    assert f"Would fix {fixable_in_examples()} findings in " in proc.stderr
    assert all((diffed / p.relative_to(EXAMPLES)).read_bytes() == p.read_bytes() for p in EXAMPLES.rglob("*.py"))
    patched = subprocess.run(["patch", "-p0", "--batch", "--forward"], cwd=diffed, input=proc.stdout,
                             capture_output=True, text=True)
    assert patched.returncode == 0, patched.stdout + patched.stderr
    egress_lint("fix", "--unsafe-fixes", ".", cwd=fixed)
    for path in fixed.rglob("*.py"):
        assert (diffed / path.relative_to(fixed)).read_bytes() == path.read_bytes(), path


def test_examples_fixed_leave_only_findings_without_a_fix(tmp_path):
    shutil.copytree(EXAMPLES, tmp_path / "examples")
    proc = egress_lint("fix", "--unsafe-fixes", str(tmp_path / "examples"))
    assert proc.returncode == 1, proc.stderr
    assert f"Fixed {fixable_in_examples()} findings in " in proc.stdout
    check = egress_lint("check", str(tmp_path / "examples"))
    remaining = parse_lines(check.stdout)
    assert ("processor.py", "EGR101") in [(Path(item["path"]).name, item["code"]) for item in remaining]
    assert all(not item["message"].startswith(("[*]", "[~]")) for item in remaining), remaining
    assert "fixable" not in check.stdout
    assert {item["code"] for item in parse_lines(egress_lint("check", str(EXAMPLES)).stdout)} \
        - {item["code"] for item in remaining} >= {"EGR102", "EGR103", "EGR104", "EGR105", "EGR106"}


def test_without_unsafe_fixes_only_safe_fixes_apply(tmp_path):
    unsafe = tmp_path / "client.py"
    unsafe.write_text("import requests\n\nrequests.get('https://api.example.com', verify=False)\n")
    safe = tmp_path / "quiet.py"
    safe.write_text("import requests\nimport urllib3\n\n# tests are noisy\nurllib3.disable_warnings()\n"
                    "requests.get('https://api.example.com')\n")
    proc = egress_lint("fix", str(tmp_path))
    assert proc.returncode == 1
    assert unsafe.read_text() == "import requests\n\nrequests.get('https://api.example.com', verify=False)\n"
    assert safe.read_text() == "import requests\n\n# tests are noisy\nrequests.get('https://api.example.com')\n"
    assert f"{safe}:5:1: EGR105 fixed: removed the statement" in proc.stdout
    assert "[~] 1 fixable with `egress-lint fix --unsafe-fixes`." in proc.stdout
    assert egress_lint("fix", "--unsafe-fixes", str(tmp_path)).returncode == 0
    assert unsafe.read_text() == "import requests\n\nrequests.get('https://api.example.com')\n"


def test_check_marks_fixable_findings(tmp_path):
    path = tmp_path / "client.py"
    path.write_text("import requests\nimport urllib3\n\nurllib3.disable_warnings()\n"
                    "requests.get('https://a.example.com', verify=False)\n"
                    "OPTIONS = {'verify': False}\nrequests.get('https://b.example.com', **OPTIONS)\n")
    proc = egress_lint("check", str(path))
    markers = [(item["line"], item["message"][:3]) for item in parse_lines(proc.stdout)]
    assert markers == [("4", "[*]"), ("5", "[~]"), ("7", "req")]
    assert "[*] 1 fixable with `egress-lint fix`; [~] 1 more fixable with `egress-lint fix --unsafe-fixes`." \
        in proc.stdout.splitlines()


def _fix(source: str) -> str:
    result = analyse(parse(source, "x.py"), source_lines(source), "x.py", Settings())
    return fix_source(source.encode(), result.diagnostics, unsafe=True).source.decode()


def test_a_call_inside_an_expression_is_reported_but_not_removed():
    source = "import urllib3\n\nsilenced = [urllib3.disable_warnings()]\n"
    result = analyse(parse(source, "x.py"), source_lines(source), "x.py", Settings())
    assert [(d.code, d.fix) for d in result.diagnostics] == [("EGR105", None)]
    assert _fix(source) == source


def test_names_from_relative_imports_do_not_stop_a_fix():
    source = ("import urllib3\nfrom .compat import category\n\n"
              "urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)\nx = category\n")
    assert _fix(source) == "from .compat import category\n\nx = category\n"


EXAMPLES_WITH_FIX = [pytest.param(rule, example, id=f"{rule.code}-{i}")
                     for rule in RULES for i, example in enumerate(rule.INVALID) if example.fixed is not None]


@pytest.mark.parametrize("rule,example", EXAMPLES_WITH_FIX)
def test_rule_example_fixes_to_its_documented_output(rule, example):
    source = example.source
    result = analyse(parse(source, "example.py"), source_lines(source), "example.py", Settings(), rules=[rule])
    fixed = fix_source(source.encode(), result.diagnostics, unsafe=True).source.decode()
    assert fixed == example.fixed_source


def test_every_rule_with_a_fix_documents_one():
    assert fixable_codes() == {rule.code for rule in RULES if any(example.fixed for example in rule.INVALID)}


JWT_MODULE = '''import os

import jwt

SECRET = os.environ["JWT_SECRET"]


def issue(user):
    return jwt.encode({"sub": user}, SECRET, algorithm="HS512")


def read(token):
    return jwt.decode(token, SECRET)


def peek(token):
    return jwt.decode(
        token,
        SECRET,
        options={"verify_signature": False},  # debugging only
    )


def read_lines(token):
    return jwt.decode(
        token,
        SECRET,
    )
'''


def test_jwt_decode_gets_the_algorithm_the_module_signs_with():
    fixed = _fix(JWT_MODULE)
    assert fixed == JWT_MODULE.replace(
        "jwt.decode(token, SECRET)", 'jwt.decode(token, SECRET, algorithms=["HS512"])').replace(
        'options={"verify_signature": False},  # debugging only', 'algorithms=["HS512"],  # debugging only').replace(
        "        SECRET,\n    )\n", '        SECRET,\n        algorithms=["HS512"],\n    )\n')
    assert _fix(fixed) == fixed
    result = analyse(parse(fixed, "x.py"), source_lines(fixed), "x.py", Settings())
    assert [d.code for d in result.diagnostics] == []


def test_jwt_decode_gets_no_algorithm_when_the_module_signs_with_several():
    source = JWT_MODULE.replace("def read(", 'def issue_rs(user):\n    return jwt.encode({}, SECRET, algorithm="RS256")\n\n\ndef read(')
    fixed = _fix(source)
    assert "algorithms=" not in fixed
    assert 'options={"verify_signature": False}' not in fixed


def test_a_safe_fix_keeps_an_import_that_other_modules_take_from_this_one(tmp_path):
    """`from compat import urllib3` must still work after the EGR105 fix deleted compat's only use."""
    silenced = "urllib3.disable_warnings()\n"
    files = {
        "compat.py": "import urllib3\n\n" + silenced,  # a compat module re-exports what it imports
        "_compat.py": "from urllib3 import disable_warnings\n\ndisable_warnings()\n",
        "pkg/__init__.py": "import urllib3\n\n" + silenced,  # so does a package's __init__
        "api.py": '__all__ = ["urllib3"]\n\nimport urllib3\n\n' + silenced,  # a name in __all__
        "explicit.py": "import urllib3 as urllib3\n\n" + silenced,  # `import x as x` says "re-exported"
        "plain.py": "import json\nimport urllib3\n\n" + silenced + "json.dumps(1)\n",
        "user.py": "from compat import urllib3\nfrom _compat import disable_warnings\nfrom pkg import urllib3 as u\n"
                   "from api import *\nfrom explicit import urllib3 as e\n\nprint(urllib3.PoolManager, u, e, disable_warnings)\n",
    }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text(text)
    proc = egress_lint("fix", str(tmp_path))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    after = {name: (tmp_path / name).read_text() for name in files}
    assert after["compat.py"] == "import urllib3\n\n"
    assert after["_compat.py"] == "from urllib3 import disable_warnings\n\n"
    assert after["pkg/__init__.py"] == "import urllib3\n\n"
    assert after["api.py"] == '__all__ = ["urllib3"]\n\nimport urllib3\n\n'
    assert after["explicit.py"] == "import urllib3 as urllib3\n\n"
    assert after["plain.py"] == "import json\n\njson.dumps(1)\n"  # nobody takes urllib3 from here
    imported = subprocess.run([sys.executable, "-c", "import user"], cwd=tmp_path, capture_output=True, text=True)
    assert imported.returncode == 0, imported.stderr


def test_fix_in_worker_processes_gives_the_same_files_and_output(tmp_path):
    """Enough files that the runner starts workers (8 a worker): two workers against one."""
    outputs = {}
    for jobs in ("1", "2"):
        tree = tmp_path / f"jobs{jobs}"
        for copy in range(3):
            shutil.copytree(EXAMPLES, tree / f"examples{copy}")
            for fixture in FIXED_FILES:
                (tree / f"fixtures{copy}").mkdir(exist_ok=True)
                shutil.copy(FIXTURES / fixture.name.replace(".fixed", ""), tree / f"fixtures{copy}")
        proc = egress_lint("fix", "--unsafe-fixes", "--jobs", jobs, ".", cwd=tree)
        assert proc.returncode == 1, proc.stderr
        outputs[jobs] = (proc.stdout, proc.stderr, {p.relative_to(tree): p.read_bytes() for p in tree.rglob("*.py")})
    assert len(outputs["2"][2]) >= 32
    assert outputs["1"] == outputs["2"]
    for fixture in FIXED_FILES:
        assert outputs["2"][2][Path("fixtures2") / fixture.name.replace(".fixed", "")] == fixture.read_bytes()


def test_fixing_statement_by_statement_gives_the_bytes_of_fixing_the_whole_file():
    """The fixer gives libcst only the top-level statements that hold a finding when it can; the
    fixtures and examples (with fixes in functions, classes, decorators, at the top level, with
    imports to add and remove) come out exactly as when libcst gets the whole file."""
    paths = [FIXTURES / p.name.replace(".fixed", "") for p in FIXED_FILES] + sorted(EXAMPLES.rglob("*.py"))
    fixed = 0
    for path in paths:
        data = path.read_bytes()
        found = [d for d in diagnostics(path) if d.fix]
        if not found:
            continue
        parts = fix_source(data, found, unsafe=True, path=str(path))
        whole = fix_source(data, found, unsafe=True, path=str(path), whole=True)
        assert parts.source == whole.source, path
        assert [d.line for d in parts.applied] == [d.line for d in whole.applied], path
        fixed += parts.source != data
    assert fixed >= 15
