"""The `egress-lint` command end to end, as a subprocess on real files."""
from pathlib import Path

from egress_lint.catalogue import RULES

from .conftest import EXAMPLES, FIXTURES
from .helpers import egress_lint, parse_lines

INSECURE = "import requests\n\nrequests.get('https://api.example.com', verify=False)\n"


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def test_examples_show_every_code_and_exit_1():
    proc = egress_lint("check", str(EXAMPLES))
    assert proc.returncode == 1, proc.stderr
    lines = parse_lines(proc.stdout)
    assert {item["code"] for item in lines} >= {rule.code for rule in RULES if rule.family != "auth"}
    assert proc.stdout.splitlines()[-1].startswith(f"Found {len(lines)} findings in ")


def test_clean_tree_exits_0(tmp_path):
    write(tmp_path, "ok.py", "import requests\nrequests.get('https://api.example.com', timeout=5)\n")
    proc = egress_lint("check", str(tmp_path))
    assert proc.returncode == 0
    assert proc.stdout == "No findings (1 file checked).\n"


def test_finding_line_names_api_argument_and_hint(tmp_path):
    path = write(tmp_path, "client.py", INSECURE)
    proc = egress_lint("check", str(path))
    assert proc.stdout.splitlines()[0] == (
        f"{path}:3:1: EGR101 [~] requests.get() disables certificate verification (verify=False) \u2014 remove it; "
        'for a private CA pass its bundle instead (verify="/path/to/ca.pem")')
    assert egress_lint("check", "--no-hints", str(path)).stdout.splitlines()[0].endswith("(verify=False)")


def test_syntax_error_is_named_other_files_still_checked_exit_2(tmp_path):
    write(tmp_path, "broken.py", "import requests\ndef f(:\n")
    write(tmp_path, "bad.py", INSECURE)
    proc = egress_lint("check", str(tmp_path))
    assert proc.returncode == 2
    assert f"{tmp_path / 'broken.py'}:2:7: syntax error" in proc.stderr
    assert [(item["line"], item["code"]) for item in parse_lines(proc.stdout)] == [("3", "EGR101")]


def test_noqa_bare_and_with_codes(tmp_path):
    path = write(tmp_path, "client.py", "import requests\n"
                 "requests.get('https://a.example.com', verify=False)  # noqa\n"
                 "requests.get('https://b.example.com', verify=False)  # noqa: EGR101\n"
                 "requests.get('https://c.example.com', verify=False)  # noqa:EGR1\n"
                 "requests.get('https://d.example.com', verify=False)  # noqa: EGR102\n")
    proc = egress_lint("check", str(path))
    assert [(item["line"], item["code"]) for item in parse_lines(proc.stdout)] == [("5", "EGR101")]


def test_select_and_ignore_with_prefixes():
    fixture = str(FIXTURES / "EGR102.py")
    selected = parse_lines(egress_lint("check", "--select", "EGR103", fixture).stdout)
    assert {item["code"] for item in selected} == {"EGR103"}
    ignored = parse_lines(egress_lint("check", "--ignore", "EGR102", fixture).stdout)
    assert {item["code"] for item in ignored} == {"EGR103"}
    by_prefix = parse_lines(egress_lint("check", "--select", "EGR1", "--ignore", "EGR10", fixture).stdout)
    assert by_prefix == []
    specific = parse_lines(egress_lint("check", "--ignore", "EGR1", "--extend-select", "EGR103", fixture).stdout)
    assert {item["code"] for item in specific} == {"EGR103"}


def test_bad_select_code_is_a_usage_error():
    proc = egress_lint("check", "--select", "E501", str(EXAMPLES))
    assert proc.returncode == 2
    assert "not an egress-lint code" in proc.stderr


def test_walk_skips_virtualenvs_git_and_excluded(tmp_path):
    write(tmp_path, "app/client.py", INSECURE)
    write(tmp_path, ".venv/pyvenv.cfg", "home = /usr/bin\n")
    write(tmp_path, ".venv/bin/python", "")
    write(tmp_path, ".venv/lib/site.py", INSECURE)
    write(tmp_path, "env2/pyvenv.cfg", "home = /usr\n")
    write(tmp_path, "env2/bin/python3", "")
    write(tmp_path, "env2/lib/x.py", INSECURE)
    write(tmp_path, ".git/hooks/x.py", INSECURE)
    write(tmp_path, "build/lib/x.py", INSECURE)  # a folder named build may hold imported code: checked
    write(tmp_path, "generated/x.py", INSECURE)
    proc = egress_lint("check", "--exclude", "generated", str(tmp_path))
    assert [Path(item["path"]).relative_to(tmp_path).as_posix() for item in parse_lines(proc.stdout)] == [
        "app/client.py", "build/lib/x.py"]
    assert "3 folders skipped" in proc.stdout and "1 path excluded" in proc.stdout


def test_missing_path_exit_2(tmp_path):
    proc = egress_lint("check", str(tmp_path / "nope.py"))
    assert proc.returncode == 2 and "no such file or directory" in proc.stderr


def test_explain_prints_fixed_sections_in_order():
    proc = egress_lint("explain", "EGR101")
    assert proc.returncode == 0
    headings = [line for line in proc.stdout.splitlines() if line.startswith("## ")]
    assert headings == ["## What it does", "## Why is this bad?", "## Example", "## Use instead", "## Fix safety",
                        "## Options", "## References"]
    assert "Hint: remove it;" in proc.stdout


def test_explain_unknown_code():
    proc = egress_lint("explain", "EGR999")
    assert proc.returncode == 2 and "unknown code" in proc.stderr


def test_rules_lists_the_catalogue_in_order():
    proc = egress_lint("rules")
    assert [line.split()[0] for line in proc.stdout.splitlines()] == [rule.code for rule in RULES]


def test_pyproject_unknown_key_is_an_error(tmp_path):
    write(tmp_path, "pyproject.toml", "[tool.egress-lint]\nselct = ['EGR1']\n")
    write(tmp_path, "a.py", INSECURE)
    proc = egress_lint("check", "a.py", cwd=tmp_path)
    assert proc.returncode == 2
    assert "unknown key 'selct'" in proc.stderr and "valid keys:" in proc.stderr


def test_pyproject_per_file_ignores(tmp_path):
    write(tmp_path, "pyproject.toml", '[tool.egress-lint]\nper-file-ignores = { "tests/*" = ["EGR101"] }\n')
    write(tmp_path, "tests/test_a.py", INSECURE)
    write(tmp_path, "app.py", INSECURE)
    proc = egress_lint("check", ".", cwd=tmp_path)
    assert [item["path"] for item in parse_lines(proc.stdout)] == ["app.py"]
