"""One declaration per option reaches pyproject.toml and flake8's config files alike."""
import sys
from pathlib import Path

from flake8.main.application import Application

from egress_lint.config import load_settings
from egress_lint.flake8_plugin import EgressLintPlugin
from egress_lint.options import OPTIONS, Option

from .helpers import parse_lines, run

FLAKE8_OPTIONS = [option for option in OPTIONS if option.flake8]


def sample(option: Option):
    assert option.example is not None, f"option '{option.key}' needs an example= value (not its default)"
    return option.example


def toml_value(value) -> str:
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{toml_value(k)} = {toml_value(v)}" for k, v in value.items()) + " }"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return str(value)


def flake8_value(value) -> str:
    """How a user writes the value in setup.cfg: lists one item per line, tables as PATTERN:CODES."""
    if isinstance(value, dict):
        return "".join(f"\n    {k}:{','.join(v)}" for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return "".join(f"\n    {v}," for v in value)
    return str(value)


def flake8_settings(config: Path, source: Path):
    before = EgressLintPlugin._flake8_values, EgressLintPlugin._resolver
    try:
        Application().initialize(["--config", str(config), str(source)])
        return EgressLintPlugin.resolver().settings_for(str(source))
    finally:
        EgressLintPlugin._flake8_values, EgressLintPlugin._resolver = before


def test_pyproject_and_flake8_config_give_equal_settings(tmp_path):
    declared = FLAKE8_OPTIONS
    assert declared, "no option reaches flake8"
    (tmp_path / "toml").mkdir()
    pyproject = tmp_path / "toml" / "pyproject.toml"
    pyproject.write_text("[tool.egress-lint]\n" + "".join(
        f"{o.key} = {toml_value(sample(o))}\n" for o in declared))
    setup_cfg = tmp_path / "setup.cfg"
    setup_cfg.write_text("[flake8]\n" + "".join(f"{o.flake8_flag[2:]} = {flake8_value(sample(o))}\n" for o in declared))
    source = tmp_path / "client.py"
    source.write_text("import requests\n")

    from_pyproject = load_settings(pyproject)
    from_flake8 = flake8_settings(setup_cfg, source)
    assert from_flake8 == from_pyproject
    for option in declared:  # equal *and* not merely both left at their defaults
        assert from_pyproject[option.key] != option.default, option.key


def test_every_rule_option_is_a_flake8_option():
    for option in OPTIONS:
        if option.key not in {"select", "extend-select", "ignore", "exclude", "per-file-ignores", "disable-noqa"}:
            assert option.flake8, f"'{option.key}' is missing from flake8"


def test_flake8_reads_a_rule_option_from_setup_cfg(tmp_path):
    source = tmp_path / "client.py"
    source.write_text("import requests\nrequests.get('http://billing.corp.example.com/ping')\n")
    flake8 = [sys.executable, "-m", "flake8", "--select", "EGR", "client.py"]
    assert [(i["line"], i["code"]) for i in parse_lines(run(flake8, cwd=tmp_path).stdout)] == [("2", "EGR201")]
    (tmp_path / "setup.cfg").write_text("[flake8]\negress-allowed-hosts =\n    *.corp.example.com,\n")
    proc = run(flake8, cwd=tmp_path)
    assert proc.returncode == 0 and proc.stdout == "", proc.stdout + proc.stderr
