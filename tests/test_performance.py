"""What the speed-ups must not change: the pre-check loses no finding, workers and the cache give
byte-identical output, and the cache never serves a stale or damaged result."""
import ast
import dataclasses
import json
import shutil
import sys
from pathlib import Path

import pytest

from egress_lint.cache import decode_result, encode_result, sign_entry
from egress_lint.catalogue import RULES
from egress_lint.config import Settings
from egress_lint.diagnostics import Diagnostic, Fix, Severity
from egress_lint.engine import FileResult, check_source, imports_checked, precheck

from .conftest import EXAMPLES, FIXTURES
from .helpers import egress_lint, parse_lines, run

SOURCES = sorted([*FIXTURES.glob("*.py"), *EXAMPLES.rglob("*.py")])
INSECURE = "import requests\n\nrequests.get('https://api.example.com', verify=False)\n"


def _all_fields(result: FileResult):
    """Every field, also those equality leaves out (fix, fingerprint)."""
    diagnostics = [tuple(getattr(d, f.name) for f in dataclasses.fields(d)) for d in result.diagnostics]
    return diagnostics, result.error, result.internal_errors


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.name)
def test_precheck_loses_no_finding(path: Path):
    data = path.read_bytes()
    with_precheck = check_source(data, str(path), Settings(), use_precheck=True)
    without = check_source(data, str(path), Settings(), use_precheck=False)
    assert _all_fields(with_precheck) == _all_fields(without)


def test_precheck_loses_no_finding_in_rule_examples():
    for rule in RULES:
        for example in (*rule.VALID, *rule.INVALID):
            data = example.source.encode()
            assert _all_fields(check_source(data, "x.py", Settings())) == \
                _all_fields(check_source(data, "x.py", Settings(), use_precheck=False)), rule.code


@pytest.mark.parametrize("text", [
    "import requests\n",
    "import os, sys as system, \\\n    ssl\n",
    "try: import urllib3\nexcept ImportError: urllib3 = None\n",
    "from\thttpx import Client\n",
    "from http.client import HTTPSConnection\n",
    "import json; import aiohttp\n",
    "from six.moves import urllib\n",
    "if TYPE_CHECKING: import requests\n",
    "class Compat: from ssl import SSLContext\n",
    "from urllib import request\n",
    "from urllib . request import urlopen\n",
    "from http import client as httplib\n",
    "import paramiko\nclient = paramiko.SSHClient()\n",
    "from paramiko import client as ssh\nssh.AutoAddPolicy\n",
    # after string literals and comments that hold quotes and a '#'
    '"""Doc."""\nimport requests\n',
    'MARK = "#"\nimport requests\n',
    "NOTE = 'it\\'s'  # \"\"\"\nimport requests\n",
    'RAW = r"\\"\nimport requests\n',
])
def test_precheck_sees_every_import_spelling(text):
    assert precheck(text)


@pytest.mark.parametrize("text", [
    '"""Fetches data over http from the requests queue."""\nimport json\n',
    "import requests_toolbelt\n",
    "from ssl_helpers import wrap  # ssl\n",
    # a library named only where no statement starts: a doctest, a comment, a string, a sentence
    '"""Usage:\n\n>>> import requests\n>>> requests.get(url)\n"""\n',
    "# import requests when the server needs it\n",
    "HELP = 'from requests import Session, then mount the adapter'\n",
    '"""Call this before you import ssl or urllib3."""\n',
    # the modules of urllib, http and xmlrpc that open no connection
    "from urllib.parse import urlencode, quote\n",
    "from http.server import HTTPServer\n",
    "from xmlrpc.server import SimpleXMLRPCServer\n",
    # paramiko's own modules, which import each other and open nothing
    "from paramiko.common import DEBUG\nfrom paramiko.message import Message\n",
    # an import inside a string literal, at the start of one of its lines
    '"""Connect like this::\n\n    from sqlalchemy import create_engine\n    engine = create_engine(url)\n"""\n',
    "HELP = '''\nimport requests\n'''\n",
    'NOTE = "see \\\n  import requests"\n',
])
def test_precheck_skips_files_that_import_no_library(text):
    assert not precheck(text)


