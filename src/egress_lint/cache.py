"""The result cache: a file's result is reused while its bytes, the tool and the settings are unchanged.

A result cache must never be able to change the answer, and the checked tree is written by whoever
opened the pull request. So:

- By default the cache lives outside the checked tree, in the user's cache folder
  (``$XDG_CACHE_HOME/egress-lint`` or ``~/.cache/egress-lint``), one folder per project path, as
  pre-commit and pip keep theirs. A ``.egress-lint-cache/`` committed into the tree is never read.
- Every entry carries an HMAC made with a per-machine secret kept in that user folder
  (``key``, mode 0600). An entry whose MAC does not match (written elsewhere, or edited) is ignored,
  the file is checked again, and the run says so once. ``--cache-dir`` still works, also inside the
  tree, because a forged entry there fails the same check.

One JSON file per (tool, settings) pair maps each path to the hash of the bytes that were checked, the
hashes of the other project modules its analysis read (editing ``settings.py`` re-checks every file
that read a value from it), and the result. JSON, not pickle: loading a cache must never run code from it. Anything that does not
decode exactly is a miss, never an error; a cache file that cannot be read at all (not a regular
file, too large, nested too deeply, damaged) is ignored and every file checked, then the run ends with
one line and exit 2 (the tool's own state is damaged); the file is replaced on save.
"""
from __future__ import annotations

import dataclasses
import enum
import hashlib
import hmac
import json
import os
import secrets
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

DEFAULT_DIR = ".egress-lint-cache"  # still skipped by the file walk; no longer where the cache goes
_FORMAT = 2
_KEY_BYTES = 32
_MAX_CACHE_BYTES = 512 * 1024 * 1024
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


def user_cache_root() -> Path:
    """``$XDG_CACHE_HOME/egress-lint`` (when set to an absolute path), else ``~/.cache/egress-lint``."""
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    base = Path(xdg) if xdg and os.path.isabs(xdg) else Path.home() / ".cache"
    return base / "egress-lint"


def default_folder(project: Path) -> Path:
    """The cache folder of a project, keyed by its absolute path, outside the checked tree."""
    project = Path(os.path.abspath(project))
    digest = hashlib.blake2b(os.fsencode(str(project)), digest_size=10).hexdigest()
    name = "".join(c if c.isalnum() or c in "-_." else "_" for c in project.name)[:40] or "root"
    return user_cache_root() / "projects" / f"{name}-{digest}"


@lru_cache(maxsize=1)
def machine_key() -> bytes:
    """The per-machine secret that authenticates cache entries, created on first use. When it can
    be neither read nor created, a key for this process only: nothing read from disk will match."""
    root = user_cache_root()
    path = root / "key"
    for _ in range(2):
        try:
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
            with os.fdopen(fd, "rb") as handle:
                key = handle.read(_KEY_BYTES + 1)
            if len(key) == _KEY_BYTES:
                return key
            return secrets.token_bytes(_KEY_BYTES)  # a damaged key: trust nothing on disk
        except FileNotFoundError:
            pass
        except OSError:
            return secrets.token_bytes(_KEY_BYTES)
        try:
            root.mkdir(parents=True, exist_ok=True, mode=0o700)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
            with os.fdopen(fd, "wb") as handle:
                handle.write(secrets.token_bytes(_KEY_BYTES))
        except FileExistsError:
            continue  # another run made it first: read theirs
        except OSError:
            return secrets.token_bytes(_KEY_BYTES)
    return secrets.token_bytes(_KEY_BYTES)


