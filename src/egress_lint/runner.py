"""Runs the engine over a list of files and returns one result per file, in the order given.

Files whose bytes are in the cache are answered from it; the rest are spread over worker processes.
The order of the results never depends on the number of workers.
"""
from __future__ import annotations

import gc
import multiprocessing
import os
import shutil
import signal
import tempfile
from typing import Callable, Dict, List, Optional, Sequence, Tuple

from .cache import Cache, content_hash
from .config import Settings
from .diagnostics import Diagnostic
from .engine import FileResult, FileTooLarge, check_source, paused_gc, read_file

# Below this many files to check, starting workers costs more than it saves.
_MIN_FILES_PER_WORKER = 8

_worker_settings: Optional[Settings] = None
_worker_inventory = False
Task = Callable[[str, Settings], Tuple[Optional[str], FileResult]]
_worker_task: Optional[Task] = None


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


def run_files(files: Sequence[str], settings: Settings, jobs: Optional[int] = None,
              cache: Optional[Cache] = None, inventory: bool = False, task: Optional[Task] = None) -> List[FileResult]:
    """With ``inventory`` each result also lists the file's connections (never cached). ``task``
    (a picklable ``task(path, settings) -> (digest, result)``) replaces the check of each file, as
    `fix` does (never cached)."""
    global _digests
    if inventory or task is not None:
        cache = None
    _digests = cache is not None
    results: List[Optional[FileResult]] = [None] * len(files)
    pending: List[int] = []
    for i, path in enumerate(files):
        found = None
        if cache is not None:
            try:
                found = cache.get(path, content_hash(read_file(path, settings["max-file-size"])))
            except (OSError, FileTooLarge):
                pass  # reported when the file is checked
        if found is not None:
            results[i] = found
        else:
            pending.append(i)
    for i, (digest, result) in zip(pending, _check_all([files[i] for i in pending], settings, jobs, inventory, task)):
        results[i] = result
        if cache is not None and digest is not None and not result.internal_errors:
            cache.put(files[i], digest, result)  # an internal error may be passing (memory): not kept
    if cache is not None:
        cache.save()
    return results  # type: ignore[return-value]


