"""The gate cannot be talked out of its answer by the checked code: coding cookies, text the
pre-check could misread, a committed cache, folders skipped without a word, a dead worker.

Each test runs the real CLI (or real flake8) on real files; see docs/robustness.md.
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

from tests.helpers import egress_lint, flake8, parse_lines

CALL = b"requests.get('https://api.example.com', verify=False)\n"


def _codes(proc):
    return [(f["path"], int(f["line"]), f["code"]) for f in parse_lines(proc.stdout)]


# -- coding cookies ---------------------------------------------------------------------------------
# CPython reads the cookie line raw and decodes the rest, so `# coding: unicode_escape \` followed by
# a line of code runs that line; decoding the whole file joins it to the comment. Such codecs (and
# every codec that does not read ASCII as itself) are refused: "cannot decode", exit 2.
HIDING_COOKIES = {
    "unicode_escape.py": b"# coding: unicode_escape \\\nimport requests; " + CALL,
    "raw_unicode_escape.py": b"# coding: raw_unicode_escape\nimport requests\n"
                             b"requests.get('https://h', verify=\\u0046alse)\n",
    "utf7.py": b"# coding: utf-7\nimport requests\nx = 1+ADs-requests.get('https://h', verify=False)\n",
}
REFUSED_BY_CPYTHON = {
    "utf16_on_ascii.py": b"# coding: utf-16\nimport requests\n" + CALL,
    "punycode.py": b"# coding: punycode\nimport requests\n" + CALL,
    "undefined.py": b"# coding: undefined\nimport requests\n" + CALL,
}


@pytest.mark.parametrize("name,data", sorted({**HIDING_COOKIES, **REFUSED_BY_CPYTHON}.items()))
def test_a_cookie_that_can_hide_code_is_refused(tmp_path: Path, name: str, data: bytes):
    (tmp_path / name).write_bytes(data)
    (tmp_path / "plain.py").write_bytes(b"import requests\n" + CALL)
    proc = egress_lint("check", "--no-cache", ".", cwd=tmp_path)
    assert proc.returncode == 2
    assert _codes(proc) == [("plain.py", 2, "EGR101")]  # the other file is still checked
    assert proc.stderr.startswith(f"egress-lint: {name}: cannot decode: ")
    assert len(proc.stderr.splitlines()) == 1


@pytest.mark.parametrize("name", sorted(HIDING_COOKIES))
def test_flake8_reports_a_refused_cookie(tmp_path: Path, name: str):
    (tmp_path / name).write_bytes(HIDING_COOKIES[name])
    proc = flake8("--select", "EGR", name, cwd=tmp_path)
    found = [(int(f["line"]), f["code"]) for f in parse_lines(proc.stdout)]
    assert (1, "EGR000") in found, proc.stdout + proc.stderr
    assert "cannot decode" in proc.stdout


def test_ordinary_cookies_still_work(tmp_path: Path):
    (tmp_path / "latin.py").write_bytes(b"# -*- coding: latin-1 -*-\nimport requests\ns = '\xe9'; " + CALL)
    (tmp_path / "sjis.py").write_bytes(b"# coding: shift_jis\nimport requests\ns = '\x82\xa0'\n" + CALL)
    proc = egress_lint("check", "--no-cache", ".", cwd=tmp_path)
    assert _codes(proc) == [("latin.py", 3, "EGR101"), ("sjis.py", 4, "EGR101")], proc.stderr
    assert proc.returncode == 1


# -- the pre-check never skips code Python would run --------------------------------------------------
PRECHECK_TRAPS = {
    "nfkc_bold.py": "import \U0001d42bequests as r\nr.get('https://h', verify=False)\n",
    "fullwidth.py": "import \uff52\uff45\uff51\uff55\uff45\uff53\uff54\uff53\n"
                    "requests.get('https://h', verify=False)\n",
    "form_feed.py": "import\x0crequests\nrequests.get('https://h', verify=False)\n",
    "form_feed_from.py": "from\x0crequests import get\nget('https://h', verify=False)\n",
    "cr_continuation.py": "import os, \\\rrequests\rrequests.get('https://h', verify=False)\r",
    "fullwidth_env.py": "import os\nos.environ.update(\uff30\uff39\uff34\uff28\uff2f\uff2e\uff28\uff34\uff34\uff30\uff33"
                        "\uff36\uff25\uff32\uff29\uff26\uff39=\"0\")\n",
}


@pytest.mark.parametrize("name", sorted(PRECHECK_TRAPS))
def test_the_precheck_never_skips_code_python_runs(tmp_path: Path, name: str):
    from egress_lint.config import Settings
    from egress_lint.engine import check_source, precheck

    text = PRECHECK_TRAPS[name]
    full = check_source(text.encode(), name, Settings(), use_precheck=False)
    assert full.diagnostics, "the trap must be a real finding"
    assert precheck(text)
    (tmp_path / name).write_bytes(text.encode())
    assert _codes(egress_lint("check", "--no-cache", name, cwd=tmp_path))
    assert [f["code"] for f in parse_lines(flake8("--select", "EGR", name, cwd=tmp_path).stdout)]


def _bold(word: str) -> str:  # mathematical bold letters: NFKC gives the ASCII word back
    return "".join(chr(0x1D41A + ord(c) - 97) if "a" <= c <= "z" else
                   chr(0x1D400 + ord(c) - 65) if "A" <= c <= "Z" else c for c in word)


def _fullwidth(word: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if c.isascii() and c.isalnum() else c for c in word)


def _words():
    from egress_lint.catalogue import RULES
    from egress_lint.libraries import MODULES

    return sorted(set(MODULES) | {w for rule in RULES for w in rule.precheck}, key=len, reverse=True)


def _rename(text: str, style) -> str:
    import re

    pattern = re.compile(r"\b(" + "|".join(map(re.escape, _words())) + r")\b")
    return pattern.sub(lambda m: style(m.group(1)), text)


DISGUISES = {
    "as-is": lambda t: t,
    "form-feed": lambda t: t.replace("import ", "import\x0c").replace("from ", "from\x0c"),
    "cr-only": lambda t: t.replace("\r\n", "\n").replace("\n", "\r"),
    "continuation": lambda t: t.replace("import ", "import \\\r").replace("from ", "from \\\n"),
    "bold": lambda t: _rename(t, _bold),
    "fullwidth": lambda t: _rename(t, _fullwidth),
}


def _holds(text: str) -> bool:
    """The pre-check's promise: when it says no (on the text, or on the parsed module's imports),
    the full analysis finds nothing."""
    import ast

    from egress_lint.config import Settings
    from egress_lint.engine import check_source, imports_checked, precheck

    if precheck(text):
        try:
            tree = ast.parse(text)
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            return True
        if imports_checked(tree, text, ""):
            return True
    full = check_source(text.encode("utf-8", "surrogatepass"), "x.py", Settings(), use_precheck=False)
    return not full.diagnostics


def _sources():
    from egress_lint.catalogue import RULES

    root = Path(__file__).resolve().parent
    yield from ((p.name, p.read_text(encoding="utf-8")) for p in sorted((root / "fixtures").glob("*.py")))
    for rule in RULES:
        for i, example in enumerate(rule.INVALID):
            yield f"{rule.code}-{i}", example.source


@pytest.mark.parametrize("disguise", sorted(DISGUISES))
def test_precheck_false_means_no_findings_over_fixtures_and_examples(disguise: str):
    broken = [name for name, text in _sources() if not _holds(DISGUISES[disguise](text))]
    assert broken == []


def _property_settings():
    from hypothesis import HealthCheck, settings

    examples = int(os.environ.get("EGRESS_LINT_FUZZ_EXAMPLES", "0"))
    return settings(max_examples=examples or 8, deadline=None, derandomize=not examples, database=None,
                    suppress_health_check=list(HealthCheck))


def test_precheck_false_means_no_findings_on_generated_programs():
    import hypothesmith
    from hypothesis import given, strategies as st

    from egress_lint.catalogue import RULES

    examples = [example.source for rule in RULES for example in rule.INVALID]

    @_property_settings()
    @given(source=hypothesmith.from_grammar(), example=st.sampled_from(examples),
           disguise=st.sampled_from(sorted(DISGUISES)))
    def check(source: str, example: str, disguise: str) -> None:
        assert _holds(source)
        assert _holds(DISGUISES[disguise](source + "\n" + example))

    check()


# -- a committed cache cannot change the answer -------------------------------------------------------
INSECURE = b"import requests\nrequests.get('https://api.example.com', verify=False)\n"


def _emptied(cache: Path) -> None:
    """What a pull request would commit: every entry's findings removed."""
    for file in cache.glob("*.json"):
        entries = json.loads(file.read_text())
        for entry in entries.values():
            entry["result"]["diagnostics"] = []
        file.write_text(json.dumps(entries))


