"""Which files a run checks: walk the given paths, skip only what a user expects, and say what was skipped.

Skipped by default (each one is listed in the summary, JSON and SARIF; ``--no-default-excludes``
checks them too):

- version-control folders (``.git``, ``.hg``, ``.svn``, ``.bzr``) and tool caches (``__pycache__``,
  ``.mypy_cache``, ``.pytest_cache``, ``.ruff_cache``, ``.egress-lint-cache``, ``.ipynb_checkpoints``,
  ``.tox``, ``.nox``, ``.eggs``, ``__pypackages__``), by name;
- virtualenvs, detected at their root: a ``pyvenv.cfg`` with a ``home`` key next to ``bin/python``
  or ``Scripts/python.exe`` (an empty ``pyvenv.cfg`` is not a virtualenv);
- ``node_modules`` next to a ``package.json``.

Folders named ``build``, ``dist``, ``venv``, ``site-packages`` or ``*.egg-info`` are checked like any
other: a pull request can put code Python imports there. ``.gitignore`` is not read, because the pull
request being checked can change it.
"""
from __future__ import annotations

import fnmatch
import os
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Iterable, Iterator, List, Optional, Sequence, Tuple

SKIPPED_FOLDERS = frozenset({
    ".git", ".hg", ".svn", ".bzr", "__pycache__", ".mypy_cache", ".pytest_cache", ".ruff_cache",
    ".egress-lint-cache", ".ipynb_checkpoints", ".tox", ".nox", ".eggs", "__pypackages__",
})


@dataclass
class Discovery:
    """What a walk found: the files to check, the paths that do not exist, the folders skipped by
    default (path, why) and the paths left out by the ``exclude`` globs."""

    files: List[str] = field(default_factory=list)
    errors: List[str] = field(default_factory=list)
    skipped: List[Tuple[str, str]] = field(default_factory=list)
    excluded: List[str] = field(default_factory=list)


def matches(path: str, patterns: Sequence[str]) -> bool:
    """A glob matches the whole relative path, any trailing part of it, or the file name."""
    posix = PurePosixPath(path.replace(os.sep, "/"))
    text = str(posix)
    for pattern in patterns:
        pattern = pattern.rstrip("/")
        if fnmatch.fnmatch(text, pattern) or fnmatch.fnmatch(posix.name, pattern):
            return True
        if posix.match(pattern):
            return True
        if any(fnmatch.fnmatch(part, pattern) for part in posix.parts[:-1]):
            return True
    return False


def default_skip(folder: str, name: str) -> Optional[str]:
    """Why the folder ``name`` inside ``folder`` is skipped by default, or None."""
    if name in SKIPPED_FOLDERS:
        return "version control" if name in {".git", ".hg", ".svn", ".bzr"} else "tool cache"
    path = os.path.join(folder, name)
    if _is_virtualenv(path):
        return "virtualenv"
    if name == "node_modules" and os.path.isfile(os.path.join(folder, "package.json")):
        return "node_modules"
    return None


def _is_virtualenv(path: str) -> bool:
    config = os.path.join(path, "pyvenv.cfg")
    try:
        with open(config, encoding="utf-8", errors="replace") as handle:
            text = handle.read(64 * 1024)
    except OSError:
        return False
    if not any(line.partition("=")[0].strip().lower() == "home" for line in text.splitlines() if "=" in line):
        return False
    return any(os.path.lexists(os.path.join(path, *parts))
               for parts in (("bin", "python"), ("bin", "python3"), ("Scripts", "python.exe")))


def discover(paths: Iterable[str], exclude: Sequence[str] = (),
             default_excludes: bool = True, into: Optional[Discovery] = None) -> Tuple[List[str], List[str]]:
    """The files to check, sorted, and the errors (paths that do not exist). ``into`` also receives
    what was skipped and excluded."""
    found = into if into is not None else Discovery()
    files: List[str] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(_walk(path, exclude, found, default_excludes))
        elif path.exists() or path.is_symlink():
            if not matches(_relative(path), exclude):
                files.append(str(path))  # named explicitly: checked whatever its suffix
            else:
                found.excluded.append(str(path))
        else:
            found.errors.append(f"{raw}: no such file or directory")
    found.files = sorted(dict.fromkeys(files))
    found.errors.sort()
    found.skipped = sorted(dict.fromkeys(found.skipped))
    found.excluded = sorted(dict.fromkeys(found.excluded))
    return found.files, found.errors


def _walk(root: Path, exclude: Sequence[str], found: Discovery, default_excludes: bool) -> Iterator[str]:
    # Relative paths (for the exclude globs) are built by joining names onto the root's, because
    # resolving every path against the working directory costs more than the rest of the walk.
    top = str(root)  # Path has normalised it: "./a/" is "a"
    top_relative = _relative(root)

    def excluded(folder: str, name: str) -> bool:
        if not exclude:
            return False
        inside = os.path.relpath(os.path.join(folder, name), top)
        return matches(os.path.normpath(os.path.join(top_relative, inside)), exclude)

    def unreadable(exc: OSError) -> None:  # os.walk would skip an unreadable folder without a word
        found.errors.append(f"{exc.filename}: cannot read folder: {exc.strerror or exc}")

    for folder, dirs, files in os.walk(top, onerror=unreadable):
        # Spelled as Path spells it ("./a/b.py" is "a/b.py"), without making a Path per file.
        prefix = folder[len(top):].lstrip(os.sep) if top == "." else folder
        kept = []
        for name in sorted(dirs):
            why = default_skip(folder, name) if default_excludes else None
            if why is not None:
                found.skipped.append((os.path.join(prefix, name), why))
            elif excluded(folder, name):
                found.excluded.append(os.path.join(prefix, name) + os.sep)
            else:
                kept.append(name)
        dirs[:] = kept
        for name in sorted(files):
            if name.endswith((".py", ".ipynb")):
                if excluded(folder, name):
                    found.excluded.append(os.path.join(prefix, name))
                else:
                    yield os.path.join(prefix, name)


def _relative(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError, RuntimeError):  # elsewhere, or a symlink loop (RuntimeError before 3.13)
        return str(path)