def _check_all(paths: List[str], settings: Settings, jobs: Optional[int], inventory: bool = False,
               task: Optional[Task] = None):
    jobs = min(jobs or default_jobs(), len(paths) // _MIN_FILES_PER_WORKER)
    if jobs <= 1:
        enabled, frozen = gc.isenabled(), gc.get_freeze_count()
        gc.disable()  # as in a worker (``_init_worker``), for the files only
        try:
            return [_one(path, settings, inventory, task) for path in paths]
        finally:
            if gc.get_freeze_count() != frozen:
                gc.unfreeze()
            if enabled:
                gc.enable()
    return _check_in_pool(paths, settings, jobs, inventory, task)


# The engine breaks the reference cycles of what it builds for a file (SemanticModel.release), so
# reference counting frees a file's garbage as soon as it is checked; the cyclic collector would
# mostly walk the project's long-lived state again and again (0.5 s of a 7 s run of the bench
# corpus, which leaves 79 objects in cycles). While files are checked it is off, and runs after
# _COLLECT_FIRST files for whatever cycles remain; each collection that frees less than
# _COLLECT_WORTH objects doubles the wait for the next (on the bench corpus they free 82, 0 and 0
# objects and cost 35-70 ms each).
_COLLECT_FIRST = 1000
_COLLECT_WORTH = 10_000
_collect_every = _COLLECT_FIRST
_checked_since_collect = 0


def _one(path: str, settings: Settings, inventory: bool, task: Optional[Task]) -> Tuple[Optional[str], FileResult]:
    outcome = task(path, settings) if task else _check(path, settings, inventory)
    _collect_now_and_then()
    return outcome


def _collect_now_and_then() -> None:
    global _checked_since_collect, _collect_every
    _checked_since_collect += 1
    if _checked_since_collect >= _collect_every:
        _checked_since_collect = 0
        if gc.collect() < _COLLECT_WORTH:
            _collect_every *= 2
        gc.freeze()  # what survives is the run's long-lived state: the next collection skips it


# Why each worker that died during the run died ("killed by signal 9"); the commands read it.
_lost_workers: List[str] = []


def lost_workers() -> List[str]:
    lost = list(_lost_workers)
    _lost_workers.clear()
    return lost


def _check_in_pool(paths: List[str], settings: Settings, jobs: int, inventory: bool, task: Optional[Task] = None):
    """The files over ``jobs`` worker processes. A worker that dies (the OOM killer, ``kill -9``)
    breaks the pool instead of hanging it: the file it was checking is reported as not checked,
    the files it and the others had not finished run again in a new pool, and the run says a worker
    died. Each worker notes the file it is on in a small file of its own, so the dead one can be named."""
    results: Dict[int, Tuple[Optional[str], FileResult]] = {}
    remaining = list(range(len(paths)))
    while remaining:
        blamed, died = _pool_round(paths, remaining, settings, jobs, inventory, results, task)
        if not died:
            break
        _lost_workers.extend(died)
        for i, why in blamed.items():
            results[i] = (None, FileResult(paths[i], error=f"{paths[i]}: not checked: the worker process checking "
                                                           f"it died ({why}); it may need more memory than the "
                                                           "worker had"))
        unfinished = [i for i in remaining if i not in results]
        if not blamed and len(unfinished) == len(remaining):  # nothing named and nothing done: stop here
            for i in unfinished:
                results[i] = (None, FileResult(paths[i], error=f"{paths[i]}: not checked: worker processes "
                                                               "kept dying"))
            unfinished = []
        remaining = unfinished
    return [results[i] for i in range(len(paths))]


def _pool_round(paths, remaining, settings, jobs, inventory, results, task=None):
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
    from concurrent.futures.process import BrokenProcessPool

    jobs = max(1, min(jobs, len(remaining)))
    lanes = _Lanes(remaining, jobs)
    notes = tempfile.mkdtemp(prefix="egress-lint-workers-")
    # The pool's workers, through multiprocessing's public view of this process's children (the
    # executor keeps its own map private): their pids name the note files, their exit codes say
    # which one died and how.
    others = set(multiprocessing.active_children())
    # The workers are forked from this process: what it holds now (the engine's modules, tables and
    # compiled patterns) is frozen first, so the collections a worker runs do not walk it (nor write
    # to its pages, which the worker shares with this process until then).
    freeze = gc.get_freeze_count() == 0
    if freeze:
        gc.freeze()
    try:
        with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context(_START_METHOD),
                                 initializer=_init_worker, initargs=(settings, inventory, notes, task, _digests)) as pool:
            pending = {}

            def submit(lane: int) -> None:
                chunk = lanes.take(lane)
                if chunk:
                    pending[pool.submit(_check_chunk, [paths[i] for i in chunk])] = (chunk, lane)

            for lane in range(jobs):
                submit(lane)
            workers = _workers(others)
            broken = False
            try:
                while pending:
                    done, _ = wait(pending, return_when=FIRST_COMPLETED)
                    for future in done:
                        chunk, lane = pending.pop(future)
                        for i, outcome in zip(chunk, future.result()):
                            results[i] = outcome
                        submit(lane)  # one chunk in flight per worker: the worker now idle gets it
            except BrokenProcessPool:
                broken = True
                workers.update(_workers(others))
        # Only once the pool has shut down (and reaped every worker) are the exit codes settled.
        return _blame(workers, notes, paths) if broken else ({}, [])
    finally:
        if freeze:
            gc.unfreeze()
        shutil.rmtree(notes, ignore_errors=True)


