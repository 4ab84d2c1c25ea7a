"""One declaration per option reaches pyproject.toml and flake8's config files alike."""
from pathlib import Path

import pytest
from flake8.main.application import Application

from egress_lint import flake8_plugin, options
from egress_lint.config import load_settings
from egress_lint.flake8_plugin import EgressLintPlugin
from egress_lint.options import OPTIONS, Option

# Proves the mechanism even before any rule option exists; the real options are added to it below.
PROBE = Option("probe-hosts", options._strings, (), "a probe", example=["api.internal", "*.corp.example.com"])


def sample(option: Option):
    value = option.example if option.example is not None else option.default
    assert value, f"option '{option.key}' needs an example= value for this test"
    return value


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
    EgressLintPlugin._settings = None
    Application().initialize(["--config", str(config), str(source)])
    return EgressLintPlugin._settings


@pytest.fixture
def declared(monkeypatch):
    with_probe = OPTIONS + (PROBE,)
    monkeypatch.setattr(options, "OPTIONS", with_probe)
    monkeypatch.setattr(options, "BY_KEY", {o.key: o for o in with_probe})
    monkeypatch.setattr(flake8_plugin, "OPTIONS", with_probe)
    monkeypatch.setattr("egress_lint.config.OPTIONS", with_probe)
    monkeypatch.setattr("egress_lint.config.BY_KEY", {o.key: o for o in with_probe})
    monkeypatch.setattr(EgressLintPlugin, "_settings", None)
    return [o for o in with_probe if o.flake8]


def test_pyproject_and_flake8_config_give_equal_settings(tmp_path, declared):
    pyproject = tmp_path / "pyproject.toml"
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
        if option.key not in {"select", "extend-select", "ignore", "exclude", "per-file-ignores"}:
            assert option.flake8, f"'{option.key}' is missing from flake8"
