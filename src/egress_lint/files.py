"""Which files a run checks: walk the given paths, skip tool, VCS, virtualenv and build folders."""
from __future__ import annotations

import fnmatch
import os
from pathlib import Path, PurePosixPath
from typing import Iterable, Iterator, List, Sequence, Tuple

SKIPPED_FOLDERS = frozenset({
    ".git", ".hg", ".svn", ".bzr", ".tox", ".nox", ".venv", "venv", ".direnv", "__pycache__", "build", "dist",
    "node_modules", ".mypy_cache", ".pytest_cache", ".ruff_cache", ".egress-lint-cache", "site-packages",
    "__pypackages__", ".eggs", ".ipynb_checkpoints",
})


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


def _skip_folder(folder: str, name: str) -> bool:
    return name in SKIPPED_FOLDERS or name.endswith(".egg-info") or os.path.exists(os.path.join(folder, name, "pyvenv.cfg"))


def discover(paths: Iterable[str], exclude: Sequence[str] = ()) -> Tuple[List[str], List[str]]:
    """The files to check, sorted, and the errors (paths that do not exist)."""
    found: List[str] = []
    errors: List[str] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(_walk(path, exclude, errors))
        elif path.exists() or path.is_symlink():
            if not matches(_relative(path), exclude):
                found.append(str(path))  # named explicitly: checked whatever its suffix
        else:
            errors.append(f"{raw}: no such file or directory")
    return sorted(dict.fromkeys(found)), sorted(errors)


def _walk(root: Path, exclude: Sequence[str], errors: List[str]) -> Iterator[str]:
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
        errors.append(f"{exc.filename}: cannot read folder: {exc.strerror or exc}")

    for folder, dirs, files in os.walk(top, onerror=unreadable):
        # Spelled as Path spells it ("./a/b.py" is "a/b.py"), without making a Path per file.
        prefix = folder[len(top):].lstrip(os.sep) if top == "." else folder
        dirs[:] = sorted(d for d in dirs if not _skip_folder(folder, d) and not excluded(folder, d))
        for name in sorted(files):
            if name.endswith(".py") and not excluded(folder, name):
                yield os.path.join(prefix, name)


def _relative(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError, RuntimeError):  # elsewhere, or a symlink loop (RuntimeError before 3.13)
        return str(path)
