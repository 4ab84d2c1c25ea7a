"""Every user option, declared once.

Each declaration reaches ``[tool.egress-lint]`` in pyproject.toml under ``key`` and, when
``flake8`` is true, flake8 as ``--egress-<key>`` (also readable from setup.cfg / tox.ini / .flake8).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Callable, Dict, Tuple

from .analysis.vocabulary import SENSITIVE_DATA

_CODE = re.compile(r"^EGR\d{0,3}$")


class OptionError(ValueError):
    """A value that does not fit its option; the message names the option."""


def _strings(key: str, value: Any) -> Tuple[str, ...]:
    if isinstance(value, str):
        value = [part for part in re.split(r"[,\s]+", value) if part]
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
        raise OptionError(f"'{key}' must be a list of strings, got {value!r}")
    return tuple(v.strip() for v in value if v.strip())


def _codes(key: str, value: Any) -> Tuple[str, ...]:
    from .catalogue import RULES  # lazily: flake8 imports this module at start-up

    codes = tuple(code.upper() for code in _strings(key, value))
    for code in codes:
        if not _CODE.match(code):
            raise OptionError(f"'{key}' has {code!r}, which is not an egress-lint code or prefix (EGR101, EGR1)")
        if not any(rule.code.startswith(code) for rule in RULES):
            # a typo here would silently switch a rule off (or on): say so instead
            raise OptionError(f"'{key}' has {code!r}, which matches no egress-lint rule (see `egress-lint rules`)")
    return codes


def glob_error(pattern: str) -> str:
    """Why a glob cannot mean what its author meant, or "" when it is fine. fnmatch accepts any
    text, reading an unclosed ``[`` as a literal bracket, so a typo would silently exclude nothing."""
    if not pattern.strip().rstrip("/"):
        return "is empty"
    i = 0
    while i < len(pattern):
        if pattern[i] == "[":  # the same scan as fnmatch.translate
            j = i + 1
            if j < len(pattern) and pattern[j] == "!":
                j += 1
            if j < len(pattern) and pattern[j] == "]":
                j += 1
            j = pattern.find("]", j)
            if j < 0:
                return f"has an unclosed '[' at position {i + 1}"
            i = j
        i += 1
    return ""


def _check_glob(key: str, pattern: str) -> str:
    problem = glob_error(pattern)
    if problem:
        raise OptionError(f"'{key}' glob {pattern!r} {problem}")
    return pattern


def _globs(key: str, value: Any) -> Tuple[str, ...]:
    return tuple(_check_glob(key, pattern) for pattern in _strings(key, value))


def _per_file(key: str, value: Any) -> Tuple[Tuple[str, Tuple[str, ...]], ...]:
    if isinstance(value, str):  # flake8 style: "tests/*:EGR201,EGR202 other.py:EGR1"
        pairs = []
        for item in value.split():
            pattern, _, codes = item.partition(":")
            if not codes:
                raise OptionError(f"'{key}' entry {item!r} must look like PATTERN:CODE[,CODE]")
            pairs.append((_check_glob(key, pattern), _codes(key, codes)))
        return tuple(pairs)
    if not isinstance(value, dict):
        raise OptionError(f"'{key}' must be a table of glob = [codes], got {value!r}")
    return tuple((_check_glob(key, pattern), _codes(f"{key}.{pattern}", codes)) for pattern, codes in value.items())


def _hosts(key: str, value: Any) -> Tuple[str, ...]:
    from .analysis.hosts import check_entry

    entries = _strings(key, value)
    try:
        return tuple(check_entry(entry) for entry in entries)
    except ValueError as exc:
        raise OptionError(f"'{key}' has {exc}") from None


_SIZE = re.compile(r"^\s*(\d+)\s*(|b|k|kb|kib|m|mb|mib|g|gb|gib)\s*$", re.IGNORECASE)
_UNITS = {"": 1, "b": 1, "k": 1024, "m": 1024 ** 2, "g": 1024 ** 3}


def _size(key: str, value: Any) -> int:
    """A size in bytes: a whole number, or a string such as "5MiB", "800k" (powers of 1024)."""
    if isinstance(value, int) and not isinstance(value, bool):
        size = value
    else:
        match = _SIZE.match(value) if isinstance(value, str) else None
        if match is None:
            raise OptionError(f"'{key}' must be a size in bytes such as 5242880 or \"5MiB\", got {value!r}")
        size = int(match.group(1)) * _UNITS[match.group(2)[:1].lower()]
    if size < 1:
        raise OptionError(f"'{key}' must be at least 1 byte, got {value!r}")
    return size


def _bool(key: str, value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("true", "1", "yes", "on", "false", "0", "no", "off"):
        return value.strip().lower() in ("true", "1", "yes", "on")
    raise OptionError(f"'{key}' must be true or false, got {value!r}")


@dataclass(frozen=True)
class Option:
    key: str
    parse: Callable[[str, Any], Any]
    default: Any
    help: str
    flake8: bool = True  # flake8 has its own select/ignore/exclude, so those stay CLI-only
    example: Any = None  # a sample pyproject value, for the pyproject/flake8 equivalence test

    @property
    def attr(self) -> str:
        return self.key.replace("-", "_")

    @property
    def flake8_flag(self) -> str:
        return f"--egress-{self.key}"


OPTIONS: Tuple[Option, ...] = (
    Option("select", _codes, ("EGR",), "codes or prefixes to report (default: all)", flake8=False),
    Option("extend-select", _codes, (), "codes or prefixes to report on top of select", flake8=False),
    Option("ignore", _codes, (), "codes or prefixes never to report", flake8=False),
    Option("exclude", _globs, (), "glob patterns of paths to skip", flake8=False),
    Option("per-file-ignores", _per_file, (), "glob = [codes] not reported in matching files", flake8=False),
    Option("allowed-hosts", _hosts, (),
           "hosts the cleartext rules treat as internal: exact names, '*.suffix' wildcards, CIDR ranges",
           example=["api.internal", "*.corp.example.com", "10.0.0.0/8"]),
    Option("sensitive-keys", _strings,
           SENSITIVE_DATA,
           "body or query keys whose values are sensitive data (matched against whole words of a key, or a run of "
           "them); credentials are recognised by their own vocabulary",
           example=["password", "api_key", "member_number"]),
    Option("sensitive-paths", _strings,
           ("auth", "login", "logout", "signin", "signup", "register", "token", "tokens", "oauth", "oauth2", "admin",
            "payment", "payments", "transfer", "transfers", "account", "accounts", "user", "users", "password",
            "checkout", "billing"),
           "URL path segments that make a request sensitive (whole segments: /authors is not /auth)",
           example=["login", "admin", "members"]),
    Option("auth-headers", _strings,
           ("Authorization", "Proxy-Authorization", "X-API-Key", "Api-Key", "X-Auth-Token", "X-Access-Token"),
           "request headers that carry credentials (case-insensitive)",
           example=["Authorization", "X-Internal-Token"]),
    # Measured: dense client code costs about 160 MB of memory per MB of source to parse and analyse,
    # so 5 MiB keeps a worker under about 1 GB. A larger file is reported as not checked (exit 2):
    # padding a file must not be a way past the gate.
    Option("max-file-size", _size, 5 * 1024 * 1024,
           "files larger than this many bytes (or e.g. \"8MiB\") are not parsed and are reported as not checked",
           example="8MiB"),
    Option("src", _strings, (),
           "folders where the project's own top-level packages are found, as ruff's src (relative to the "
           "folder of the pyproject.toml in use, else the working directory; globs such as \"packages/*\" "
           "allowed); replaces the project folder and its src/ as roots",
           example=["src", "lib", "packages/*"]),
    Option("disable-noqa", _bool, False, "report findings even where a '# noqa' comment hides them", flake8=False),
)

BY_KEY: Dict[str, Option] = {option.key: option for option in OPTIONS}
