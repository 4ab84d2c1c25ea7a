"""Values followed through the statements of a scope, attributes and parameters (tests/fixtures/flow/).

Each fixture demands exactly its `# ruleid:` set from the engine and from the real flake8, and no
finding on an `# ok:` line.
"""
from pathlib import Path

import pytest

from egress_lint.annotations import expectations
from egress_lint.config import Settings
from egress_lint.engine import check_source

from .conftest import FIXTURES
from .helpers import egress_lint, engine_findings, flake8, parse_lines

FLOW = FIXTURES / "flow"
FLOW_FILES = sorted(FLOW.glob("*.py"))


@pytest.mark.parametrize("fixture", FLOW_FILES, ids=lambda p: p.stem)
def test_engine_reports_exactly_the_annotated_lines(fixture: Path):
    expected = expectations(fixture.read_text().splitlines())
    found = engine_findings(fixture)
    assert sorted(expected["ruleid"] - found) == [], "not reported"
    assert sorted(found - expected["ruleid"]) == [], "reported but not annotated"
    assert not (found & expected["ok"])


@pytest.mark.parametrize("fixture", FLOW_FILES, ids=lambda p: p.stem)
def test_flake8_reports_the_same_lines(fixture: Path):
    proc = flake8("--select", "EGR", str(fixture))
    assert "Traceback" not in proc.stderr, proc.stderr
    found = {(int(item["line"]), item["code"]) for item in parse_lines(proc.stdout)}
    assert found == expectations(fixture.read_text().splitlines())["ruleid"]


def _messages(source: str):
    result = check_source(source.encode(), "x.py", Settings())
    assert result.error is None and not result.internal_errors
    return [(d.line, d.code, d.message) for d in result.diagnostics]


def test_a_merged_weakening_names_the_binding_it_comes_from():
    source = ("import requests\n"
              "def fetch(legacy):\n"
              "    verify = True\n"
              "    if legacy:\n"
              "        verify = False\n"
              "    return requests.get('https://api.example.com', verify=verify)\n")
    assert [(line, code) for line, code, _ in _messages(source)] == [(6, "EGR101")]
    assert "verify=False via verify, line 5" in _messages(source)[0][2]


def test_a_use_before_the_rebinding_sees_the_earlier_value():
    source = ("import requests\n"
              "verify = False\n"
              "requests.get('https://api.example.com', verify=verify)\n"
              "verify = True\n"
              "requests.get('https://api.example.com', verify=verify)\n")
    assert [(line, code) for line, code, _ in _messages(source)] == [(3, "EGR101")]


def test_a_name_bound_in_a_loop_reaches_the_loop_head():
    source = ("import requests\n"
              "verify = True\n"
              "while True:\n"
              "    requests.get('https://api.example.com', verify=verify)\n"
              "    verify = 0\n")
    assert [(line, code) for line, code, _ in _messages(source)] == [(4, "EGR101")]


def test_a_branch_that_returns_does_not_reach_past_the_if():
    source = ("import requests\n"
              "def fetch(legacy):\n"
              "    verify = True\n"
              "    if legacy:\n"
              "        verify = False\n"
              "        raise RuntimeError(verify)\n"
              "    return requests.get('https://api.example.com', verify=verify)\n")
    assert _messages(source) == []


def test_an_attribute_value_names_the_store_it_comes_from():
    source = ("import requests\n"
              "class Fetcher:\n"
              "    def setup(self):\n"
              "        self.verify = 0\n"
              "    def fetch(self):\n"
              "        return requests.get('https://api.example.com', verify=self.verify)\n")
    [(line, code, message)] = _messages(source)
    assert (line, code) == (6, "EGR101") and "verify=0 via self.verify, line 4" in message


def test_a_flag_assigned_from_outside_the_class_is_unknown():
    source = ("import requests\n"
              "class Fetcher:\n"
              "    def __init__(self):\n"
              "        self.verify = False\n"
              "    def fetch(self):\n"
              "        return requests.get('https://api.example.com', verify=self.verify)\n")
    assert [(line, code) for line, code, _ in _messages(source)] == [(6, "EGR101")]
    outside = source + "fetcher = Fetcher()\nfetcher.verify = '/etc/ssl/certs/ca.pem'\n"
    assert _messages(outside) == []


def test_a_parameter_names_the_call_that_passed_it():
    source = ("import requests\n"
              "def call(url, verify):\n"
              "    return requests.get(url, verify=verify)\n"
              "call('https://api.example.com', True)\n"
              "call('https://api.example.com', verify=False)\n")
    [(line, code, message)] = _messages(source)
    assert (line, code) == (3, "EGR101") and "verify=False via argument of call(), line 5" in message


def test_a_parameter_of_init_names_the_construction_that_passed_it():
    source = ("import requests\n"
              "class Client:\n"
              "    def __init__(self, verify):\n"
              "        self.session = requests.Session()\n"
              "        self.session.verify = verify\n"
              "def make():\n"
              "    return Client(verify=False)\n")
    [(line, code, message)] = _messages(source)
    assert (line, code) == (5, "EGR101") and "verify = False via argument of Client(), line 7" in message


def test_a_helper_call_is_reported_where_it_is_written_and_names_the_inner_request():
    source = ("import requests\n"
              "session = requests.Session()\n"
              "def get(url, **kw):\n"
              "    return session.get(url, **kw)\n"
              "get('https://api.example.com/a')\n"
              "get('http://api.example.com/b', verify=False)\n")
    found = _messages(source)
    assert [(line, code) for line, code, _ in found] == [(6, "EGR101"), (6, "EGR201")]
    assert all(message.startswith("get() (through requests.Session.get() on line 4)") for _, _, message in found)


def _line_of(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text().splitlines(), 1) if text in line)


def test_cli_follows_what_callers_pass_to_a_parameter_with_a_default():
    """The CLI, in a subprocess: a TLS switch and a query dict that are parameters with a default
    take what the calls in the module pass, and the finding names the call."""
    parameters, credentials = FLOW / "parameters.py", FIXTURES / "EGR302.py"
    proc = egress_lint("check", "--no-cache", "--no-hints", str(parameters), str(credentials))
    lines = proc.stdout.splitlines()
    call = _line_of(parameters, "probe(API, verify=False)")
    request = _line_of(parameters, "def probe(url, verify=True)") + 2
    assert f"{parameters}:{request}:12: EGR101 requests.get() disables certificate verification " \
           f"(verify=False via argument of probe(), line {call})" in lines
    request = _line_of(credentials, 'self.http.get("https://forum.example.com/api"')
    assert [line for line in lines if "member_key" in line] == [
        f"{credentials}:{request}:16: EGR302 requests.Session.get() puts a credential in the URL (query key member_key)"]
