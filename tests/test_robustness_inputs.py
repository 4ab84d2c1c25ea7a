"""Every awkward input gives findings or one clear message naming the file, never a traceback.

One real `egress-lint check` run covers the whole corpus (a folder plus files named on the command
line), so each test also shows that the other files of the run were still checked.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Dict, List, Tuple

import pytest

from tests.helpers import egress_lint, parse_lines

CALL = "requests.get('https://api.example.com', verify=False)"
HEAD = b"import requests\n"
CHAIN = 10_000
DEEP_PARSE = sys.version_info < (3, 12)  # 3.12+ bound ast construction in C, whatever the stack


def _chain(term: str) -> str:
    return " + ".join([term] * CHAIN)


def _build(root: Path) -> Dict[str, Path]:
    """Writes the corpus; returns the paths the CLI is given besides the folder."""
    tree = root / "tree"
    tree.mkdir()

    def put(name: str, data: bytes) -> Path:
        path = tree / name
        path.write_bytes(data)
        return path

    put("valid_call.py", HEAD + CALL.encode() + b"\n")
    put("syntax_error.py", HEAD + CALL.encode() + b"\ndef broken(:\n")
    put("null_byte.py", HEAD + b"x = 1\x00\n" + CALL.encode() + b"\n")
    put("invalid_utf8.py", HEAD + b"name = '\xff\xfe'\n" + CALL.encode() + b"\n")
    put("bom_and_latin1_cookie.py", b"\xef\xbb\xbf# -*- coding: latin-1 -*-\n" + HEAD + CALL.encode() + b"\n")
    put("bom.py", b"\xef\xbb\xbf" + HEAD + CALL.encode() + b"\n")
    put("crlf.py", (HEAD + b"x = 1\n" + CALL.encode() + b"\n").replace(b"\n", b"\r\n"))
    put("cr.py", (HEAD + b"x = 1\n" + CALL.encode() + b"\n").replace(b"\n", b"\r"))
    put("tabs.py", HEAD + b"def fetch():\n\tif True:\n\t\t" + CALL.encode() + b"\n")
    put("tabs_inconsistent.py", HEAD + b"def fetch():\n\tif True:\n        \tx = 1\n\t\tx = 2\n")
    put("hundred_k_lines.py", HEAD + b"x = 1\n" * 99_999 + CALL.encode() + b"\n")
    put("nested_parens.py", HEAD + b"x = " + b"(" * CHAIN + b"1" + b")" * CHAIN + b"\n" + CALL.encode() + b"\n")
    put("plus_chain.py", HEAD + b"a = 1\nx = " + _chain("a").encode() + b"\n" + CALL.encode() + b"\n")
    put("plus_chain_in_verify.py", HEAD + b"a = 1\nrequests.get('https://h', verify=" + _chain("a").encode() + b")\n"
        + CALL.encode() + b"\n")
    put("plus_chain_in_url.py", HEAD + b"a = 'x'\nrequests.get('https://h/' + " + _chain("a").encode()
        + b", verify=False)\n")
    put("not_chain.py", HEAD + b"x = " + b"not " * CHAIN + b"a\n" + CALL.encode() + b"\n")
    put("long_line.py", HEAD + b"x = [" + b"1, " * 400_000 + b"]; " + CALL.encode() + b"\n")
    put("fifty_k_sensitive_keys.py", HEAD + b"requests.post('http://api.example.com/x', json={"
        + b", ".join(b"'password%d': %d" % (i, i) for i in range(50_000)) + b"})\n")
    put("empty.py", b"")
    put("latin1_cookie.py", b"# -*- coding: latin-1 -*-\n" + HEAD + b"s = '\xe9\xe8\xe0'; " + CALL.encode() + b"\n")
    put("cookie_lies.py", b"# -*- coding: utf-8 -*-\n" + HEAD + b"s = '\xe9'\n" + CALL.encode() + b"\n")
    put("unknown_cookie.py", b"# -*- coding: no-such-codec -*-\n" + HEAD + CALL.encode() + b"\n")
    os.symlink("valid_call.py", tree / "symlink_to_file.py")
    os.symlink("does_not_exist.py", tree / "dangling_symlink.py")
    os.symlink("loop_b.py", tree / "loop_a.py")
    os.symlink("loop_a.py", tree / "loop_b.py")
    os.mkfifo(tree / "named_pipe.py")
    folder = tree / "folder_named.py"  # a folder that looks like a file is walked, not read
    folder.mkdir()
    (folder / "inside.py").write_bytes(HEAD + CALL.encode() + b"\n")
    if Path("/proc/self/mem").exists():  # a regular file whose read fails (tests may run as root)
        os.symlink("/proc/self/mem", tree / "read_fails.py")

    outside = root / "named"
    outside.mkdir()
    binary = outside / "image.png"
    binary.write_bytes(bytes(range(256)) * 16)
    pipe = outside / "pipe_by_name.py"
    os.mkfifo(pipe)
    return {"binary": binary, "pipe": pipe, "dangling": tree / "dangling_symlink.py"}


def _snapshot(root: Path) -> Dict[str, Tuple[bytes, int, int]]:
    state = {}
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.is_symlink():
            info = path.stat()
            state[str(path)] = (path.read_bytes(), info.st_mtime_ns, info.st_mode)
    return state


@pytest.fixture(scope="session")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("robustness")
    named = _build(root)
    before = _snapshot(root)
    proc = egress_lint("check", "--no-hints", str(root / "tree"), str(named["binary"]), str(named["pipe"]),
                       str(named["dangling"]))
    return {"root": root, "tree": root / "tree", "proc": proc, "before": before, "after": _snapshot(root),
            "findings": parse_lines(proc.stdout), "named": named}


def _findings(corpus, name: str) -> List[Tuple[int, int, str]]:
    return [(int(f["line"]), int(f["col"]), f["code"]) for f in corpus["findings"] if Path(f["path"]).name == name]


def _messages(corpus, name: str) -> List[str]:
    return [line for line in corpus["proc"].stderr.splitlines() if f"/{name}" in line]


def _one_message(corpus, name: str, reason: str) -> str:
    messages = _messages(corpus, name)
    assert len(messages) == 1, corpus["proc"].stderr
    assert messages[0].startswith("egress-lint: ") and reason in messages[0], messages
    assert not _findings(corpus, name)
    return messages[0]


def test_the_run_ends_normally_and_never_shows_a_traceback(corpus):
    proc = corpus["proc"]
    assert proc.returncode == 2, proc.stderr  # findings, and files that could not be checked
    assert "Traceback" not in proc.stdout + proc.stderr
    for line in proc.stderr.splitlines():
        assert line.startswith("egress-lint: "), line
    assert "internal error" not in proc.stderr


def test_check_never_modifies_a_file(corpus):
    assert corpus["after"] == corpus["before"]


def test_plain_file_is_checked_alongside_the_bad_ones(corpus):
    assert _findings(corpus, "valid_call.py") == [(2, 1, "EGR101")]


def test_syntax_error_names_file_line_and_grammar(corpus):
    message = _one_message(corpus, "syntax_error.py", "syntax error: invalid syntax")
    assert "syntax_error.py:3:" in message and "Python 3." in message


def test_null_byte(corpus):
    _one_message(corpus, "null_byte.py", "null bytes")


def test_invalid_utf8(corpus):
    _one_message(corpus, "invalid_utf8.py", "cannot decode: 'utf-8' codec can't decode byte 0xff")


def test_bom_with_a_contradicting_cookie(corpus):
    _one_message(corpus, "bom_and_latin1_cookie.py", "cannot decode: encoding problem")


def test_cookie_that_does_not_match_the_bytes(corpus):
    _one_message(corpus, "cookie_lies.py", "cannot decode")


def test_unknown_cookie(corpus):
    _one_message(corpus, "unknown_cookie.py", "cannot decode: unknown encoding: no-such-codec")


def test_bom(corpus):
    assert _findings(corpus, "bom.py") == [(2, 1, "EGR101")]


@pytest.mark.parametrize("name", ["crlf.py", "cr.py"])
def test_line_endings(corpus, name):
    assert _findings(corpus, name) == [(3, 1, "EGR101")]


def test_tabs_count_as_one_column(corpus):
    assert _findings(corpus, "tabs.py") == [(4, 3, "EGR101")]


def test_inconsistent_tabs(corpus):
    _one_message(corpus, "tabs_inconsistent.py", "syntax error")


def test_hundred_thousand_lines(corpus):
    assert _findings(corpus, "hundred_k_lines.py") == [(100_001, 1, "EGR101")]


def test_ten_thousand_nested_parentheses(corpus):
    # CPython's tokenizer allows 200 open brackets: Python itself cannot run this file either.
    _one_message(corpus, "nested_parens.py", "syntax error: too many nested parentheses")


@pytest.mark.parametrize("name, expected", [
    ("plus_chain.py", [(4, 1, "EGR101")]),
    ("plus_chain_in_verify.py", [(4, 1, "EGR101")]),
    ("plus_chain_in_url.py", [(3, 1, "EGR101")]),
])
def test_ten_thousand_term_chain(corpus, name, expected):
    if DEEP_PARSE:
        assert _findings(corpus, name) == expected
        assert not _messages(corpus, name)
    else:
        _one_message(corpus, name, "nested too deeply")


def test_prefix_operator_chain_overflows_the_parser_stack(corpus):
    # `not not ... a` recurses in CPython's parser itself, which gives up with a MemoryError
    _one_message(corpus, "not_chain.py", "cannot parse: expressions nested too deeply")


def test_fifty_thousand_sensitive_keys(corpus):
    # membership in the sensitive fields was quadratic: 43 s for this file; now linear
    assert _findings(corpus, "fifty_k_sensitive_keys.py") == [(2, 1, "EGR201"), (2, 1, "EGR202")]


def test_very_long_line(corpus):
    column = len("x = [" + "1, " * 400_000 + "]; ") + 1
    assert _findings(corpus, "long_line.py") == [(2, column, "EGR101")]


def test_empty_file_is_checked_quietly(corpus):
    assert not _findings(corpus, "empty.py") and not _messages(corpus, "empty.py")


def test_non_utf8_file_with_a_cookie_reports_character_columns(corpus):
    assert _findings(corpus, "latin1_cookie.py") == [(3, len("s = 'abc'; ") + 1, "EGR101")]


def test_binary_file_given_by_name(corpus):
    _one_message(corpus, "image.png", "cannot decode")


def test_symlink_to_a_file_is_checked_under_its_own_name(corpus):
    assert _findings(corpus, "symlink_to_file.py") == [(2, 1, "EGR101")]


def test_dangling_symlink(corpus):
    # named on the command line and found by the walk: checked once, reported once
    _one_message(corpus, "dangling_symlink.py", "cannot read: No such file or directory")


@pytest.mark.parametrize("name", ["loop_a.py", "loop_b.py"])
def test_symlink_loop(corpus, name):
    _one_message(corpus, name, "cannot read: Too many levels of symbolic links")


@pytest.mark.parametrize("name", ["named_pipe.py", "pipe_by_name.py"])
def test_named_pipe_is_refused_without_waiting_for_a_writer(corpus, name):
    _one_message(corpus, name, "cannot read: not a regular file (a named pipe)")


def test_folder_named_like_a_file_is_walked(corpus):
    assert _findings(corpus, "inside.py") == [(2, 1, "EGR101")]
    assert not _messages(corpus, "folder_named.py")


@pytest.mark.skipif(not Path("/proc/self/mem").exists(), reason="needs /proc/self/mem for a failing read")
def test_read_error(corpus):
    _one_message(corpus, "read_fails.py", "cannot read: Input/output error")


def test_summary_counts_what_could_not_be_checked(corpus):
    summary = corpus["proc"].stdout.splitlines()[-1]
    unreadable = len(corpus["proc"].stderr.splitlines())
    assert summary.endswith(f", {unreadable} could not be checked)."), summary


SYNTAX_BY_VERSION = [
    # (oldest Python that parses it, source); each file also makes one request that must be found
    ((3, 0), "async = True\nawait = 1\n"),  # names before 3.7, parsed with the oldest grammar
    ((3, 0), "def f(a, *, b=1):\n    nonlocal_ = b\nprint(*[1], **{})\n"),
    ((3, 5), "async def f():\n    async with a as b:\n        await b\n"),
    ((3, 6), "x: int = 1\nf'{x!r:>{10}}'\n"),
    ((3, 8), "def f(a, /, b):\n    return (y := a)\n"),
    ((3, 9), "@(lambda f: f)\ndef g():\n    pass\n"),
    ((3, 10), "match [1]:\n    case [x] if x:\n        pass\n    case {'k': _, **rest}:\n        pass\n"),
    ((3, 11), "try:\n    pass\nexcept* ValueError:\n    pass\n"),
    ((3, 12), "type Alias[T] = list[T]\ndef f[T](x: T) -> T:\n    return x\n"),
    ((3, 12), "names = ['a']\ns = f\"{'\\n'.join(names)}\"\n"),
    ((3, 14), "try:\n    pass\nexcept ValueError, TypeError:\n    pass\n"),
]


@pytest.fixture(scope="session")
def syntax_run(tmp_path_factory):
    root = tmp_path_factory.mktemp("syntax")
    for number, (_, body) in enumerate(SYNTAX_BY_VERSION):
        (root / f"v{number:02}.py").write_text(body + "import requests\n" + CALL + "\n")
    return egress_lint("check", "--no-hints", str(root))


@pytest.mark.parametrize("number", range(len(SYNTAX_BY_VERSION)))
def test_syntax_of_every_version(syntax_run, number):
    oldest, body = SYNTAX_BY_VERSION[number]
    name = f"v{number:02}.py"
    line = body.count("\n") + 2
    found = [(int(f["line"]), f["code"]) for f in parse_lines(syntax_run.stdout) if f["path"].endswith(name)]
    errors = [e for e in syntax_run.stderr.splitlines() if name in e]
    assert "Traceback" not in syntax_run.stderr
    if sys.version_info[:2] >= oldest:
        assert found == [(line, "EGR101")] and not errors, syntax_run.stderr
    else:
        assert not found and len(errors) == 1 and "syntax error" in errors[0] and "grammar" in errors[0]


@pytest.mark.parametrize("encoding", ["utf-8:strict", "ascii:strict"])
def test_undecodable_file_name_on_a_strict_console(tmp_path, encoding):
    folder = os.fsencode(tmp_path)
    with open(os.path.join(folder, b"caf\xe9.py"), "wb") as handle:
        handle.write(HEAD + CALL.encode() + b"\n")
    proc = egress_lint("check", str(tmp_path), env={"PYTHONIOENCODING": encoding})
    assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stderr
    assert [(Path(f["path"]).name, f["line"]) for f in parse_lines(proc.stdout)] == [("caf\\xe9.py", "2")]  # the undecodable byte, escaped


def test_the_analysed_code_s_own_warnings_stay_quiet(tmp_path):
    (tmp_path / "a.py").write_text('import requests\npattern = "\\d+"\n' + CALL + "\n")
    proc = egress_lint("check", "--no-hints", str(tmp_path), env={"PYTHONWARNINGS": "always"})
    assert proc.stderr == ""  # an invalid escape warns (Deprecation- or SyntaxWarning) when parsed
    assert [(f["line"], f["code"]) for f in parse_lines(proc.stdout)] == [("3", "EGR101")]
