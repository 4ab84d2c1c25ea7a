"""The CLI habits users bring from ruff, flake8 and bandit: exit-zero, quiet, show-source, -o,
--output-format, stdin, closed pipes, notebooks, rules as JSON; and configuration per file."""
import json
import subprocess
import sys

import pytest

from .helpers import egress_lint, parse_lines, run

INSECURE = "import requests\n\nrequests.get('https://api.example.com', verify=False)\n"
QUIET_FIX = "import requests\nimport urllib3\n\nurllib3.disable_warnings()\n" + INSECURE.split("\n", 2)[2]


def _codes(output):
    return [(f["path"], f["line"], f["code"]) for f in parse_lines(output)]


def test_exit_zero_quiet_and_short_output_options(tmp_path):
    (tmp_path / "a.py").write_text(INSECURE)
    quiet = egress_lint("check", "--no-cache", "--exit-zero", "-q", "a.py", cwd=tmp_path)
    assert quiet.returncode == 0
    assert quiet.stdout.splitlines() == [line for line in quiet.stdout.splitlines() if line.startswith("a.py:3:1: ")]
    assert len(quiet.stdout.splitlines()) == 1
    assert egress_lint("check", "--no-cache", "--exit-zero", "nope.py", cwd=tmp_path).returncode == 2

    proc = egress_lint("check", "--no-cache", "--output-format", "json", "-o", "reports/deep/out.json", "a.py",
                       cwd=tmp_path)
    assert proc.returncode == 1 and proc.stdout == ""
    data = json.loads((tmp_path / "reports" / "deep" / "out.json").read_text())
    assert [(r["line"], r["code"]) for r in data["results"]] == [(3, "EGR101")]


def test_show_source_prints_the_line_and_a_caret(tmp_path):
    (tmp_path / "a.py").write_text("import requests\n\ndef f():\n    return requests.get('https://h', verify=False)\n")
    lines = egress_lint("check", "--no-cache", "--show-source", "--no-hints", "a.py", cwd=tmp_path).stdout.splitlines()
    at = lines.index(next(line for line in lines if line.startswith("a.py:4:12: EGR101")))
    assert lines[at + 1] == "        return requests.get('https://h', verify=False)"
    assert lines[at + 2] == "    " + " " * 11 + "^"


def test_check_stdin_uses_the_stdin_filename_for_configuration(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.egress-lint]\nper-file-ignores = { "tests/*" = ["EGR101"] }\n')
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "pyproject.toml").write_text('[tool.egress-lint]\nselect = ["EGR2"]\n')
    plain = run([sys.executable, "-m", "egress_lint", "check", "--no-cache", "-"], cwd=tmp_path, input=INSECURE)
    assert _codes(plain.stdout) == [("stdin", "3", "EGR101")] and plain.returncode == 1
    named = run([sys.executable, "-m", "egress_lint", "check", "--no-cache", "--stdin-filename", "app/client.py", "-"],
                cwd=tmp_path, input=INSECURE)
    assert _codes(named.stdout) == [("app/client.py", "3", "EGR101")]
    for name in ("tests/test_client.py", "sub/client.py"):  # per-file-ignores, then the nearer table
        hidden = run([sys.executable, "-m", "egress_lint", "check", "--stdin-filename", name, "-"],
                     cwd=tmp_path, input=INSECURE)
        assert hidden.returncode == 0 and _codes(hidden.stdout) == [], name


def test_fix_stdin_writes_the_fixed_text_to_stdout(tmp_path):
    proc = run([sys.executable, "-m", "egress_lint", "fix", "-"], cwd=tmp_path, input=QUIET_FIX)
    assert proc.stdout == "import requests\n\nrequests.get('https://api.example.com', verify=False)\n"
    assert proc.returncode == 1  # EGR101 remains: its fix is unsafe
    assert _codes(proc.stderr) == [("stdin", "3", "EGR101")]
    unsafe = run([sys.executable, "-m", "egress_lint", "fix", "--unsafe-fixes", "-"], cwd=tmp_path, input=QUIET_FIX)
    assert unsafe.stdout == "import requests\n\nrequests.get('https://api.example.com')\n"
    assert unsafe.returncode == 0 and unsafe.stderr == ""