@pytest.mark.parametrize("text, line, code", [
    ("import urllib.parse\nurllib.request.urlopen('http://api.acme.io/items')\n", 2, "EGR201"),
    ("from urllib import parse, request\nrequest.urlopen('http://api.acme.io/items')\n", 2, "EGR201"),
    ("from six.moves import urllib\nurllib.request.urlopen('http://api.acme.io/items')\n", 2, "EGR201"),
    ("from six.moves.urllib import request as r\nr.urlopen('http://api.acme.io/items')\n", 2, "EGR201"),
    ("from http import client\nclient.HTTPConnection('api.acme.io')\n", 2, "EGR203"),
    ("import xmlrpc.client as rpc\nrpc.ServerProxy('http://api.acme.io/rpc')\n", 2, "EGR203"),
])
def test_a_library_module_under_a_shared_top_is_analysed(text, line, code):
    found = [(d.line, d.code) for d in check_source(text.encode(), "x.py", Settings()).diagnostics]
    assert found == [(line, code)]
    assert found == [(d.line, d.code) for d in check_source(text.encode(), "x.py", Settings(), use_precheck=False).diagnostics]


@pytest.mark.parametrize("text", [
    "from urllib.parse import urlencode\nfrom http import HTTPStatus\nquery = urlencode({'q': 1})\n",
    "import urllib.parse\nimport http.cookies\nurl = urllib.parse.quote(name)\n",
    "from six.moves.urllib.parse import urljoin\nfrom xmlrpc import server\n",
])
def test_other_modules_under_a_shared_top_are_not_analysed(text):
    assert not imports_checked(ast.parse(text), text, "")


def test_cache_entry_round_trips_every_field():
    fix = Fix("replace-keyword-value", safe=False, detail=(("keyword", "cert_reqs"), ("value", '"CERT_REQUIRED"')))
    result = FileResult("a.py", [
        Diagnostic("a.py", 3, 5, "EGR101", "requests.get() disables \u2014 verification", "hint",
                   Severity.WARNING, 3, 40, fix, fingerprint="EGR101:abc"),
        Diagnostic("a.py", 9, 1, "EGR105", "m", "h"),
    ], error="a.py:1:2: syntax error: x", internal_errors=["a.py: internal error in EGR102: KeyError: 'x'"])
    decoded = decode_result(json.loads(json.dumps(encode_result(result))), "a.py")
    assert _all_fields(decoded) == _all_fields(result)
    assert decoded.diagnostics[0].fix.detail == fix.detail and decoded.diagnostics[0].severity is Severity.WARNING


@pytest.fixture(scope="module")
def tree(tmp_path_factory) -> Path:
    """Enough files for several workers: copies of the fixtures and examples, one unparsable file."""
    root = tmp_path_factory.mktemp("tree")
    for i in range(4):
        for source in SOURCES:
            shutil.copy(source, root / f"{i}_{source.parent.name}_{source.name}")
    (root / "broken.py").write_text("import requests\ndef f(:\n")
    return root


def _check(*args):
    proc = egress_lint("check", *args)
    return proc.returncode, proc.stdout, proc.stderr


