"""Settings: the options' values, read from pyproject.toml or flake8, validated once."""
from __future__ import annotations

import hashlib
import sys
from pathlib import Path
from typing import Any, Dict, Iterable, Mapping, Optional, Tuple

from .options import BY_KEY, OPTIONS, OptionError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


class ConfigError(Exception):
    """Bad configuration: the message names the file and key. The CLI exits 2 on it."""


class Settings:
    """Every option's value, keyed by the option's key (``settings["allowed-hosts"]``)."""

    __slots__ = ("_values", "source")

    def __init__(self, values: Optional[Mapping[str, Any]] = None, source: str = "") -> None:
        merged = {option.key: option.default for option in OPTIONS}
        merged.update(values or {})
        self._values: Dict[str, Any] = merged
        self.source = source

    def __getitem__(self, key: str) -> Any:
        return self._values[key]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Settings) and self._values == other._values

    def __repr__(self) -> str:
        return f"Settings({self._values!r})"

    def replace(self, **changes: Any) -> "Settings":
        values = dict(self._values)
        values.update({key.replace("_", "-"): value for key, value in changes.items()})
        return Settings(values, self.source)

    def fingerprint(self) -> str:
        return hashlib.sha256(repr(sorted(self._values.items())).encode()).hexdigest()[:16]


def parse_values(raw: Mapping[str, Any], where: str) -> Dict[str, Any]:
    values = {}
    for key, value in raw.items():
        option = BY_KEY.get(key)
        if option is None:
            valid = ", ".join(sorted(BY_KEY))
            raise ConfigError(f"{where}: unknown key '{key}' (valid keys: {valid})")
        try:
            values[key] = option.parse(key, value)
        except OptionError as exc:
            raise ConfigError(f"{where}: {exc}") from None
    return values


def find_pyproject(start: Path) -> Optional[Path]:
    """The nearest pyproject.toml with a [tool.egress-lint] table, walking up from ``start``."""
    for folder in (start, *start.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            try:
                if "egress-lint" in _read_toml(candidate).get("tool", {}):
                    return candidate
            except ConfigError:
                return candidate  # a broken file where we look must be reported, not skipped
    return None


def _read_toml(path: Path) -> Dict[str, Any]:
    try:
        with open(path, "rb") as handle:
            return tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read configuration: {exc}") from None


def load_settings(config: Optional[Path] = None, start: Optional[Path] = None,
                  overrides: Iterable[Tuple[str, Any]] = ()) -> Settings:
    path = config if config is not None else find_pyproject((start or Path.cwd()).resolve())
    values: Dict[str, Any] = {}
    source = ""
    if path is not None:
        if not path.is_file():
            raise ConfigError(f"{path}: configuration file not found")
        table = _read_toml(path).get("tool", {}).get("egress-lint", {})
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: [tool.egress-lint] must be a table")
        values = parse_values(table, f"{path} [tool.egress-lint]")
        source = str(path)
    values.update(overrides)
    return Settings(values, source)
