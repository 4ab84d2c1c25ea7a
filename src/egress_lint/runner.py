"""Runs the engine over a list of files and returns one result per file, in the order given.

Files whose bytes are in the cache are answered from it; the rest are spread over worker processes.
The order of the results never depends on the number of workers.
"""
from __future__ import annotations

import multiprocessing
import os
from typing import List, Optional, Sequence, Tuple

from .cache import Cache, content_hash
from .config import Settings
from .diagnostics import Diagnostic
from .engine import FileResult, check_source, read_file

# Below this many files to check, starting workers costs more than it saves.
_MIN_FILES_PER_WORKER = 8

_worker_settings: Optional[Settings] = None
_worker_inventory = False


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


def run_files(files: Sequence[str], settings: Settings, jobs: Optional[int] = None,
              cache: Optional[Cache] = None, inventory: bool = False) -> List[FileResult]:
    """With ``inventory`` each result also lists the file's connections (never cached)."""
    if inventory:
        cache = None
    results: List[Optional[FileResult]] = [None] * len(files)
    pending: List[int] = []
    for i, path in enumerate(files):
        found = None
        if cache is not None:
            try:
                found = cache.get(path, content_hash(read_file(path)))
            except OSError:
                pass  # reported when the file is checked
        if found is not None:
            results[i] = found
        else:
            pending.append(i)
    for i, (digest, result) in zip(pending, _check_all([files[i] for i in pending], settings, jobs, inventory)):
        results[i] = result
        if cache is not None and digest is not None and not result.internal_errors:
            cache.put(files[i], digest, result)  # an internal error may be passing (memory): not kept
    if cache is not None:
        cache.save()
    return results  # type: ignore[return-value]


def _check_all(paths: List[str], settings: Settings, jobs: Optional[int], inventory: bool = False):
    jobs = min(jobs or default_jobs(), len(paths) // _MIN_FILES_PER_WORKER)
    if jobs <= 1:
        return [_check(path, settings, inventory) for path in paths]
    with multiprocessing.Pool(jobs, initializer=_init_worker, initargs=(settings, inventory)) as pool:
        # Small chunks: a few files hold most of the work, and one worker must not get them all.
        return pool.map(_check_in_worker, paths, chunksize=max(1, min(16, len(paths) // (jobs * 16))))


def _init_worker(settings: Settings, inventory: bool = False) -> None:
    global _worker_settings, _worker_inventory
    _worker_settings = settings
    _worker_inventory = inventory


def _check_in_worker(path: str) -> Tuple[Optional[str], FileResult]:
    assert _worker_settings is not None
    return _check(path, _worker_settings, _worker_inventory)


def _check(path: str, settings: Settings, inventory: bool = False) -> Tuple[Optional[str], FileResult]:
    """The result and the hash of the very bytes it was computed from (None when unreadable)."""
    try:
        data = read_file(path)
    except OSError as exc:
        return None, FileResult(path, error=f"{path}: cannot read: {exc.strerror or exc}")
    return content_hash(data), check_source(data, path, settings, inventory=inventory)


def reported(result: FileResult, settings: Settings) -> List[Diagnostic]:
    """The result's findings less those the per-file-ignores setting hides for its path."""
    from .files import matches

    ignored = [code for pattern, codes in settings["per-file-ignores"] if matches(result.path, [pattern])
               for code in codes]
    return [d for d in result.diagnostics if not any(d.code.startswith(c) for c in ignored)]