@pytest.mark.parametrize("args", [["check", "--format", "sarif", "many"], ["rules"], ["fix", "--diff", "--unsafe-fixes",
                                                                                     "many"]])
def test_a_closed_pipe_ends_quietly(tmp_path, args):
    (tmp_path / "many").mkdir()
    for i in range(60):
        (tmp_path / "many" / f"m{i}.py").write_text(INSECURE * 20)
    process = subprocess.Popen([sys.executable, "-m", "egress_lint", *args], cwd=tmp_path,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    process.stdout.readline()
    process.stdout.close()  # what `| head -1` does
    stderr = process.stderr.read().decode()
    process.wait(timeout=300)
    assert "Traceback" not in stderr and "BrokenPipeError" not in stderr, stderr
    assert process.returncode in (0, 1, 141)


def test_notebook_cells_are_checked_and_mapped(tmp_path):
    def code(*lines):
        return {"cell_type": "code", "source": list(lines), "metadata": {}, "outputs": [], "execution_count": None}

    notebook = {"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [
        {"cell_type": "markdown", "source": ["requests.get('http://x.acme.io/', verify=False)\n"], "metadata": {}},
        code("%pip install requests\n", "import requests\n"),
        code("%%bash\n", "curl -k https://api.example.com\n"),
        code("requests.get?\n", "x = 1\n", "requests.get('https://api.example.com', verify=False)\n"),
    ]}
    (tmp_path / "analysis.ipynb").write_text(json.dumps(notebook))
    proc = egress_lint("check", "--no-cache", "--no-hints", ".", cwd=tmp_path)
    assert proc.stdout.splitlines()[0] == ("analysis.ipynb:cell 4:3:1: EGR101 requests.get() disables certificate "
                                           "verification (verify=False)")
    data = json.loads(egress_lint("check", "--no-cache", "--format", "json", "analysis.ipynb", cwd=tmp_path).stdout)
    assert [(r["cell"], r["line"], r["code"], r["fix"]) for r in data["results"]] == [(4, 3, "EGR101", None)]
    (tmp_path / "broken.ipynb").write_text("{not json")
    broken = egress_lint("check", "--no-cache", "broken.ipynb", cwd=tmp_path)
    assert broken.returncode == 2 and "broken.ipynb: cannot read: not a notebook" in broken.stderr
    assert broken.stdout.startswith("Nothing could be checked")


def test_summary_says_nothing_could_be_checked(tmp_path):
    (tmp_path / "a.py").write_text("import requests\ndef (:\n")
    proc = egress_lint("check", "--no-cache", "a.py", cwd=tmp_path)
    assert proc.returncode == 2 and proc.stdout.startswith("Nothing could be checked (1 file, 1 could not be checked")
    (tmp_path / "b.py").write_text("import requests\n")
    both = egress_lint("check", "--no-cache", "a.py", "b.py", cwd=tmp_path)
    assert both.stdout.startswith("No findings in the files that could be checked (2 files checked, 1 could not")


def test_rules_as_json():
    data = json.loads(egress_lint("rules", "--format", "json").stdout)
    by_code = {rule["code"]: rule for rule in data["rules"]}
    assert set(by_code["EGR101"]) == {"code", "slug", "family", "severity", "summary", "hint", "fix", "fix_safety",
                                      "cwe", "asvs"}
    assert by_code["EGR101"]["cwe"] == ["CWE-295"] and by_code["EGR101"]["asvs"] == ["V9.2.3"]
    assert by_code["EGR105"]["fix"] == "safe" and by_code["EGR101"]["fix"] == "unsafe"
    assert by_code["EGR303"]["fix"] is None


@pytest.mark.parametrize("how", [["--select", ""], ["--config", "empty.toml"]])
def test_an_empty_select_is_an_error(tmp_path, how):
    (tmp_path / "empty.toml").write_text("[tool.egress-lint]\nselect = []\n")
    (tmp_path / "a.py").write_text(INSECURE)
    proc = egress_lint("check", "--no-cache", *how, "a.py", cwd=tmp_path)
    assert proc.returncode == 2 and "no rule is enabled" in proc.stderr and proc.stdout == ""


