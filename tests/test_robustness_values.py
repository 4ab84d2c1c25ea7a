"""Built values are capped: crafted files whose strings double at every step stay small, and a
value past the cap keeps its head, so an `http://` prefix is still seen.

These check correctness only; the time and memory each shape costs is measured by bench/values.py.
"""
import ast

import pytest

from egress_lint.analysis.model import SemanticModel
from egress_lint.analysis.values import HOLE, MAX_TEXT, Const, Text
from egress_lint.config import Settings
from egress_lint.engine import check_source

from .helpers import egress_lint, parse_lines


def chain(step: str, count: int, head: str = '"http://h.example.org/{}"') -> str:
    lines = ["import requests", f"u0 = {head}"]
    lines += [f"u{i} = " + step.format(p=f"u{i - 1}") for i in range(1, count + 1)]
    lines.append(f"requests.get(u{count})")
    return "\n".join(lines) + "\n"


SHAPES = {
    "format": chain("{p}.format({p})", 12),
    "percent": chain("{p} % ({p},)", 12, head='"http://h.example.org/%s"'),
    "fstring": chain('f"{{{p}}}{{{p}}}"', 12),
    "concat": chain("{p} + {p}", 12),
    "rebound": "import requests\nu = 'http://h.example.org/'\n" + "u = u + u\n" * 15 + "requests.get(u)\n",
    "augmented": "import requests\nu = 'http://h.example.org/'\n" + "u += u\n" * 15 + "requests.get(u)\n",
}


def _value_of_last_call(source: str):
    tree = ast.parse(source)
    model = SemanticModel(tree)
    call, scope = model.index.calls[-1]
    return model.resolve(call.args[0], scope)


@pytest.mark.parametrize("name", sorted(SHAPES))
def test_a_doubling_string_is_capped_and_keeps_its_head(name):
    value = _value_of_last_call(SHAPES[name])
    assert isinstance(value, Text), type(value).__name__
    assert value.shape.startswith("http://h.example.org/")
    assert len(value.shape) <= MAX_TEXT + 1 and value.shape.endswith(HOLE)


@pytest.mark.parametrize("name", sorted(SHAPES))
def test_a_capped_url_is_still_plain_http(name):
    result = check_source(SHAPES[name].encode(), "x.py", Settings())
    assert result.error is None and not result.internal_errors
    last = SHAPES[name].count("\n")
    assert [(d.line, d.code) for d in result.diagnostics] == [(last, "EGR201")]


def test_a_short_fold_stays_exact():
    value = _value_of_last_call(chain("{p}.format('x')", 1))
    assert isinstance(value, Const) and value.value == "http://h.example.org/x"


def test_twenty_one_chained_formats_end_quickly_through_the_cli(tmp_path):
    # The file that once peaked at 1.4 GB. Past the resolver's depth limit the value is unknown.
    (tmp_path / "chain.py").write_text(chain("{p}.format({p})", 21))
    proc = egress_lint("check", "--no-cache", str(tmp_path))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert parse_lines(proc.stdout) == []


def test_a_long_plus_chain_keeps_the_scheme(tmp_path):
    source = "import requests\nrequests.get('http://h.example.org/'" + " + 'a'" * 5000 + ")\n"
    result = check_source(source.encode(), "x.py", Settings())
    assert [(d.line, d.code) for d in result.diagnostics] == [(2, "EGR201")]