@pytest.mark.parametrize("files, jobs", [(3237, 2), (40, 3), (17, 2), (5, 8), (1, 1)])
@pytest.mark.parametrize("order", ["first", "last", "alternate"])
def test_worker_lanes_hand_out_every_file_once_in_runs_of_neighbours(files, jobs, order):
    from egress_lint.runner import _Lanes

    lanes = _Lanes(list(range(files)), jobs)
    taken = {lane: [] for lane in range(jobs)}
    active = list(range(jobs))
    turn = 0
    while active:  # the workers finish their chunks in different orders
        lane = active[0] if order == "first" else active[-1] if order == "last" else active[turn % len(active)]
        turn += 1
        chunk = lanes.take(lane)
        if not chunk:
            active.remove(lane)
            continue
        assert 1 <= len(chunk) <= _Lanes.CHUNK_MOST and chunk == list(range(chunk[0], chunk[0] + len(chunk)))
        taken[lane].append(chunk)
    handed = sorted(i for chunks in taken.values() for chunk in chunks for i in chunk)
    assert handed == list(range(files))
    # a worker's first run is its own block of neighbours, taken front to back
    per = -(-files // jobs)
    for lane, chunks in taken.items():
        if lane * per < files and chunks:
            assert chunks[0][0] == lane * per



def test_workers_give_byte_identical_output(tree):
    one = _check("--no-cache", "--jobs", "1", str(tree))
    assert one[0] == 2 and "broken.py:2:7: syntax error" in one[2]
    assert len(parse_lines(one[1])) > 20
    assert _check("--no-cache", "--jobs", "2", str(tree)) == one
    assert _check("--no-cache", "--jobs", "3", str(tree)) == one


def test_cached_output_is_identical_and_the_cache_ignores_itself(tree, tmp_path):
    cache = tmp_path / "cache"
    uncached = _check("--no-cache", str(tree))
    assert not cache.exists()
    assert _check("--cache-dir", str(cache), str(tree)) == uncached  # fills the cache
    assert _check("--cache-dir", str(cache), str(tree)) == uncached  # reads it
    assert (cache / ".gitignore").read_text().splitlines()[-1] == "*"
    assert len(list(cache.glob("*.json"))) == 1


def _cache_file(cache: Path) -> Path:
    [found] = cache.glob("*.json")
    return found


def test_cache_hits_are_served_and_a_changed_file_is_checked_again(tmp_path):
    path = tmp_path / "client.py"
    path.write_text(INSECURE)
    cache = tmp_path / "cache"
    assert _check("--cache-dir", str(cache), str(path))[0] == 1
    # Proof that a hit comes from the cache: a planted message for the same bytes is shown.
    entries = json.loads(_cache_file(cache).read_text())
    fields = entries[str(path)]["result"]["diagnostics"][0]["fields"]
    fields["message"] = "PLANTED"
    entries[str(path)]["mac"] = sign_entry(str(path), entries[str(path)])  # this machine's key may
    _cache_file(cache).write_text(json.dumps(entries))
    served = parse_lines(_check("--cache-dir", str(cache), str(path))[1])
    assert [(f["line"], f["code"]) for f in served] == [("3", "EGR101")] and "PLANTED" in served[0]["message"]
    path.write_text(INSECURE + "requests.post('https://api.example.com', verify=0)\n")
    code, out, _ = _check("--cache-dir", str(cache), str(path))
    found = [(f["line"], f["code"]) for f in parse_lines(out)]
    assert ("3", "EGR101") in found and ("4", "EGR101") in found
    assert "PLANTED" not in out


def test_changed_settings_do_not_reuse_results(tmp_path):
    path = tmp_path / "client.py"
    path.write_text(INSECURE)
    cache = tmp_path / "cache"
    assert _check("--cache-dir", str(cache), str(path))[0] == 1
    code, out, _ = _check("--cache-dir", str(cache), "--ignore", "EGR101", str(path))
    assert (code, parse_lines(out)) == (0, [])
    assert len(list(cache.glob("*.json"))) == 2
    assert _check("--cache-dir", str(cache), str(path))[0] == 1


@pytest.mark.parametrize("damage", [
    lambda text: text[: len(text) // 2],
    lambda text: "[1, 2]",
    lambda text: text.replace('"EGR101"', "17"),
    lambda text: text.replace('"severity":{"enum":"Severity","value":"error"}', '"severity":{"enum":"os"}'),
    lambda text: text.replace('"fields":{', '"fields":{"extra":1,'),
    lambda text: text.replace('"diagnostics":[', '"diagnostics":{"a":['),
])
def test_a_damaged_cache_is_a_miss_never_a_crash(tmp_path, damage):
    path = tmp_path / "client.py"
    path.write_text(INSECURE)
    cache = tmp_path / "cache"
    expected = _check("--cache-dir", str(cache), str(path))
    damaged = damage(_cache_file(cache).read_text())
    assert damaged != _cache_file(cache).read_text()
    _cache_file(cache).write_text(damaged)
    code, out, err = _check("--cache-dir", str(cache), str(path))
    assert out == expected[1]  # every finding, whatever the cache holds
    assert len(err.splitlines()) <= 1 and ("cannot read cache" in err or "failed authentication" in err or not err)
    assert code == (2 if "cannot read cache" in err else expected[0])  # a file that cannot be read fails the run
    assert _check("--cache-dir", str(cache), str(path)) == expected  # and it was rewritten whole


def test_jobs_must_be_positive():
    proc = egress_lint("check", "--jobs", "0", ".")
    assert proc.returncode == 2 and "--jobs" in proc.stderr


def test_benchmark_quick_run_reports_every_measurement(tmp_path, root):
    report = tmp_path / "RESULTS.md"
    proc = run([sys.executable, str(root / "bench" / "run.py"), "--quick", "--output", str(report)], cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    text = report.read_text()
    for row in ("egress-lint check, cold (no cache)", "egress-lint check, warm (cache filled)",
                "ruff check --select S --no-cache", "ruff check --select S (cached)", "bandit -r -q -t B501",
                "flake8 --select=E9,F (no plugin", "generated file, 10k lines, in-process",
                "one network-heavy module, in-process", "## Machine", "ncalls",
                "## fix", "fix --unsafe-fixes, 306 lines, 50 fixable", "fix --unsafe-fixes, 5991 lines, 1 fixable",
                "fix vs check, corpus (everything but the write)"):
        assert row in text, row
    assert text.count("| yes |") + text.count("| **no** |") >= 6
