"""``# noqa`` means in the CLI exactly what it means in flake8, and one on any line of the reported
call or statement suppresses the finding in both routes."""
import pytest
from flake8.violation import Violation

from egress_lint.noqa import line_suppresses

from .helpers import egress_lint, flake8, parse_lines

CALL = 'requests.get("https://api.example.com/", verify=False)'

# (comment or text added to the line, does flake8 suppress EGR101 there?)
CASES = [
    ("  # noqa", True),
    ("  # noqa: EGR101", True),
    ("  # noqa:EGR101", True),
    ("  # NOQA: EGR101,E501", True),
    ("  # noqa: EGR1", True),
    ("  # noqa: E501", False),
    ("  # noqa: egr101", False),  # flake8 compares codes case-sensitively
    ("  #noqa:EGR101", False),  # flake8 wants "# noqa" with the space
    ("  # see #noqaplease", False),
    ("  # noqaplease", True),  # flake8 reads a bare "# noqa" prefix
    ("  # noqa : EGR101", True),  # no colon right after noqa: a blanket noqa
    ("  # noqa:EGR102", False),
]


@pytest.mark.parametrize("suffix, expected", CASES)
def test_line_matching_is_flake8s(suffix, expected):
    line = CALL + suffix + "\n"
    theirs = Violation("EGR101", "x.py", 1, 1, "text", line).is_inline_ignored(False)
    assert theirs is expected
    assert line_suppresses(line, "EGR101") is expected


def _cases_file(tmp_path):
    lines = ["import requests", ""]
    expected = set()
    for suffix, suppressed in CASES:
        lines.append(CALL + suffix)
        if not suppressed:
            expected.add((len(lines), "EGR101"))
    lines.append('requests.get("https://h/#noqa", verify=False)')  # noqa-looking text in a string
    expected.add((len(lines), "EGR101"))
    lines.append('requests.get("https://h/ # noqa", verify=False)')  # flake8 searches the raw line: suppressed
    start = len(lines) + 1
    lines += ["requests.get(", '    "https://api.example.com/",', "    verify=False,  # noqa: EGR101", ")"]
    multi_suppressed = start
    start = len(lines) + 1
    lines += ["requests.get(", '    "https://api.example.com/",', "    verify=False,  # noqa: E501", ")"]
    expected.add((start, "EGR101"))
    start = len(lines) + 1
    lines += ["session = requests.Session()", "session.verify = (", "    False  # noqa", ")"]
    statement_suppressed = start + 1
    path = tmp_path / "cases.py"
    path.write_text("\n".join(lines) + "\n")
    return path, expected, (multi_suppressed, statement_suppressed)


def test_cli_and_flake8_suppress_the_same_findings(tmp_path):
    path, expected, suppressed_lines = _cases_file(tmp_path)
    cli = egress_lint("check", "--no-cache", "--no-hints", "cases.py", cwd=tmp_path)
    by_cli = {(int(f["line"]), f["code"]) for f in parse_lines(cli.stdout)}
    by_flake8 = {(int(f["line"]), f["code"]) for f in parse_lines(flake8("--select", "EGR", "cases.py",
                                                                        cwd=tmp_path).stdout)}
    assert by_cli == expected, cli.stdout
    assert by_flake8 == expected
    assert "10 findings suppressed (10 by noqa)" in cli.stdout.splitlines()[-1]

    # --disable-noqa shows everything, in both routes, the multi-line suppressions included
    everything = {(int(f["line"]), f["code"]) for f in parse_lines(
        egress_lint("check", "--no-cache", "--disable-noqa", "cases.py", cwd=tmp_path).stdout)}
    assert everything == {(int(f["line"]), f["code"]) for f in parse_lines(
        flake8("--select", "EGR", "--disable-noqa", "cases.py", cwd=tmp_path).stdout)}
    assert everything > expected and set(suppressed_lines) <= {line for line, _ in everything}


@pytest.mark.parametrize("marker", ["# flake8: noqa", "# flake8: NOQA: EGR101", "# FLAKE8=noqa", "# egress-lint: noqa"])
def test_file_level_noqa(tmp_path, marker):
    (tmp_path / "a.py").write_text(f"{marker}\nimport requests\n{CALL}\n")
    cli = egress_lint("check", "--no-cache", "a.py", cwd=tmp_path)
    assert cli.returncode == 0, cli.stdout + cli.stderr
    assert cli.stdout.splitlines()[-1] == "No findings (1 file checked; 1 finding suppressed (1 by noqa))."
    assert flake8("--select", "EGR", "a.py", cwd=tmp_path).stdout == ""
    shown = egress_lint("check", "--no-cache", "--disable-noqa", "a.py", cwd=tmp_path)
    assert [(f["line"], f["code"]) for f in parse_lines(shown.stdout)] == [("3", "EGR101")]


@pytest.mark.parametrize("first", ["import requests  # flake8: noqa\n", "#flake8: noqa\nimport requests\n"])
def test_file_level_noqa_must_start_the_line(tmp_path, first):
    (tmp_path / "a.py").write_text(f"{first}{CALL}\n")
    line = str(first.count("\n") + 1)
    assert [(f["line"], f["code"]) for f in parse_lines(egress_lint("check", "--no-cache", "a.py",
                                                                    cwd=tmp_path).stdout)] == [(line, "EGR101")]
    assert [(f["line"], f["code"]) for f in parse_lines(flake8("--select", "EGR", "a.py",
                                                               cwd=tmp_path).stdout)] == [(line, "EGR101")]


def test_noqa_in_a_multiline_string_covers_its_lines_as_in_flake8(tmp_path):
    # flake8 reads the lines of a multi-line string together: a noqa on its last line covers the first
    source = ('import requests\nrequests.get("https://h/", verify=False, data="""\n'
              'text""")  # noqa: EGR101\n')
    (tmp_path / "a.py").write_text(source)
    assert parse_lines(egress_lint("check", "--no-cache", "a.py", cwd=tmp_path).stdout) == []
    assert parse_lines(flake8("--select", "EGR", "--disable-noqa", "a.py", cwd=tmp_path).stdout) != []
    assert parse_lines(flake8("--select", "EGR", "a.py", cwd=tmp_path).stdout) == []