def sign_entry(path: str, entry: Dict[str, Any], key: Optional[bytes] = None) -> str:
    """The MAC of an entry (every field but ``mac`` itself) for a path, under the machine key."""
    body = {name: value for name, value in entry.items() if name != "mac"}
    message = json.dumps([path, body], sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    return hmac.new(key or machine_key(), message.encode("ascii"), hashlib.sha256).hexdigest()


class Cache:
    def __init__(self, folder: Path, settings: Settings) -> None:
        self.folder = folder
        self.file = folder / f"{tool_fingerprint()}-{settings.fingerprint()}.json"
        self.unauthentic = 0  # entries ignored because their MAC did not match
        self.unreadable: Optional[str] = None  # why the cache file could not be read at all
        self._entries: Dict[str, Any] = self._load()
        self._changed = False
        self._hashes: Dict[str, str] = {}  # dependency path -> its hash now

    def _load(self) -> Dict[str, Any]:
        from .safe_json import load_json

        try:
            entries = load_json(self.file, _MAX_CACHE_BYTES)
        except FileNotFoundError:
            return {}
        except ValueError as exc:
            self.unreadable = str(exc)
            self._changed = True  # replaced by a good file on save
            return {}
        return entries if isinstance(entries, dict) else {}

    def get(self, path: str, digest: str) -> Optional[FileResult]:
        entry = self._entries.get(path)
        if not isinstance(entry, dict) or entry.get("hash") != digest:
            return None
        mac = entry.get("mac")
        if not isinstance(mac, str) or not hmac.compare_digest(mac, sign_entry(path, entry)):
            self.unauthentic += 1
            del self._entries[path]  # dropped on save, so it is reported once
            self._changed = True
            return None
        if not self._dependencies_unchanged(entry.get("deps")):
            return None
        try:
            return decode_result(entry["result"], path)
        except Exception:  # noqa: BLE001 - a damaged entry is a miss: the file is checked again
            return None

    def _dependencies_unchanged(self, deps: Any) -> bool:
        """The other modules of the project the result was computed from still have the bytes it
        read (each is hashed once per run)."""
        if deps is None:
            return True
        if not isinstance(deps, dict):
            return False
        for dep, dep_digest in deps.items():
            current = self._hashes.get(dep)
            if current is None:
                from .engine import read_file

                try:
                    current = content_hash(read_file(dep))
                except (OSError, TypeError, ValueError):
                    current = ""
                self._hashes[dep] = current
            if current != dep_digest:
                return False
        return True

    def put(self, path: str, digest: str, result: FileResult) -> None:
        try:
            encoded = encode_result(result)
        except TypeError:
            return  # a value the cache cannot store exactly: leave the file uncached
        entry: Dict[str, Any] = {"hash": digest, "result": encoded}
        deps = getattr(result, "dependencies", None)
        if deps:
            entry["deps"] = dict(deps)  # signed with the rest
        try:
            entry["mac"] = sign_entry(path, entry)
        except (TypeError, ValueError):
            return
        self._entries[path] = entry
        self._changed = True

    def notes(self) -> list:
        """One line each for what the run should know about the cache (never changes the answer)."""
        notes = []
        if self.unreadable:
            notes.append(f"{self.file}: cannot read cache: {self.unreadable} (ignored: every file was checked "
                         "and every finding reported; delete it or pass --no-cache)")
        if self.unauthentic:
            count = self.unauthentic
            notes.append(f"{self.file}: ignored {count} cache entr{'y' if count == 1 else 'ies'} that failed "
                         "authentication (written on another machine or edited); those files were checked again")
        return notes

    def save(self) -> None:
        """Write atomically, so a concurrent run reads the old file or the new one, never half."""
        if not self._changed:
            return
        try:
            self._prepare_folder()
            fd, temporary = tempfile.mkstemp(dir=self.folder, prefix=".tmp-", suffix=".json")
            try:
                with os.fdopen(fd, "w", encoding="utf-8", errors="surrogatepass") as handle:
                    json.dump(self._entries, handle, separators=(",", ":"))
                os.replace(temporary, self.file)
            except BaseException:
                os.unlink(temporary)
                raise
        except (OSError, ValueError):
            pass  # a read-only tree still gets checked, only not cached
        self._changed = False

    def _prepare_folder(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        _create_once(self.folder / ".gitignore", "# Automatically created by egress-lint.\n*\n")
        _create_once(self.folder / "CACHEDIR.TAG", "Signature: 8a477f597d28d172789f06886806bc55\n"
                     "# This file is a cache directory tag created by egress-lint.\n")


def _create_once(path: Path, text: str) -> None:
    """Create a small file unless something (even a dangling symlink) is already there: a committed
    symlink must not make the cache write through it."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o644)
    except OSError:
        return
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)


def encode_result(result: FileResult) -> Dict[str, Any]:
    return {"diagnostics": [_encode(d) for d in result.diagnostics], "error": result.error,
            "internal_errors": list(result.internal_errors), "suppressed": result.suppressed,
            "noqa": [_encode(d) for d in result.noqa]}


def decode_result(data: Dict[str, Any], path: str) -> FileResult:
    from .engine import FileResult

    diagnostics = [_decode(d) for d in data["diagnostics"]]
    noqa = [_decode(d) for d in data["noqa"]]
    error, internal = data["error"], data["internal_errors"]
    if not all(isinstance(d, Diagnostic) and d.path == path for d in diagnostics + noqa) \
            or not (error is None or isinstance(error, str)) \
            or not (isinstance(internal, list) and all(isinstance(e, str) for e in internal)):
        raise ValueError("not a result for this path")
    suppressed = data.get("suppressed", 0)
    if not isinstance(suppressed, int) or isinstance(suppressed, bool) or suppressed < 0:
        raise ValueError("not a count")
    return FileResult(path, diagnostics, error, list(internal), suppressed=suppressed, noqa=noqa)


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
