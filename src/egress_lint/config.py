"""Settings: the options' values, read from pyproject.toml or flake8, validated once."""
from __future__ import annotations

import configparser
import hashlib
import os
import sys
from pathlib import Path
from typing import Any, Dict, Iterable, Mapping, Optional, Sequence, Tuple

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
        candidate = pyproject_in(folder)
        if candidate is not None:
            return candidate
    return None


def pyproject_in(folder: Path) -> Optional[Path]:
    """``folder``'s own pyproject.toml when it has a [tool.egress-lint] table (or cannot be read)."""
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


def read_table(path: Path) -> Dict[str, Any]:
    """The parsed ``[tool.egress-lint]`` table of one pyproject.toml (empty when it has none)."""
    if not path.is_file():
        raise ConfigError(f"{path}: configuration file not found")
    table = _read_toml(path).get("tool", {}).get("egress-lint", {})
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.egress-lint] must be a table")
    return parse_values(table, f"{path} [tool.egress-lint]")


def load_settings(config: Optional[Path] = None, start: Optional[Path] = None,
                  overrides: Iterable[Tuple[str, Any]] = (), base: Optional[Mapping[str, Any]] = None) -> Settings:
    """Defaults, then ``base`` (flake8's ``egress-*`` options), then the pyproject table (``config``,
    or the nearest one above ``start``), then ``overrides`` (command-line flags): later ones win."""
    path = config if config is not None else find_pyproject((start or Path.cwd()).resolve())
    values: Dict[str, Any] = dict(base or {})
    source = ""
    if path is not None:
        values.update(read_table(path))
        source = str(path)
    values.update(overrides)
    settings = Settings(values, source)
    check_enabled(settings, source or "settings")
    return settings


def check_enabled(settings: Settings, where: str) -> None:
    """A run that would report nothing because no rule is enabled is a configuration error."""
    from .engine import enabled_rules

    if not enabled_rules(settings):
        raise ConfigError("no rule is enabled: the select and ignore settings leave nothing to check")


FLAKE8_FILES = ("setup.cfg", "tox.ini", ".flake8")


def find_flake8_config(start: Path) -> Optional[Path]:
    """The file flake8 reads its options from, found as flake8 finds it: the first of setup.cfg,
    tox.ini, .flake8 with a [flake8] section, walking up from ``start`` and stopping at the home folder."""
    home = Path.home().resolve()
    for folder in (start, *start.parents):
        if folder == home:
            break
        for name in FLAKE8_FILES:
            candidate = folder / name
            if not candidate.is_file():
                continue
            parser = configparser.RawConfigParser()
            try:
                parser.read(candidate, encoding="utf-8")
            except (UnicodeDecodeError, configparser.Error):
                continue  # flake8 ignores an unparseable file too
            if parser.has_section("flake8") or parser.has_section("flake8:local-plugins"):
                return candidate
    return None


def flake8_values(path: Optional[Path]) -> Dict[str, Any]:
    """The ``egress-<key>`` options of a flake8 configuration file's [flake8] section."""
    if path is None:
        return {}
    parser = configparser.RawConfigParser()
    try:
        parser.read(path, encoding="utf-8")
    except (UnicodeDecodeError, configparser.Error) as exc:
        raise ConfigError(f"{path}: cannot read configuration: {exc}") from None
    if not parser.has_section("flake8"):
        return {}
    values: Dict[str, Any] = {}
    for name, raw in parser.items("flake8"):
        key = name.replace("_", "-")
        if not key.startswith("egress-") or key == FLAKE8_CONFIG_KEY:
            continue
        option = BY_KEY.get(key[len("egress-"):])
        if option is None or not option.flake8:
            raise ConfigError(f"{path} [flake8]: unknown option '{name}'")
        try:
            values[option.key] = option.parse(name, raw)
        except OptionError as exc:
            raise ConfigError(f"{path} [flake8]: {exc}") from None
    return values


FLAKE8_CONFIG_KEY = "egress-config"  # the plugin's --egress-config, the CLI's --config


def flake8_config_file(path: Optional[Path]) -> Optional[Path]:
    """The pyproject.toml that a flake8 configuration file names for every file (``egress-config``),
    resolved as flake8 resolves it: a value with a "/" from the configuration file's folder."""
    if path is None:
        return None
    parser = configparser.RawConfigParser()
    try:
        parser.read(path, encoding="utf-8")
    except (UnicodeDecodeError, configparser.Error) as exc:
        raise ConfigError(f"{path}: cannot read configuration: {exc}") from None
    for name, raw in parser.items("flake8") if parser.has_section("flake8") else ():
        if name.replace("_", "-") == FLAKE8_CONFIG_KEY and raw.strip():
            value = raw.strip()
            return (path.parent / value).resolve() if "/" in value else Path(value)
    return None


class Resolver:
    """The settings of each checked file: its nearest pyproject.toml with a [tool.egress-lint] table
    (or ``config`` for every file), over flake8's ``egress-*`` options, under the command-line flags.
    Each configuration file is read once."""

    def __init__(self, config: Optional[Path] = None, overrides: Iterable[Tuple[str, Any]] = (),
                 extra_exclude: Sequence[str] = (), base: Optional[Mapping[str, Any]] = None) -> None:
        self.config = config
        self.overrides = tuple(overrides)
        self.extra_exclude = tuple(extra_exclude)
        self.base = dict(base or {})
        self._by_config: Dict[Optional[Path], Settings] = {}
        self._by_folder: Dict[Path, Optional[Path]] = {}
        self._by_dirname: Dict[str, Optional[Path]] = {}  # the same by the folder's spelling: no Path per file

    def config_for(self, path: str) -> Optional[Path]:
        if self.config is not None:
            return self.config
        folder = os.path.dirname(path)  # as spelled: files of one folder share it (the working directory stays put)
        try:
            return self._by_dirname[folder]
        except KeyError:
            found = self._by_dirname[folder] = self._nearest(Path(os.path.abspath(folder or ".")))
            return found

    def _nearest(self, folder: Path) -> Optional[Path]:
        """find_pyproject, remembered per folder: the files of a tree share their parents' answers."""
        if folder in self._by_folder:
            return self._by_folder[folder]
        found = pyproject_in(folder)
        if found is None and folder.parent != folder:
            found = self._nearest(folder.parent)
        self._by_folder[folder] = found
        return found

    def settings_for_config(self, config: Optional[Path]) -> Settings:
        if config not in self._by_config:
            if config is not None:
                settings = load_settings(config, overrides=self.overrides, base=self.base)
            else:
                settings = self._without_pyproject()
            if self.extra_exclude:
                settings = settings.replace(exclude=tuple(settings["exclude"]) + self.extra_exclude)
            self._by_config[config] = settings
        return self._by_config[config]

    def _without_pyproject(self) -> Settings:
        values = dict(self.base)
        values.update(self.overrides)
        settings = Settings(values, "")
        check_enabled(settings, "settings")
        return settings

    def settings_for(self, path: str) -> Settings:
        return self.settings_for_config(self.config_for(path))

    def default(self) -> Settings:
        """The settings that apply in the working directory."""
        return self.settings_for(os.path.join(os.getcwd(), "-"))
