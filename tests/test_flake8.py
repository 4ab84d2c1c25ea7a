"""The plugin inside the real flake8 executable."""
import sys
from pathlib import Path

import pytest

from egress_lint.annotations import expectations
from egress_lint.catalogue import RULES
from egress_lint.engine import analyse, parse, source_lines
from egress_lint.config import Settings
from egress_lint.flake8_plugin import EgressLintPlugin
from egress_lint.rule import Rule

from .conftest import EXAMPLES, FIXTURES
from .helpers import flake8, parse_lines, run

FIXTURE_FILES = sorted(p for p in FIXTURES.glob("EGR*.py") if not p.name.endswith(".fixed.py"))


@pytest.mark.parametrize("fixture", FIXTURE_FILES, ids=lambda p: p.stem)
def test_flake8_reports_the_annotated_lines(fixture: Path):
    proc = flake8("--select", "EGR", str(fixture))
    assert proc.returncode == 1, proc.stderr
    found = {(int(item["line"]), item["code"]) for item in parse_lines(proc.stdout)}
    assert found == expectations(fixture.read_text().splitlines())["ruleid"]
    assert "Traceback" not in proc.stderr


def test_flake8_line_shape_and_hint():
    proc = flake8("--select", "EGR101", str(FIXTURES / "EGR101.py"))
    first = parse_lines(proc.stdout)[0]
    assert first["line"] == "27" and first["col"] == "1" and first["code"] == "EGR101"
    assert first["message"] == ("requests.get() disables certificate verification (verify=False) \u2014 remove it; "
                                'for a private CA pass its bundle instead (verify="/path/to/ca.pem")')


def test_flake8_shows_every_tls_code_on_examples():
    proc = flake8("--select", "EGR", str(EXAMPLES))
    codes = {item["code"] for item in parse_lines(proc.stdout)}
    assert codes >= {rule.code for rule in RULES if rule.family != "auth"}


def test_flake8_honours_noqa(tmp_path):
    source = tmp_path / "client.py"
    source.write_text("import requests\n"
                      "requests.get('https://a.example.com', verify=False)  # noqa: EGR101\n"
                      "requests.get('https://b.example.com', verify=False)  # noqa: E501\n")
    proc = flake8("--select", "EGR", str(source))
    assert [(item["line"], item["code"]) for item in parse_lines(proc.stdout)] == [("3", "EGR101")]


def test_flake8_reads_source_from_stdin():
    proc = run([sys.executable, "-m", "flake8", "--isolated", "--select", "EGR", "-"],
               input="import httpx\nhttpx.Client(verify=False)\n")
    assert [(item["path"], item["line"], item["code"]) for item in parse_lines(proc.stdout)] == [
        ("stdin", "2", "EGR101")]


def test_flake8_is_quiet_on_files_without_network_code(tmp_path):
    source = tmp_path / "maths.py"
    source.write_text("def add(a, b):\n    return a + b\n")
    proc = flake8("--select", "EGR", str(source))
    assert proc.returncode == 0 and proc.stdout == ""


class _Broken(Rule):
    code = "EGR199"

    def check(self, model):
        raise RuntimeError("boom")


def test_a_failing_rule_is_reported_and_the_others_still_run():
    source = "import requests\nrequests.get('https://x.example.com', verify=False)\n"
    result = analyse(parse(source, "x.py"), source_lines(source), "x.py", Settings(), rules=[_Broken, *RULES])
    assert [(d.line, d.code) for d in result.diagnostics] == [(2, "EGR101")]
    assert result.internal_errors == ["x.py: internal error in EGR199: RuntimeError: boom"]


def test_plugin_run_never_raises(monkeypatch, capsys):
    import egress_lint.catalogue as catalogue

    monkeypatch.setattr(catalogue, "RULES", (_Broken,) + catalogue.RULES)
    source = "import requests\nrequests.get('https://x.example.com', verify=False)\n"
    plugin = EgressLintPlugin(parse(source, "x.py"), "x.py", source_lines(source))
    reported = [(line, message.split()[0]) for line, _col, message, _type in plugin.run()]
    assert reported == [(1, "EGR000"), (2, "EGR101")]  # the error is a diagnostic, not only stderr
    messages = [message for _line, _col, message, _type in plugin.run()]
    assert messages[0].startswith("EGR000 internal error in EGR199: ")


def test_one_plugin_process_sees_a_dependency_change_between_files(tmp_path):
    """flake8 (or an editor) running the plugin over many files in one process: a module read for an
    earlier file is looked at again when it changed, as in the CLI, and the models kept for importers
    stay within their budget between files."""
    import os

    from egress_lint.analysis import project

    package = tmp_path / "app"
    package.mkdir()
    (package / "__init__.py").write_text("")
    settings = package / "settings.py"
    settings.write_text("VERIFY_SSL = False\n")
    jobs = package / "jobs.py"
    source = ("import requests\n\nfrom app.settings import VERIFY_SSL\n\n"
              "requests.get('https://api.acme.io/items', verify=VERIFY_SSL)\n")
    jobs.write_text(source)

    def run_plugin():
        plugin = EgressLintPlugin(parse(source, str(jobs)), str(jobs), source_lines(source))
        return [(line, message.split()[0]) for line, _col, message, _type in plugin.run()]

    project.reset()
    assert run_plugin() == [(5, "EGR101")]
    settings.write_text("VERIFY_SSL = True  # verified again\n")
    os.utime(settings, ns=(settings.stat().st_atime_ns, settings.stat().st_mtime_ns + 10**9))
    assert run_plugin() == []
    assert sum(entry.size for entry in project.project()._models.values()) <= project.HOSTED_MODEL_BYTES