def test_the_default_cache_lives_outside_the_checked_tree(tmp_path: Path):
    tree, home = tmp_path / "tree", tmp_path / "xdg"
    tree.mkdir()
    (tree / "a.py").write_bytes(INSECURE)
    proc = egress_lint("check", ".", cwd=tree, env={"XDG_CACHE_HOME": str(home)})
    assert _codes(proc) == [("a.py", 2, "EGR101")]
    assert sorted(p.name for p in tree.iterdir()) == ["a.py"]
    [project] = (home / "egress-lint" / "projects").iterdir()
    assert project.name.startswith("tree-") and list(project.glob("*.json"))
    key = home / "egress-lint" / "key"
    assert key.stat().st_size == 32 and key.stat().st_mode & 0o077 == 0


def test_a_committed_cache_with_emptied_findings_hides_nothing(tmp_path: Path):
    tree = tmp_path / "tree"
    tree.mkdir()
    (tree / "a.py").write_bytes(INSECURE)
    attacker = {"XDG_CACHE_HOME": str(tmp_path / "attacker")}
    assert egress_lint("check", "--cache-dir", ".egress-lint-cache", ".", cwd=tree, env=attacker).returncode == 1
    _emptied(tree / ".egress-lint-cache")
    # The attacker's own machine would now be fooled only by its own key; a fresh clone is not:
    victim = {"XDG_CACHE_HOME": str(tmp_path / "victim")}
    default = egress_lint("check", ".", cwd=tree, env=victim)
    assert (_codes(default), default.returncode, default.stderr) == ([("a.py", 2, "EGR101")], 1, "")
    named = egress_lint("check", "--cache-dir", ".egress-lint-cache", ".", cwd=tree, env=victim)
    assert (_codes(named), named.returncode) == ([("a.py", 2, "EGR101")], 1)
    assert named.stderr.count("\n") == 1 and "ignored 1 cache entry that failed authentication" in named.stderr
    again = egress_lint("check", "--cache-dir", ".egress-lint-cache", ".", cwd=tree, env=victim)
    assert (_codes(again), again.stderr) == ([("a.py", 2, "EGR101")], "")  # reported once, then replaced


