"""The result cache: a file's result is reused while its bytes, the tool and the settings are unchanged.

One JSON file per (tool, settings) pair under ``.egress-lint-cache/`` maps each path to the hash of
the bytes that were checked and the result. JSON, not pickle: the cache lives in the checked
repository, and loading it must never run code from it. Anything that does not decode exactly is a
miss, never an error.
"""
from __future__ import annotations

import dataclasses
import enum
import hashlib
import json
import os
import sys
import tempfile
import typing
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Dict, Optional

from . import __version__
from .diagnostics import Diagnostic, Fix, Severity

if TYPE_CHECKING:  # pragma: no cover - the engine (and every rule) loads only when a run needs it
    from .config import Settings
    from .engine import FileResult

DEFAULT_DIR = ".egress-lint-cache"
_FORMAT = 1
# The only types a cache file may name; anything else in an entry makes it a miss.
_DATACLASSES = {cls.__name__: cls for cls in (Diagnostic, Fix)}
_ENUMS = {cls.__name__: cls for cls in (Severity,)}


def content_hash(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=20).hexdigest()


@lru_cache(maxsize=1)
def tool_fingerprint() -> str:
    """The version, the Python that parses, and the tool's own source: a development checkout
    whose rules changed under an unchanged version number must not read older results."""
    digest = hashlib.blake2b(digest_size=12)
    digest.update(f"{_FORMAT}:{__version__}:{sys.version_info[:2]}".encode())
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*.py")):
        digest.update(str(path.relative_to(package)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


class Cache:
    def __init__(self, folder: Path, settings: Settings) -> None:
        self.folder = folder
        self.file = folder / f"{tool_fingerprint()}-{settings.fingerprint()}.json"
        self._entries: Dict[str, Any] = self._load()
        self._changed = False

    def _load(self) -> Dict[str, Any]:
        try:
            with open(self.file, encoding="utf-8") as handle:
                entries = json.load(handle)
        except (OSError, ValueError):
            return {}
        return entries if isinstance(entries, dict) else {}

    def get(self, path: str, digest: str) -> Optional[FileResult]:
        entry = self._entries.get(path)
        if not isinstance(entry, dict) or entry.get("hash") != digest:
            return None
        try:
            return decode_result(entry["result"], path)
        except Exception:  # noqa: BLE001 - a damaged entry is a miss: the file is checked again
            return None

    def put(self, path: str, digest: str, result: FileResult) -> None:
        try:
            encoded = encode_result(result)
        except TypeError:
            return  # a value the cache cannot store exactly: leave the file uncached
        self._entries[path] = {"hash": digest, "result": encoded}
        self._changed = True

    def save(self) -> None:
        """Write atomically, so a concurrent run reads the old file or the new one, never half."""
        if not self._changed:
            return
        try:
            self._prepare_folder()
            fd, temporary = tempfile.mkstemp(dir=self.folder, prefix=".tmp-", suffix=".json")
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as handle:
                    json.dump(self._entries, handle, separators=(",", ":"))
                os.replace(temporary, self.file)
            except BaseException:
                os.unlink(temporary)
                raise
        except OSError:
            pass  # a read-only tree still gets checked, only not cached
        self._changed = False

    def _prepare_folder(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        ignore = self.folder / ".gitignore"
        if not ignore.exists():
            ignore.write_text("# Automatically created by egress-lint.\n*\n", encoding="utf-8")
        tag = self.folder / "CACHEDIR.TAG"
        if not tag.exists():
            tag.write_text("Signature: 8a477f597d28d172789f06886806bc55\n"
                           "# This file is a cache directory tag created by egress-lint.\n", encoding="utf-8")


def encode_result(result: FileResult) -> Dict[str, Any]:
    return {"diagnostics": [_encode(d) for d in result.diagnostics], "error": result.error,
            "internal_errors": list(result.internal_errors)}


def decode_result(data: Dict[str, Any], path: str) -> FileResult:
    from .engine import FileResult

    diagnostics = [_decode(d) for d in data["diagnostics"]]
    error, internal = data["error"], data["internal_errors"]
    if not all(isinstance(d, Diagnostic) and d.path == path for d in diagnostics) \
            or not (error is None or isinstance(error, str)) \
            or not (isinstance(internal, list) and all(isinstance(e, str) for e in internal)):
        raise ValueError("not a result for this path")
    return FileResult(path, diagnostics, error, list(internal))


def _encode(value: Any) -> Any:
    if value is None or isinstance(value, (bool, int, float)) or type(value) is str:
        return value
    if isinstance(value, enum.Enum) and type(value).__name__ in _ENUMS:
        return {"enum": type(value).__name__, "value": value.value}
    if dataclasses.is_dataclass(value) and type(value).__name__ in _DATACLASSES:
        return {"type": type(value).__name__,
                "fields": {f.name: _encode(getattr(value, f.name)) for f in dataclasses.fields(value)}}
    if isinstance(value, tuple):
        return {"tuple": [_encode(item) for item in value]}
    raise TypeError(f"cannot cache a {type(value).__name__}")


def _decode(value: Any) -> Any:
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, dict):
        if "enum" in value:
            return _ENUMS[value["enum"]](value["value"])
        if "type" in value:
            cls = _DATACLASSES[value["type"]]
            fields = value["fields"]
            hints = _hints(cls)
            if set(fields) != set(hints):
                raise ValueError("fields differ")
            decoded = {name: _decode(item) for name, item in fields.items()}
            for name, item in decoded.items():
                if not _fits(item, hints[name]):
                    raise ValueError(f"{cls.__name__}.{name} has the wrong type")
            return cls(**decoded)
        if "tuple" in value:
            return tuple(_decode(item) for item in value["tuple"])
    raise ValueError(f"unexpected {type(value).__name__} in a cache entry")


@lru_cache(maxsize=None)
def _hints(cls: type) -> Dict[str, Any]:
    hints = typing.get_type_hints(cls)
    return {f.name: hints[f.name] for f in dataclasses.fields(cls)}


def _fits(value: Any, hint: Any) -> bool:
    """Does a decoded value have the type its field declares (Optional, Tuple and classes)."""
    origin = typing.get_origin(hint)
    if origin is typing.Union:
        return any(_fits(value, option) for option in typing.get_args(hint))
    if origin is tuple:
        args = typing.get_args(hint)
        if not isinstance(value, tuple):
            return False
        if len(args) == 2 and args[1] is Ellipsis:
            return all(_fits(item, args[0]) for item in value)
        return len(args) == len(value) and all(_fits(item, arg) for item, arg in zip(value, args))
    if hint is type(None):
        return value is None
    if hint is int:
        return isinstance(value, int) and not isinstance(value, bool)
    return isinstance(value, hint) if isinstance(hint, type) else False