class _Lanes:
    """The files cut into one run of neighbours per worker, handed out a chunk at a time from the
    front of each run. Files next to each other read the same modules of their project, which a
    worker summarises once for every file it checks (small chunks dealt round-robin made each
    worker summarise most of the project: 0.5 s of CPU more on the bench corpus). A worker whose
    run is done takes the back half of the longest run left, so all finish together."""

    # A quarter of what is left of the run at a time, between these: large while a run is long
    # (each chunk is a round trip through this process, during which the worker waits), small at
    # its end (a few files hold most of the work, and one worker must not be left with them all).
    CHUNK_LEAST = 8
    CHUNK_MOST = 64

    def __init__(self, items: List[int], jobs: int) -> None:
        self.items = items
        per = -(-len(items) // jobs)
        self.runs = [[k, min(k + per, len(items))] for k in range(0, len(items), per)]
        self.runs += [[len(items), len(items)] for _ in range(jobs - len(self.runs))]

    def take(self, lane: int) -> List[int]:
        run = self.runs[lane]
        if run[0] >= run[1]:
            longest = max(self.runs, key=lambda r: r[1] - r[0])
            left = longest[1] - longest[0]
            if left <= 0:
                return []
            middle = longest[1] - left // 2 if left > self.CHUNK_LEAST else longest[0]
            run[0], run[1] = middle, longest[1]
            longest[1] = middle
        size = max(self.CHUNK_LEAST, min(self.CHUNK_MOST, (run[1] - run[0]) // 4))
        chunk = self.items[run[0]:min(run[0] + size, run[1])]
        run[0] += len(chunk)
        return chunk


def _workers(others) -> Dict[int, "multiprocessing.process.BaseProcess"]:
    """The child processes started since ``others`` was taken (the pool's workers), by pid."""
    return {process.pid: process for process in multiprocessing.active_children() if process not in others}


def _blame(workers, notes: str, paths: List[str]):
    """The files the dead workers were on (index -> why), and why each died."""
    index = {path: i for i, path in enumerate(paths)}
    blamed: Dict[int, str] = {}
    died: List[str] = []
    for pid, process in workers.items():
        code = process.exitcode
        if code is None or code == 0 or code == -signal.SIGTERM:  # alive, clean, or ended by the pool
            continue
        why = f"killed by signal {-code}" if code < 0 else f"exit status {code}"
        died.append(why)
        try:
            with open(os.path.join(notes, str(pid)), "rb") as handle:
                held = os.fsdecode(handle.read().split(b"\0", 1)[0])
        except OSError:
            continue
        if held in index:
            blamed[index[held]] = why
    return blamed, died or ["it ended abruptly"]


_START_METHOD = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
_worker_note: Optional[int] = None
# Whether a file's result goes with the hash of its bytes: only a run that keeps a cache needs it.
_digests = True


def _init_worker(settings: Settings, inventory: bool = False, notes: Optional[str] = None,
                 task: Optional[Task] = None, digests: bool = True) -> None:
    global _worker_settings, _worker_inventory, _worker_note, _worker_task, _digests
    _digests = digests
    gc.disable()  # see _COLLECT_FIRST
    _worker_settings = settings
    _worker_inventory = inventory
    _worker_task = task
    if notes is not None:
        _worker_note = os.open(os.path.join(notes, str(os.getpid())), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)


def _check_chunk(paths: List[str]) -> List[Tuple[Optional[str], FileResult]]:
    assert _worker_settings is not None
    outcomes = []
    for path in paths:
        _note(path)
        outcomes.append(_one(path, _worker_settings, _worker_inventory, _worker_task))
        _note("")
    return outcomes


def _note(path: str) -> None:
    """The file this worker is on, in its note ("" for none): the path and a NUL, or nothing. One
    system call each way (a path is noted only after the note was emptied)."""
    if _worker_note is not None:
        if path:
            os.pwrite(_worker_note, os.fsencode(path) + b"\0", 0)
        else:
            os.ftruncate(_worker_note, 0)


def _check(path: str, settings: Settings, inventory: bool = False) -> Tuple[Optional[str], FileResult]:
    """The result and the hash of the very bytes it was computed from (None when unreadable)."""
    try:
        data = read_file(path, settings["max-file-size"])
    except FileTooLarge as exc:
        return None, FileResult(path, error=f"{path}: {exc}")
    except OSError as exc:
        return None, FileResult(path, error=f"{path}: cannot read: {exc.strerror or exc}")
    # The collector waits until the file's tree and model are garbage: resumed inside the engine,
    # it would first walk them while still alive and promote them, then walk them again.
    with paused_gc():
        result = check_source(data, path, settings, inventory=inventory, dependencies=_digests)
    return (content_hash(data) if _digests else None), result


def reported(result: FileResult, settings: Settings) -> List[Diagnostic]:
    """The result's findings less those the per-file-ignores setting hides for its path."""
    from .files import matches

    ignored = [code for pattern, codes in settings["per-file-ignores"] if matches(result.path, [pattern])
               for code in codes]
    return [d for d in result.diagnostics if not any(d.code.startswith(c) for c in ignored)]