@pytest.mark.parametrize("kind", ["deeply-nested", "dev-zero", "fifo"])
def test_a_hostile_cache_file_is_one_line_and_exit_2_with_every_finding(tmp_path: Path, kind: str):
    tree = tmp_path / "tree"
    tree.mkdir()
    (tree / "a.py").write_bytes(INSECURE)
    (tree / "b.py").write_bytes(INSECURE)
    assert egress_lint("check", "--cache-dir", "c", ".", cwd=tree).returncode == 1
    [file] = (tree / "c").glob("*.json")
    file.unlink()
    if kind == "deeply-nested":
        file.write_text("[" * 100_000 + "]" * 100_000)
    elif kind == "dev-zero":
        os.symlink("/dev/zero", file)
    else:
        os.mkfifo(file)
    proc = egress_lint("check", "--cache-dir", "c", ".", cwd=tree)
    assert "Traceback" not in proc.stderr
    assert _codes(proc) == [("a.py", 2, "EGR101"), ("b.py", 2, "EGR101")]
    assert proc.returncode == 2  # every finding is reported; the damaged cache fails the run
    assert len(proc.stderr.splitlines()) == 1 and "cannot read cache" in proc.stderr


# -- a committed baseline hides only what it names ---------------------------------------------------
def test_a_baseline_hides_only_the_findings_it_names(tmp_path: Path):
    (tmp_path / "a.py").write_bytes(INSECURE)
    assert egress_lint("check", "--no-cache", "--write-baseline", "baseline.json", ".", cwd=tmp_path).returncode == 0
    assert egress_lint("check", "--no-cache", "--baseline", "baseline.json", ".", cwd=tmp_path).returncode == 0
    # New copies: the same call again in a.py, the same file's content under another name.
    (tmp_path / "a.py").write_bytes(INSECURE + INSECURE[len(b"import requests\n"):])
    (tmp_path / "b.py").write_bytes(INSECURE)
    proc = egress_lint("check", "--no-cache", "--baseline", "baseline.json", ".", cwd=tmp_path)
    assert _codes(proc) == [("a.py", 3, "EGR101"), ("b.py", 2, "EGR101")]
    assert proc.returncode == 1
    # A baseline that raises its own count for a finding hides that many copies, and no other code.
    data = json.loads((tmp_path / "baseline.json").read_text())
    data["findings"][0]["count"] = 1000
    (tmp_path / "baseline.json").write_text(json.dumps(data))
    (tmp_path / "a.py").write_bytes(INSECURE + b"requests.get('http://api.example.com')\n")
    proc = egress_lint("check", "--no-cache", "--baseline", "baseline.json", ".", cwd=tmp_path)
    assert _codes(proc) == [("a.py", 3, "EGR201"), ("b.py", 2, "EGR101")]