def test_nearest_configuration_per_file_and_config_overrides(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.egress-lint]\nignore = ["EGR101"]\n')
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "pyproject.toml").write_text('[tool.egress-lint]\nselect = ["EGR1"]\n')
    for name in ("top.py", "sub/inner.py"):
        (tmp_path / name).write_text(INSECURE)
    assert _codes(egress_lint("check", "--no-cache", ".", cwd=tmp_path).stdout) == [("sub/inner.py", "3", "EGR101")]
    # from the monorepo root, sub/ still gets its own table
    assert _codes(egress_lint("check", "--no-cache", "sub", cwd=tmp_path).stdout) == [("sub/inner.py", "3", "EGR101")]
    overridden = egress_lint("check", "--no-cache", "--config", "pyproject.toml", ".", cwd=tmp_path)
    assert _codes(overridden.stdout) == [] and overridden.returncode == 0


def test_config_overrides_the_nested_configuration_through_flake8(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.egress-lint]\nignore = ["EGR101"]\n')
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "pyproject.toml").write_text('[tool.egress-lint]\nselect = ["EGR1"]\n')
    for name in ("top.py", "sub/inner.py"):
        (tmp_path / name).write_text(INSECURE)

    def flake8(*args, cwd=tmp_path):
        proc = run([sys.executable, "-m", "flake8", "--select", "EGR", *args, "."], cwd=cwd)
        assert "Traceback" not in proc.stderr, proc.stderr
        return [(path.replace("./", "", 1), line, code) for path, line, code in _codes(proc.stdout)], proc.returncode

    # Each file's nearest table: sub/ selects EGR1, the root ignores EGR101 (as the CLI does).
    assert flake8("--isolated") == ([("sub/inner.py", "3", "EGR101")], 1)
    # --egress-config names one table for every file, as the CLI's --config does.
    assert flake8("--isolated", "--egress-config", "pyproject.toml") == ([], 0)
    # From a flake8 configuration file, relative to that file wherever flake8 runs (flake8 resolves a
    # path that has a "/" in it from the configuration file's folder).
    (tmp_path / "tox.ini").write_text("[flake8]\negress-config = ./pyproject.toml\n")
    assert flake8() == ([], 0)
    assert flake8("--config", "../tox.ini", cwd=tmp_path / "sub") == ([], 0)
    # The CLI reads the same setting from the same file, so both routes still agree.
    for cwd in (tmp_path, tmp_path / "sub"):
        cli = egress_lint("check", "--no-cache", ".", cwd=cwd)
        assert (_codes(cli.stdout), cli.returncode) == ([], 0), cli.stdout + cli.stderr
    # A missing file is a configuration error, never a silent fallback to the nearest table.
    missing = run([sys.executable, "-m", "flake8", "--isolated", "--select", "EGR", "--egress-config", "nope.toml",
                   "top.py"], cwd=tmp_path)
    assert _codes(missing.stdout) == [("top.py", "1", "EGR000")] and "nope.toml" in missing.stdout


def test_reports_baselines_and_inventories_go_into_new_folders(tmp_path):
    (tmp_path / "a.py").write_text(INSECURE)
    baseline = egress_lint("check", "--no-cache", "--write-baseline", "ci/state/baseline.json", "a.py", cwd=tmp_path)
    assert baseline.returncode == 0, baseline.stderr
    assert json.loads((tmp_path / "ci" / "state" / "baseline.json").read_text())["findings"][0]["code"] == "EGR101"
    inventory = egress_lint("inventory", "--output-format", "csv", "-o", "audit/2026/connections.csv", "a.py",
                            cwd=tmp_path)
    assert inventory.returncode == 0, inventory.stderr
    assert (tmp_path / "audit" / "2026" / "connections.csv").read_text().startswith("path,")
    # the documented CI step must not turn a failed write into success
    (tmp_path / "blocked").write_text("a file where a folder should be")
    step = run(["bash", "-c", f"{sys.executable} -m egress_lint check --no-cache -o blocked/report.sarif "
                              "--format sarif a.py || [ $? -eq 1 ]"], cwd=tmp_path)
    assert step.returncode != 0 and "Traceback" not in step.stderr
    assert step.stderr.strip().splitlines()[-1].startswith("egress-lint: blocked/report.sarif: cannot write")