# -- a dead worker ends the run, never hangs it ------------------------------------------------------
def _children(pid: int):
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as handle:
            return [int(p) for p in handle.read().split()]
    except OSError:
        return []


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs /proc to find the worker processes")
def test_a_killed_worker_is_reported_and_the_run_ends(tmp_path: Path):
    import signal
    import subprocess
    import time

    slow = b"x = 1\n" * 30_000  # long enough that a worker is caught inside a file
    for i in range(16):
        (tmp_path / f"f{i:02}.py").write_bytes(b"import requests\n" + CALL + slow)
    proc = subprocess.Popen([sys.executable, "-m", "egress_lint", "check", "--no-cache", "--no-hints", "--jobs", "2",
                             "."], cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while len(_children(proc.pid)) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(1.0)
    victim = _children(proc.pid)[0]
    os.kill(victim, signal.SIGKILL)
    out, err = proc.communicate(timeout=300)  # used to wait forever
    assert "Traceback" not in err
    assert proc.returncode == 2
    lost = [line for line in err.splitlines() if "not checked: the worker process checking it died" in line]
    assert len(lost) == 1 and "killed by signal 9" in lost[0], err
    assert "egress-lint: a worker process died (killed by signal 9)" in err
    held = lost[0].split()[1].rstrip(":")
    reported = {f["path"] for f in parse_lines(out)}
    assert reported == {f"f{i:02}.py" for i in range(16)} - {held}  # every other file was checked


# -- max-file-size -------------------------------------------------------------------------------------
def test_a_file_over_max_file_size_is_reported_not_parsed(tmp_path: Path):
    (tmp_path / "pyproject.toml").write_text('[tool.egress-lint]\nmax-file-size = "1k"\n')
    small = b"import requests\n" + CALL
    (tmp_path / "small.py").write_bytes(small)
    (tmp_path / "exact.py").write_bytes(small + b"#" * (1024 - len(small) - 1) + b"\n")
    (tmp_path / "padded.py").write_bytes(small + b"#" * 2000 + b"\n")
    proc = egress_lint("check", "--no-cache", ".", cwd=tmp_path)
    assert _codes(proc) == [("exact.py", 2, "EGR101"), ("small.py", 2, "EGR101")]
    assert proc.stderr == ("egress-lint: padded.py: not checked: 2071 bytes is more than max-file-size "
                           "(1024 bytes); raise max-file-size or exclude the file\n")
    assert proc.returncode == 2
    assert "1 could not be checked" in proc.stdout


def test_max_file_size_reaches_flake8(tmp_path: Path):
    (tmp_path / "padded.py").write_bytes(b"import requests\n" + CALL + b"#" * 2000 + b"\n")
    proc = flake8("--select", "EGR", "--egress-max-file-size", "1k", "padded.py", cwd=tmp_path)
    assert [(int(f["line"]), f["code"]) for f in parse_lines(proc.stdout)] == [(1, "EGR000")]
    assert "more than max-file-size" in proc.stdout
    default = flake8("--select", "EGR", "padded.py", cwd=tmp_path)
    assert [(int(f["line"]), f["code"]) for f in parse_lines(default.stdout)] == [(2, "EGR101")]
    # the limit counts bytes: 700 characters of two bytes each are over 1k
    (tmp_path / "accented.py").write_bytes(b"import requests\n" + CALL + "# {}\n".format("\u00e9" * 700).encode())
    wide = flake8("--select", "EGR", "--egress-max-file-size", "1k", "accented.py", cwd=tmp_path)
    assert [(int(f["line"]), f["code"]) for f in parse_lines(wide.stdout)] == [(1, "EGR000")]


def test_max_file_size_must_be_a_size(tmp_path: Path):
    (tmp_path / "pyproject.toml").write_text('[tool.egress-lint]\nmax-file-size = "big"\n')
    proc = egress_lint("check", "--no-cache", ".", cwd=tmp_path)
    assert proc.returncode == 2 and "'max-file-size' must be a size in bytes" in proc.stderr


# -- folders skipped, paths excluded and findings suppressed are always said -----------------------------
FINDING = b"import requests\nrequests.get('https://h', verify=False)\n"


def _tree_with_lookalike_folders(root: Path) -> None:
    for folder in ("build", "dist", "venv", "pkg/site-packages", "x.egg-info", "node_modules", "emptycfg",
                   ".venv", "web/node_modules", ".git"):
        (root / folder).mkdir(parents=True)
        (root / folder / "m.py").write_bytes(FINDING)
    (root / "emptycfg" / "pyvenv.cfg").write_text("")  # an empty pyvenv.cfg is no virtualenv
    (root / "venv" / "pyvenv.cfg").write_text("")
    (root / ".venv" / "pyvenv.cfg").write_text("home = /usr/bin\ninclude-system-site-packages = false\n")
    (root / ".venv" / "bin").mkdir()
    os.symlink(sys.executable, root / ".venv" / "bin" / "python")
    (root / "web" / "package.json").write_text("{}")


def test_only_expected_folders_are_skipped_and_each_is_named(tmp_path: Path):
    _tree_with_lookalike_folders(tmp_path)
    proc = egress_lint("check", "--no-cache", "--no-hints", ".", cwd=tmp_path)
    assert [path for path, _, _ in _codes(proc)] == [
        "build/m.py", "dist/m.py", "emptycfg/m.py", "node_modules/m.py", "pkg/site-packages/m.py", "venv/m.py",
        "x.egg-info/m.py"]
    assert proc.stdout.splitlines()[-1] == (
        "Found 7 findings in 7 files (7 files checked; 3 folders skipped: .git (version control), "
        ".venv (virtualenv), web/node_modules (node_modules)).")
    data = json.loads(egress_lint("check", "--no-cache", "--format", "json", ".", cwd=tmp_path).stdout)
    assert data["skipped"] == [{"path": ".git", "reason": "version control"}, {"path": ".venv", "reason": "virtualenv"},
                               {"path": "web/node_modules", "reason": "node_modules"}]
    github = egress_lint("check", "--no-cache", "--format", "github", ".", cwd=tmp_path).stdout.splitlines()
    assert github[-1] == ("::notice title=egress-lint::3 folders skipped: .git (version control), .venv (virtualenv), "
                          "web/node_modules (node_modules)")
    sarif = json.loads(egress_lint("check", "--no-cache", "--format", "sarif", ".", cwd=tmp_path).stdout)
    invocation = sarif["runs"][0]["invocations"][0]
    assert [n["message"]["text"].split(":")[0] for n in invocation["toolExecutionNotifications"]
            if n["level"] == "note"] == [".git", ".venv", "web/node_modules"]
    assert invocation["properties"]["skipped"] == data["skipped"]
    everything = egress_lint("check", "--no-cache", "--no-default-excludes", ".", cwd=tmp_path)
    assert len(_codes(everything)) == 10 and "skipped" not in everything.stdout


@pytest.mark.parametrize("config,summary", [
    ('exclude = ["*"]', "No findings (0 files checked; 2 paths excluded)."),
    ('per-file-ignores = { "**" = ["EGR"] }',
     "No findings (2 files checked; 2 findings suppressed (1 by noqa, 1 by per-file-ignores))."),
    ('ignore = ["EGR1"]', "No findings (2 files checked; 8 of 14 rules enabled)."),
])
def test_exclusions_and_suppressions_are_visible(tmp_path: Path, config: str, summary: str):
    from egress_lint.catalogue import RULES

    summary = summary.replace("of 14", f"of {len(RULES)}").replace("8 of", f"{sum(not r.code.startswith('EGR1') for r in RULES)} of")
    (tmp_path / "pyproject.toml").write_text(f"[tool.egress-lint]\n{config}\n")
    (tmp_path / "a.py").write_bytes(FINDING)
    (tmp_path / "b.py").write_bytes(FINDING.replace(b"False)", b"False)  # noqa: EGR101"))
    proc = egress_lint("check", "--no-cache", ".", cwd=tmp_path)
    assert proc.stdout.splitlines()[-1] == summary
    assert proc.returncode == 0


def test_json_states_what_was_excluded_suppressed_and_enabled(tmp_path: Path):
    (tmp_path / "pyproject.toml").write_text('[tool.egress-lint]\nexclude = ["c.py"]\n'
                                             'per-file-ignores = { "a.py" = ["EGR101"] }\n')
    for name in ("a.py", "c.py"):
        (tmp_path / name).write_bytes(FINDING)
    (tmp_path / "b.py").write_bytes(FINDING.replace(b"False)", b"False)  # noqa"))
    data = json.loads(egress_lint("check", "--no-cache", "--format", "json", ".", cwd=tmp_path).stdout)
    assert data["excluded"] == ["c.py"]
    assert data["suppressed"] == {"noqa": 1, "per-file-ignores": 1, "baseline": 0}
    from egress_lint.catalogue import RULES

    assert data["rules_enabled"] == [rule.code for rule in RULES]


@pytest.mark.parametrize("option", [["--ignore", "EGR"], ["--select", "EGR1", "--ignore", "EGR1"]])
def test_a_run_with_no_rule_enabled_is_an_error(tmp_path: Path, option):
    (tmp_path / "a.py").write_bytes(FINDING)
    proc = egress_lint("check", "--no-cache", *option, ".", cwd=tmp_path)
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr == "egress-lint: no rule is enabled: the select and ignore settings leave nothing to check\n"


# -- output injection -------------------------------------------------------------------------------------
INJECTING = ('import requests\nrequests.get("http://x\\n::error file=fake.py::owned\\x1b[31m")\n'
             'requests.get("http://h\\u202e.example.com")\n')
INJECTED_NAME = "b\n::stop-commands::tok\x1b[2J.py"


@pytest.fixture
def injecting(tmp_path: Path) -> Path:
    (tmp_path / "c.py").write_text(INJECTING)
    (tmp_path / INJECTED_NAME).write_bytes(FINDING)
    (tmp_path / "=HYPERLINK(1).py").write_bytes(FINDING)
    (tmp_path / "::warning::x.py").write_bytes(FINDING)
    (tmp_path / "broken\n::error::x.py").write_text("import requests\ndef (:\n")
    return tmp_path


def _lines_are_safe(text: str) -> None:
    for line in text.splitlines():
        assert not line.startswith("::") or line.startswith(("::error file=", "::warning file=", "::error::")), line
        assert "\x1b" not in line and "\u202e" not in line, line


@pytest.mark.parametrize("fmt", ["text", "github"])
def test_no_source_string_or_file_name_can_inject_into_check_output(injecting: Path, fmt: str):
    proc = egress_lint("check", "--no-cache", "--format", fmt, ".", cwd=injecting)
    _lines_are_safe(proc.stdout)
    _lines_are_safe(proc.stderr)
    if fmt == "text":
        lines = proc.stdout.splitlines()
        assert "c.py:2:1: EGR201 [~] requests.get() sends a request over plain HTTP to " \
               "http://x\\n::error file=fake.py::owned\\x1b[31m \u2014 " in "\n".join(lines)
        assert any(line.startswith("b\\n::stop-commands::tok\\x1b[2J.py:2:1: EGR101") for line in lines)
        assert any(line.startswith("./::warning::x.py:2:1: EGR101") for line in lines)
        assert any("http://h\\u202e.example.com" in line for line in lines)
        assert "egress-lint: broken\\n::error::x.py:2:5: syntax error" in proc.stderr
    else:
        [annotation] = [line for line in proc.stdout.splitlines() if "fake.py" in line]
        assert annotation.startswith("::warning file=c.py,line=2,col=1,")


@pytest.mark.parametrize("fmt", ["table", "markdown", "csv"])
def test_no_source_string_or_file_name_can_inject_into_the_inventory(injecting: Path, fmt: str):
    proc = egress_lint("inventory", "--format", fmt, ".", cwd=injecting)
    _lines_are_safe(proc.stdout)
    _lines_are_safe(proc.stderr)
    if fmt == "csv":
        import csv
        import io

        rows = list(csv.reader(io.StringIO(proc.stdout)))
        assert all(not cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)
        assert [row[0] for row in rows[1:3]] == ["./::warning::x.py", "'=HYPERLINK(1).py"]


def test_flake8_output_is_escaped(injecting: Path):
    proc = flake8("--select", "EGR", "c.py", cwd=injecting)
    _lines_are_safe(proc.stdout)
    assert "http://x\\n::error file=fake.py::owned\\x1b[31m" in proc.stdout


def test_sarif_uris_are_percent_encoded(injecting: Path):
    sarif = json.loads(egress_lint("check", "--no-cache", "--format", "sarif", ".", cwd=injecting).stdout)
    uris = sorted(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in sarif["runs"][0]["results"])
    assert uris == ["%3A%3Awarning%3A%3Ax.py", "%3DHYPERLINK%281%29.py", "b%0A%3A%3Astop-commands%3A%3Atok%1B%5B2J.py",
                    "c.py", "c.py"]


# -- one line and exit 2, never a traceback ------------------------------------------------------------
@pytest.fixture
def undecodable_name(tmp_path: Path) -> Path:
    with open(os.path.join(os.fsencode(tmp_path), b"caf\xe9.py"), "wb") as handle:
        handle.write(FINDING)
    (tmp_path / "plain.py").write_bytes(FINDING)
    return tmp_path


@pytest.mark.parametrize("args", [["--output", "out/report.txt"], ["--format", "json", "--output", "r.json"],
                                  ["--format", "sarif", "--output", "r.sarif"],
                                  ["--format", "github", "--output", "r.txt"]])
def test_a_report_with_an_undecodable_file_name_is_written(undecodable_name: Path, args):
    proc = egress_lint("check", "--no-cache", *args, ".", cwd=undecodable_name)
    assert "Traceback" not in proc.stderr and proc.stderr == ""
    assert proc.returncode == 1
    written = (undecodable_name / args[-1]).read_text(encoding="utf-8")
    assert "plain.py" in written and "caf" in written
    if args[1] == "json":
        # JSON reads the escape back as the same (surrogate-escaped) name the file system gave
        assert sorted(r["path"] for r in json.loads(written)["results"]) == ["caf\udce9.py", "plain.py"]


def test_a_baseline_with_an_undecodable_file_name_round_trips(undecodable_name: Path):
    proc = egress_lint("check", "--no-cache", "--write-baseline", "b.json", ".", cwd=undecodable_name)
    assert (proc.returncode, "Traceback" in proc.stderr) == (0, False), proc.stderr
    again = egress_lint("check", "--no-cache", "--baseline", "b.json", ".", cwd=undecodable_name)
    assert (again.returncode, again.stderr) == (0, "")


@pytest.mark.parametrize("fmt", ["table", "json", "csv", "markdown"])
def test_an_inventory_with_an_undecodable_file_name_is_written(undecodable_name: Path, fmt: str):
    proc = egress_lint("inventory", "--format", fmt, "--output", "inv.out", ".", cwd=undecodable_name)
    assert (proc.returncode, proc.stderr) == (0, "")
    assert "caf" in (undecodable_name / "inv.out").read_text(encoding="utf-8")


def test_an_unwritable_output_is_one_line_and_exit_2(undecodable_name: Path):
    (undecodable_name / "taken").mkdir()
    proc = egress_lint("check", "--no-cache", "--output", "taken", ".", cwd=undecodable_name)
    assert proc.returncode == 2 and proc.stderr == "egress-lint: taken: cannot write: Is a directory\n"
    proc = egress_lint("inventory", "--output", "taken", ".", cwd=undecodable_name)
    assert proc.returncode == 2 and proc.stderr == "egress-lint: taken: cannot write: Is a directory\n"


@pytest.mark.parametrize("kind,reason", [
    ("deeply-nested", "nested too deeply"), ("dev-zero", "not a regular file"), ("fifo", "not a regular file"),
    ("huge-count", "count inf is not a whole number"), ("float-count", "count 1.5 is not a whole number"),
])
def test_a_hostile_baseline_is_one_line_and_exit_2(tmp_path: Path, kind: str, reason: str):
    (tmp_path / "a.py").write_bytes(FINDING)
    (tmp_path / "b.py").write_bytes(FINDING)
    baseline = tmp_path / "baseline.json"
    if kind == "deeply-nested":
        baseline.write_text('{"version": 1, "findings": ' + "[" * 100_000 + "]" * 100_000 + "}")
    elif kind == "dev-zero":
        os.symlink("/dev/zero", baseline)
    elif kind == "fifo":
        os.mkfifo(baseline)
    else:
        count = "1e400" if kind == "huge-count" else "1.5"
        baseline.write_text('{"version": 1, "findings": [{"path": "a.py", "fingerprint": "x", "count": %s}]}' % count)
    proc = egress_lint("check", "--no-cache", "--baseline", "baseline.json", ".", cwd=tmp_path)
    assert "Traceback" not in proc.stderr
    assert proc.stderr == f"egress-lint: baseline.json: cannot read baseline: {reason}; every finding is reported\n"
    assert _codes(proc) == [("a.py", 2, "EGR101"), ("b.py", 2, "EGR101")]  # the other files are processed
    assert proc.returncode == 2


def test_the_precheck_stays_linear_on_a_line_of_many_imports():
    import time

    from egress_lint.engine import precheck

    text = 'x = "' + "import a " * 100_000 + '"\nrequests = 1\n'
    start = time.process_time()
    assert precheck(text) is False
    assert time.process_time() - start < 10  # was about two minutes for 10,000 on one line
